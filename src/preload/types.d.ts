import type { ContractName, DeviceEventListener, DeviceEventName, InputOf, OutputOf, Result } from '../shared/api'

/** The whole surface the preload exposes to the renderer (A7): the contract and its events, nothing else. */
export interface NirBridge {
  invoke<K extends ContractName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>
  /** Listens to one device event (issue 6 point 5); returns the unsubscribe function. */
  on<K extends DeviceEventName>(name: K, listener: DeviceEventListener<K>): () => void
}

declare global {
  interface Window {
    /** Present in the Electron window; absent in browser mode (the client uses HTTP then). */
    nir?: NirBridge
  }
}
