import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { DeviceEvent } from '../shared/api'
import type { NirBridge } from './types'

// Wire names shared with src/main/app/ipc.ts (the preload may import only electron and types).
const INVOKE_CHANNEL = 'nir:invoke'
const EVENT_CHANNEL = 'nir:event'
// Shared with src/main/app/print.ts.
const PRINT_CHANNEL = 'nir:print-certificate'

/**
 * Exposes `window.nir`: `invoke(name, input)` — main validates every call, the renderer is
 * untrusted — and `on(name, listener)` for the device's events, returning the unsubscribe
 * function; `printCertificate(input)` on the desktop only (issue 10 point 3). The page never
 * gets `ipcRenderer` or the IPC event object.
 */
const bridge: NirBridge = {
  invoke: (name, input) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input),
  on: (name, listener) => {
    const handler = (_event: IpcRendererEvent, message: DeviceEvent) => {
      if (message.name === name) listener(message.payload as Parameters<typeof listener>[0])
    }
    ipcRenderer.on(EVENT_CHANNEL, handler)
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, handler)
  },
  printCertificate: (input) => ipcRenderer.invoke(PRINT_CHANNEL, input),
}

contextBridge.exposeInMainWorld('nir', bridge)
