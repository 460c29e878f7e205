import { expect, type APIRequestContext } from '@playwright/test'
import type { SyncStatus } from '../../../src/shared/api'
import { hostPost } from './host-api'

/**
 * Syncs the device and waits until it has nothing unsent and a pull that ended after the call.
 * The chip alone cannot say this: it may still show "up to date" from before the request when
 * the test looks (a save's debounced push, or a cycle that is about to start), which let a test
 * stop the register with its earlier registrations unsent. So this asks the device's status
 * and starts another cycle until it is settled.
 */
export async function syncNow(request: APIRequestContext, timeout = 60_000): Promise<SyncStatus> {
  const since = Date.now()
  let status: SyncStatus | null = null
  await expect
    .poll(
      async () => {
        const res = await hostPost(request, status?.state === 'syncing' ? 'sync.status' : 'sync.run')
        expect(res.ok()).toBe(true)
        status = ((await res.json()) as { value: SyncStatus }).value
        if (status.state === 'syncing') return 'syncing'
        const pulledSince = status.lastSyncAt !== null && Date.parse(status.lastSyncAt) >= since
        return status.state === 'upToDate' && status.pending === 0 && pulledSince ? 'settled' : `${status.state}, ${status.pending} unsent`
      },
      { timeout, intervals: [250, 500, 1_000] },
    )
    .toBe('settled')
  return status!
}
