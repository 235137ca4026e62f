/** The shape of an image in the catalogue: what `docker image inspect` and the layers would say. */

/** One file of an image's root filesystem. */
export interface ImageFile {
  /** The content (empty for binaries). */
  content: string;
  /** For an executable: the simulated program it runs (`nginx`, `sh`, `sleep`...). */
  program?: string;
}

/** An image of the catalogue (all its tags share the behaviour). */
export interface ImageDef {
  /** The fully qualified repository (`docker.io/library/nginx`). */
  repository: string;
  /** Known tags and the size containerd reports for each (bytes, compressed). */
  tags: Record<string, number>;
  /** ENTRYPOINT. */
  entrypoint: string[];
  /** CMD. */
  cmd: string[];
  /** ENV (PATH first, as the Dockerfiles set it). */
  env: Record<string, string>;
  /** WORKDIR (default `/`). */
  workingDir?: string;
  /** STOPSIGNAL (default SIGTERM): nginx stops on SIGQUIT, httpd on SIGWINCH. */
  stopSignal?: string;
  /** The root filesystem: path → file (directories are implied by the paths). */
  files: Record<string, ImageFile>;
  /** The version of the software the image ships (`1.27.3`), per tag when it differs. */
  version: string;
  /** Tag → software version, for the tags whose version is not `version`. */
  versions?: Record<string, string>;
  /** What an idle container of the image uses. */
  usage: { cpuMilli: number; memoryBytes: number };
}

/** A file with text content. */
export function text(content: string): ImageFile {
  return { content };
}

/** Executables `names` in `dir`, each running the program of the same name (or `program`). */
export function bins(dir: string, names: string[], program?: string): Record<string, ImageFile> {
  const out: Record<string, ImageFile> = {};
  for (const n of names) out[`${dir}/${n}`] = { content: '', program: program ?? n };
  return out;
}

/** The applets every shell image has (busybox's, coreutils'), run by the simulated tools. */
export const SHELL_TOOLS = ['sh', 'echo', 'sleep', 'cat', 'ls', 'date', 'env', 'printenv', 'hostname', 'touch', 'rm', 'mkdir', 'true', 'false', 'test', '[', 'head', 'tail', 'wc', 'ps', 'kill', 'id', 'pwd', 'uname', 'seq', 'whoami', 'grep', 'sort', 'uniq', 'tee', 'basename', 'dirname', 'df', 'mount', 'tar'];

/** /etc/os-release of a Debian 12 based image (nginx, httpd, redis, postgres). */
export const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/** The files of a Debian 12 base: os-release, passwd, dash as /bin/sh, bash and coreutils. */
export function debianBase(): Record<string, ImageFile> {
  return {
    '/etc/os-release': text(DEBIAN_OS_RELEASE),
    '/etc/debian_version': text('12.8\n'),
    '/etc/passwd': text('root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n'),
    '/etc/hostname': text(''),
    '/root/.bashrc': text(''),
    '/tmp/.keep': text(''),
    ...bins('/bin', SHELL_TOOLS.filter((t) => t !== 'sh')),
    '/bin/sh': { content: '', program: 'sh' },
    '/bin/bash': { content: '', program: 'sh' },
    '/bin/dash': { content: '', program: 'sh' },
  };
}

/** Debian's PATH. */
export const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
