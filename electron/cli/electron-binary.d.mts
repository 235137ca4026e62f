// Types of electron-binary.mjs (plain JavaScript, so that it runs before anything is built).

/** The repository root. */
export declare const repoRoot: string;
/** The folder of the installed `electron` npm package. */
export declare function electronPackageDir(root?: string): string;
/** The Electron executable if it is installed, else `null`. */
export declare function findElectronBinary(pkgDir: string, env?: NodeJS.ProcessEnv): string | null;
/** Runs electron's install.js (what `npx install-electron` runs); true when it succeeded. */
export declare function runElectronInstaller(pkgDir: string, options?: { timeoutMs?: number }): Promise<boolean>;
/** The Electron binary, running the installer once when it is missing; `null` when still missing. */
export declare function ensureElectronBinary(pkgDir?: string): Promise<string | null>;
