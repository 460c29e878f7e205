import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { ipcMain, shell, type IpcMainInvokeEvent } from 'electron'
import { fail, ok, type Result } from '../../shared/api'
import type { CertificatePrintResult } from '../../shared/api/certificates'
import type { Device } from '../services'

/** Wire name shared with src/preload/index.ts. */
export const PRINT_CHANNEL = 'nir:print-certificate'
const PREFIX = 'nir-print-'

let dir: string | null = null

/**
 * *Skriv ut* in the desktop app (issue 10 point 3): the certificate is issued exactly as a
 * download is — `certificates.render` with `issue: true`, which records the issue before it
 * answers — and the PDF is opened in the system's PDF viewer (`shell.openPath`), whose print
 * dialog prints it. Why not `webContents.print()` of the PDF in a hidden window: Chromium shows
 * a PDF through its viewer plugin, which for years printed blank pages from `print()`
 * (electron#30947, fixed only in 30–32 by #43309), signals no "drawn" event to main (a print
 * before the plugin has drawn is blank), and our CSP (`object-src 'none'`) and sandbox stand in
 * its way; Electron cannot start in this build environment to prove otherwise. The system
 * viewer prints the very bytes that were recorded, with the printer dialog the caseworker knows.
 * The renderer chooses nothing but the certificate (person, scheme, language, issue anyway); the
 * bytes never come from the page.
 */
export function registerPrint(device: Device, isTrustedUrl: (url: string) => boolean): void {
  removeStalePrintFiles()
  ipcMain.removeHandler(PRINT_CHANNEL)
  ipcMain.handle(PRINT_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<CertificatePrintResult>> => {
    if (!event.senderFrame || !isTrustedUrl(event.senderFrame.url)) return fail('UNKNOWN_COMMAND')
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('INVALID_INPUT')
    // `issue` is ours to set: a print is always an issue. The contract validates the rest.
    const r = await device.dispatch('certificates.render', { ...input, issue: true })
    if (!r.ok) return r
    const { fileName, pdfBase64, issued } = r.value as { fileName: string; pdfBase64: string; issued: CertificatePrintResult['issued'] }
    const file = join(printDir(), basename(fileName))
    // Personal data on disk: readable by this user only, and removed when the app quits.
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'), { mode: 0o600 })
    const error = await shell.openPath(file)
    // The issue stands (the PDF was made and may be printed from a download); say so.
    if (error) return fail('CERTIFICATE_PRINT_FAILED', 'print')
    return ok({ fileName, issued })
  })
}

/** This run's private folder for PDFs handed to the viewer (0700, made on first use). */
function printDir(): string {
  dir ??= mkdtempSync(join(tmpdir(), PREFIX))
  return dir
}

/** Removes this run's printed PDFs (on quit): the viewer has them open or is done with them. */
export function removePrintFiles(): void {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = null
}

/** A run that crashed left its folder behind: remove every earlier one at start (one instance runs at a time). */
function removeStalePrintFiles(): void {
  let names: string[] = []
  try {
    names = readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX))
  } catch {
    return // an unreadable temp folder holds nothing of ours to remove
  }
  for (const name of names) {
    try {
      rmSync(join(tmpdir(), name), { recursive: true, force: true })
    } catch {
      // Another user's folder on a shared temp: not ours to remove.
    }
  }
}
