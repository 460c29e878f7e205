import type { DeviceEvent, DeviceEventListener, DeviceEventMap, DeviceEventName } from '../shared/api'
import type { Logger } from './log'

/**
 * The device's events (issue 6 point 5): services and the sync engine `emit`, the transports
 * (IPC forwarding, the browser host's event stream) `subscribe` to all of them. A failing
 * listener is logged and never breaks the emitter — a closed window must not stop a sync.
 */
export class DeviceEvents {
  private readonly listeners = new Set<(event: DeviceEvent) => void>()

  constructor(private readonly log: Logger) {}

  emit<K extends DeviceEventName>(name: K, payload: DeviceEventMap[K]): void {
    const event = { name, payload } as DeviceEvent
    for (const listener of [...this.listeners]) {
      try {
        listener(event)
      } catch (err) {
        this.log.error(`listener of ${name} failed`, err)
      }
    }
  }

  /** Every event, in emit order; returns the unsubscribe function. */
  subscribe(listener: (event: DeviceEvent) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  /** One event kind, typed. */
  on<K extends DeviceEventName>(name: K, listener: DeviceEventListener<K>): () => void {
    return this.subscribe((event) => {
      if (event.name === name) listener(event.payload as DeviceEventMap[K])
    })
  }

  get listenerCount(): number {
    return this.listeners.size
  }
}
