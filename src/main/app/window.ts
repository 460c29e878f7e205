/// <reference types="electron-vite/node" />
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, session } from 'electron'
// `?asset`: electron-vite resolves this to the file's path at run time, relative to the build.
import icon from '../../../resources/icon.png?asset'
import { isTrustedRendererUrl } from './trusted-url'

/** A7: only our own code runs; styles inline because Vuetify injects its theme that way. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** The renderer's entry: the dev server during `electron-vite dev`, the built file otherwise. */
export function rendererUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL
  // pathToFileURL: a path with spaces, `#` or a Windows drive letter still makes one exact URL.
  return dev ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href
}

/** Our renderer page, by exact origin (trusted-url.ts): who may call the contract and be navigated to. */
export function isTrustedUrl(url: string): boolean {
  return isTrustedRendererUrl(url, rendererUrl())
}

function installSecurity(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } })
  })
  // No permission (camera, notifications, …) is ever needed.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, done) => done(false))
  app.on('web-contents-created', (_e, contents) => {
    // A reload of our own page may go on; any other address (a link, a redirect) never loads here.
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/** The one window: isolated, sandboxed, no Node in the page, no navigation, no new windows. */
export function createMainWindow(preload: string): BrowserWindow {
  installSecurity()
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    autoHideMenuBar: true,
    // Windows and macOS take the icon from the packaged app; Linux window managers need it here.
    icon,
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(rendererUrl())
  return win
}
