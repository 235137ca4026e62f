// The lab window and the security rules around it (Electron's security checklist):
// isolated, sandboxed renderer without Node; navigation and new windows blocked; a CSP on
// every response of the host; permission requests denied.
import { BrowserWindow, nativeTheme, session, shell } from 'electron';
import type { WebContents } from 'electron';
import { contentSecurityPolicy, isHostUrl, isPermissionAllowed, isSafeExternalUrl, withCsp } from './policy';

/** Session-wide rules: CSP fallback and permissions. Call once, before the window loads. */
export function hardenSession(hostOrigin: string): void {
  const ses = session.defaultSession;
  const csp = contentSecurityPolicy(hostOrigin);
  ses.webRequest.onHeadersReceived({ urls: [`${hostOrigin}/*`] }, (details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, hostOrigin));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, hostOrigin),
  );
}

/** Keeps a web contents on the host's pages: no navigation away, no new windows, no webviews. */
export function guardContents(contents: WebContents, hostOrigin: string): void {
  contents.on('will-navigate', (event) => {
    if (!isHostUrl(event.url, hostOrigin)) {
      event.preventDefault();
      console.warn(`KubeLab: blocked navigation to ${event.url}`);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isHostUrl(event.url, hostOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Creates the lab window, hidden until its first paint; the caller loads the host's URL. */
export function createLabWindow(hostOrigin: string, preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'KubeLab',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: preloadPath,
    },
  });
  guardContents(win.webContents, hostOrigin);
  win.once('ready-to-show', () => win.show());
  return win;
}
