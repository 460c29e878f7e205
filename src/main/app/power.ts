import { powerMonitor } from 'electron'
import type { Device } from '../services'

/**
 * Issue 11 point 4 (A7): a laptop put to sleep, its lid closed or its screen locked locks the
 * session at once — the idle timer would only notice after waking, with the replica open all along.
 */
export function lockOnSleep(device: Device): void {
  powerMonitor.on('suspend', () => void device.ctx.idleLock.lock('suspend'))
  powerMonitor.on('lock-screen', () => void device.ctx.idleLock.lock('lock-screen'))
}
