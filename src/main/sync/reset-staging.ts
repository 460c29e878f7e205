import { rmSync } from 'node:fs'
import type { ChangeSet } from '../../shared/sync'
import type { Replica } from '../db/open'

/** The scratch file beside the replica that holds a `reset_required` download (`<replica>.reset`). */
export const RESET_STAGING_SUFFIX = '.reset'
const SIDE = ['', '-journal', '-wal', '-shm']

/**
 * A `reset_required` download staged page by page (issue 12.4g). Each page goes to an attached
 * scratch database as it arrives, so the process holds one page at a time however large the
 * scope; the swap then reads the pages back one at a time inside the replica's one transaction
 * (`applyReset`). The scratch file is attached without its own KEY, which SQLCipher reads as "the
 * main database's key": the staged personal data is as encrypted as the replica. It is removed
 * when the reset ends either way; a crash leaves it for the next reset (or the wipe) to remove.
 */
export class ResetStaging {
  private readonly file: string
  private pageCount = 0

  constructor(private readonly replica: Replica) {
    this.file = `${replica.file}${RESET_STAGING_SUFFIX}`
    removeFiles(this.file)
    replica.sqlite.prepare('ATTACH DATABASE ? AS reset_staging').run(this.file)
    replica.sqlite.exec('CREATE TABLE reset_staging.pages (n INTEGER PRIMARY KEY, body TEXT NOT NULL)')
  }

  get pages(): number {
    return this.pageCount
  }

  add(changeSets: ChangeSet[]): void {
    this.replica.sqlite.prepare('INSERT INTO reset_staging.pages (n, body) VALUES (?, ?)').run(this.pageCount, JSON.stringify(changeSets))
    this.pageCount++
  }

  /** The staged pages in arrival order, each read and parsed only when the consumer asks for it. */
  *read(): Generator<ChangeSet[]> {
    const one = this.replica.sqlite.prepare('SELECT body FROM reset_staging.pages WHERE n = ?').pluck()
    for (let n = 0; n < this.pageCount; n++) yield JSON.parse(one.get(n) as string) as ChangeSet[]
  }

  close(): void {
    try {
      this.replica.sqlite.exec('DETACH DATABASE reset_staging')
    } finally {
      removeFiles(this.file)
    }
  }
}

function removeFiles(file: string): void {
  for (const suffix of SIDE) rmSync(`${file}${suffix}`, { force: true })
}
