import type { SessionState, SyncStatus } from './contract'

/**
 * What main tells the renderer without being asked (issue 6 point 5): event name → payload.
 * The renderer subscribes with `on(name, listener)` instead of polling. Carried on one IPC
 * channel in Electron and as server-sent events on `GET /api/events` in browser mode; like
 * contract names, event names are a wire format. New kinds (e.g. the register's verdicts on
 * pushed mutations) are added here as one line each.
 */
export interface DeviceEventMap {
  /** The sync chip's status changed (a cycle started or ended, offline, a scope-exit stop, …). */
  'sync.status': SyncStatus
  /** A pull page was applied: change sets done / total of the running cycle. */
  'sync.progress': { done: number; total: number }
  /** Login, logout, the device closing the session, or the first sync completing. */
  'session.changed': SessionState
}

export type DeviceEventName = keyof DeviceEventMap

/** One event as it travels (IPC message or SSE `event:`/`data:` pair). */
export type DeviceEvent = { [K in DeviceEventName]: { name: K; payload: DeviceEventMap[K] } }[DeviceEventName]

export type DeviceEventListener<K extends DeviceEventName> = (payload: DeviceEventMap[K]) => void

/** Every event name, for transports that must refuse anything else. */
export const deviceEventNames = ['sync.status', 'sync.progress', 'session.changed'] as const satisfies readonly DeviceEventName[]

// A name missing from the list above is a compile error here.
type Missing = Exclude<DeviceEventName, (typeof deviceEventNames)[number]>
const allListed: Missing extends never ? true : never = true
void allListed

export function isDeviceEventName(name: string): name is DeviceEventName {
  return (deviceEventNames as readonly string[]).includes(name)
}
