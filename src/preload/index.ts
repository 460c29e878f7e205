import { contextBridge, ipcRenderer } from 'electron'
import type { NirBridge } from './types'

/** Exposes `window.nir.invoke(name, input)`; main validates every call (the renderer is untrusted). */
const bridge: NirBridge = {
  invoke: (name, input) => ipcRenderer.invoke('nir:invoke', name, input),
}

contextBridge.exposeInMainWorld('nir', bridge)
