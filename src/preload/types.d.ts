import type { ContractName, DeviceEventListener, DeviceEventName, InputOf, OutputOf, Result } from '../shared/api'
import type { CertificatePrintInput, CertificatePrintResult } from '../shared/api/certificates'

/** The whole surface the preload exposes to the renderer (A7): the contract, its events, and printing a certificate. */
export interface NirBridge {
  invoke<K extends ContractName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>
  /** Listens to one device event (issue 6 point 5); returns the unsubscribe function. */
  on<K extends DeviceEventName>(name: K, listener: DeviceEventListener<K>): () => void
  /**
   * Issue 10 point 3, desktop only: issues the certificate (recorded as a download is) and opens
   * the PDF in the system's PDF viewer to print (src/main/app/print.ts says why not a hidden window).
   */
  printCertificate?(input: CertificatePrintInput): Promise<Result<CertificatePrintResult>>
}

declare global {
  interface Window {
    /** Present in the Electron window; absent in browser mode (the client uses HTTP then). */
    nir?: NirBridge
  }
}
