import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { newReplicaKey } from '../../../src/main/crypto/keyfile'
import { openReplica, type Replica } from '../../../src/main/db/open'
import { readSyncState } from '../../../src/main/db/state'
import { COMMIT_AFTER_MS, pullToCurrent, type PullProgress } from '../../../src/main/sync/pull'
import { NetworkError, RegisterClient } from '../../../src/main/sync/register-client'
import { projectScope, startRegister } from '../../../src/server'
import { backends } from '../server/backends'
import { CuttingProxy, PASSWORD, replicaSnapshotOf, serverSnapshot, tempDir } from './helpers'

type Register = Awaited<ReturnType<typeof startRegister>>
const tmp = tempDir('pull-commits')
afterAll(() => tmp.remove())
let files = 0

/**
 * Issue 12.5: a first sync holds the pages it receives and commits several at once (the last
 * one's cursor with all their rows), bounded by a change budget and by time; a cut download
 * keeps every page that arrived. Driven through `pullToCurrent` with the real register over
 * HTTP, so the number of commits (`replica.db.transaction`) can be counted.
 */
for (const backend of backends())
  describe(`a first sync's commits (issue 12.5) on ${backend.name}`, () => {
    let register: Register
    beforeAll(async () => {
      register = await startRegister({ ...(await backend.options()), port: 0, demo: { persons: 40 } })
    })
    afterAll(async () => {
      await register?.close()
    })

    async function firstSync(url: string, options: { now?: () => number; commitChanges?: number } = {}) {
      const client = new RegisterClient(url)
      const { accessToken } = await client.login('intro', PASSWORD)
      const replica = openReplica({ file: join(tmp.dir, `r${files++}.db`), key: newReplicaKey() })
      const commits = vi.spyOn(replica.db, 'transaction')
      const progress: PullProgress[] = []
      const pull = pullToCurrent({
        replica,
        client,
        token: accessToken,
        limit: 10,
        onProgress: (p) => progress.push(p),
        signal: new AbortController().signal,
        now: options.now ?? (() => 0),
        allowMassScopeExit: false,
        commitChanges: options.commitChanges,
      })
      const error = await pull.then(
        () => null,
        (e: unknown) => e,
      )
      return { replica, commits: commits.mock.calls.length, progress, error }
    }

    const expected = async () => serverSnapshot(await projectScope(register.db, '4601'))
    const close = (replica: Replica) => {
      vi.restoreAllMocks()
      replica.close()
    }

    test('a first sync of several pages within the budget commits once, with the last cursor and every row', async () => {
      const { replica, commits, progress, error } = await firstSync(register.url)
      expect(error).toBeNull()
      expect(progress.length).toBeGreaterThan(2) // several pages arrived, each counted as it came
      expect(commits).toBe(1)
      expect(readSyncState(replica)).toMatchObject({ firstSyncComplete: true })
      expect(replicaSnapshotOf(replica)).toEqual(await expected())
      close(replica)
    })

    test('the budget of changes bounds what is held: a budget below a page commits every page', async () => {
      const { replica, commits, progress, error } = await firstSync(register.url, { commitChanges: 1 })
      expect(error).toBeNull()
      expect(commits).toBe(progress.length)
      expect(replicaSnapshotOf(replica)).toEqual(await expected())
      close(replica)
    })

    test(`a slow download commits at least every ${COMMIT_AFTER_MS / 1000} s`, async () => {
      let t = 0
      // Each reading of the clock is 3 s later: a page held since two readings ago is due.
      const { replica, commits, progress, error } = await firstSync(register.url, { now: () => (t += COMMIT_AFTER_MS / 2 + 1) })
      expect(error).toBeNull()
      expect(commits).toBeGreaterThan(1)
      expect(commits).toBeLessThan(progress.length + 1)
      expect(replicaSnapshotOf(replica)).toEqual(await expected())
      close(replica)
    })

    test('a download cut after three pages keeps all three (held pages are applied before the error goes on); the next pull resumes after them', async () => {
      const proxy = new CuttingProxy(register.url)
      await proxy.start()
      try {
        proxy.allowPulls = 3
        const { replica, commits, error } = await firstSync(proxy.url)
        expect(error).toBeInstanceOf(NetworkError)
        expect(commits).toBe(1)
        const cut = readSyncState(replica)
        expect(cut.firstSyncComplete).toBe(false)
        // The fourth request asked for what follows the third page: that is the cursor stored.
        expect(`${cut.cursorEpoch}:${cut.cursorSeq}`).toBe(proxy.pullCursors[3])

        proxy.allowPulls = Infinity
        const client = new RegisterClient(proxy.url)
        const { accessToken } = await client.login('intro', PASSWORD)
        const asked = proxy.pullCursors.length
        await pullToCurrent({
          replica,
          client,
          token: accessToken,
          limit: 10,
          onProgress: () => undefined,
          signal: new AbortController().signal,
          now: () => 0,
          allowMassScopeExit: true,
        })
        expect(proxy.pullCursors[asked]).toBe(`${cut.cursorEpoch}:${cut.cursorSeq}`)
        expect(readSyncState(replica).firstSyncComplete).toBe(true)
        expect(replicaSnapshotOf(replica)).toEqual(await expected())
        close(replica)
      } finally {
        await proxy.close()
      }
    })
  })
