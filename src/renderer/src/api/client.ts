import type { ContractName, DeviceEventListener, DeviceEventName, InputOf, OutputOf, Result } from '../../../shared/api'
import { isDeviceEventName } from '../../../shared/api'
import type { CertificatePrintInput, CertificatePrintResult } from '../../../shared/api/certificates'
// The bridge's type comes from the preload that exposes it (style.md 5): `window.nir`.
import type {} from '../../../preload/types'
import { openEventStream, type StreamedEvent } from '../../../shared/api/event-stream'
import { hostHeaders } from './host-secret'

/**
 * The only place that knows the transport (style.md 10, architecture.md A2): the preload
 * bridge `window.nir` in Electron, `POST /api/<name>` against the browser-mode host otherwise.
 * A failure of the transport itself (host down, non-JSON answer) becomes reason `internal`.
 */
const internal = <T>(detail: string): Result<T> => ({ ok: false, reasons: [{ code: 'internal', values: { detail } }] })

async function overHttp(name: string, input: unknown): Promise<unknown> {
  const res = await fetch(`/api/${name}`, {
    method: 'POST',
    // The per-launch secret from the page the host served: without it the host refuses (13a).
    headers: { 'content-type': 'application/json', ...hostHeaders() },
    body: JSON.stringify(input ?? {}),
  })
  return res.json()
}

function isResult(x: unknown): x is Result<unknown> {
  return typeof x === 'object' && x !== null && 'ok' in x && (x.ok === true ? 'value' in x : Array.isArray((x as { reasons?: unknown }).reasons))
}

/** Issue 10 point 3: the desktop app's bridge prints a certificate; browser mode downloads it instead. */
export function canPrintCertificates(): boolean {
  return typeof window.nir?.printCertificate === 'function'
}

/** *Skriv ut* (desktop only): issues the certificate and opens it in the system's PDF viewer. */
export async function printCertificate(input: CertificatePrintInput): Promise<Result<CertificatePrintResult>> {
  const print = window.nir?.printCertificate
  if (!print) return internal('printing needs the desktop app')
  try {
    const answer: unknown = await print(input)
    return isResult(answer) ? (answer as Result<CertificatePrintResult>) : internal('unexpected answer to printCertificate')
  } catch (e) {
    console.error('printCertificate failed', e)
    return internal(e instanceof Error ? e.message : String(e))
  }
}

export async function invoke<K extends ContractName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
  try {
    const answer: unknown = window.nir ? await window.nir.invoke(name, input) : await overHttp(name, input)
    if (!isResult(answer)) return internal(`unexpected answer to ${name}`)
    return answer as Result<OutputOf<K>>
  } catch (e) {
    // Bugs and transport failures stay visible to the developer; the user sees `internal`.
    console.error(`invoke ${name} failed`, e)
    return internal(e instanceof Error ? e.message : String(e))
  }
}

type AnyListener = (payload: unknown) => void
const listeners = new Map<DeviceEventName, Set<AnyListener>>()
let closeStream: (() => void) | null = null

function deliver(e: StreamedEvent): void {
  if (!isDeviceEventName(e.event)) return
  let payload: unknown
  try {
    payload = JSON.parse(e.data)
  } catch (err) {
    console.error(`event ${e.event} is not JSON`, err)
    return
  }
  for (const listener of [...(listeners.get(e.event) ?? [])]) {
    try {
      listener(payload)
    } catch (err) {
      // One failing listener must not keep the event from the others (or break the stream).
      console.error(`listener of ${e.event} failed`, err)
    }
  }
}

/**
 * Listens to one device event (issue 6 point 5) and returns the unsubscribe function: over
 * the preload bridge in Electron; in browser mode over one shared `GET /api/events` stream,
 * opened with the first listener and closed with the last.
 */
export function on<K extends DeviceEventName>(name: K, listener: DeviceEventListener<K>): () => void {
  if (window.nir) return window.nir.on(name, listener)
  const set = listeners.get(name) ?? new Set<AnyListener>()
  listeners.set(name, set)
  const l = listener as AnyListener
  set.add(l)
  closeStream ??= openEventStream({ url: '/api/events', headers: hostHeaders, onEvent: deliver })
  return () => {
    set.delete(l)
    if ([...listeners.values()].every((s) => s.size === 0)) {
      closeStream?.()
      closeStream = null
    }
  }
}
