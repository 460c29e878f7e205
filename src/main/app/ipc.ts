import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron'
import { fail } from '../../shared/api'
import { isContractName, type Device } from '../services'

export const INVOKE_CHANNEL = 'nir:invoke'
/** Every device event travels on this one channel as `{ name, payload }` (the preload filters by name). */
export const EVENT_CHANNEL = 'nir:event'

let stopForwarding: (() => void) | null = null

/**
 * One channel for the whole contract (style.md 4): routed by contract name through the same
 * `dispatch` as browser mode. Unknown names and calls from frames other than our own page
 * are refused. The device's events go the other way, to our own pages only.
 */
export function registerIpc(device: Device, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.removeHandler(INVOKE_CHANNEL)
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    if (!event.senderFrame || !isTrustedUrl(event.senderFrame.url)) return fail('UNKNOWN_COMMAND')
    if (typeof name !== 'string' || !isContractName(name)) return fail('UNKNOWN_COMMAND')
    return device.dispatch(name, input)
  })
  stopForwarding?.()
  stopForwarding = device.ctx.events.subscribe((event) => {
    // Looked up per event: the window may be reloaded or replaced, and a page that navigated
    // elsewhere (it cannot, but defence in depth) gets nothing.
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed() && isTrustedUrl(contents.getURL())) contents.send(EVENT_CHANNEL, event)
    }
  })
}
