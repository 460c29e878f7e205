import type { ContractName, InputOf, OutputOf, Result } from '../shared/api'

/** The whole surface the preload exposes to the renderer (A7): the contract, nothing else. */
export interface NirBridge {
  invoke<K extends ContractName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>
}

declare global {
  interface Window {
    /** Present in the Electron window; absent in browser mode (the client uses HTTP then). */
    nir?: NirBridge
  }
}
