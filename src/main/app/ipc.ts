import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { fail } from '../../shared/api'
import { isContractName, type Device } from '../services'

export const INVOKE_CHANNEL = 'nir:invoke'

/**
 * One channel for the whole contract (style.md 4): routed by contract name through the same
 * `dispatch` as browser mode. Unknown names and calls from frames other than our own page
 * are refused.
 */
export function registerIpc(device: Device, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.removeHandler(INVOKE_CHANNEL)
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    if (!event.senderFrame || !isTrustedUrl(event.senderFrame.url)) return fail('UNKNOWN_COMMAND')
    if (typeof name !== 'string' || !isContractName(name)) return fail('UNKNOWN_COMMAND')
    return device.dispatch(name, input)
  })
}
