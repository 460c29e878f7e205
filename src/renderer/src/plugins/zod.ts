import { config } from 'zod'

/**
 * The browser-mode host's Content-Security-Policy forbids eval (issue 6 point 13a), and so
 * should the Electron window's: without this, zod probes `new Function` to compile faster
 * parsers, which the browser reports as a CSP violation. Imported first by main.ts, before
 * any schema parses.
 */
config({ jitless: true })
