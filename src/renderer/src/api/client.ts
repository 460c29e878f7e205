import type { ContractName, InputOf, OutputOf, Result } from '../../../shared/api'
// The bridge's type comes from the preload that exposes it (style.md 5): `window.nir`.
import type {} from '../../../preload/types'
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
