import { pgSequence } from 'drizzle-orm/pg-core'

/**
 * The global change sequence (A4). One value per change set: one person's changes within
 * one import (or, later, one push), or one batch of reference data. Writers take the
 * change lock (`src/server/sync/change-lock.ts`) before `nextval`, so values become
 * visible in order and a pull never skips a value that commits late.
 */
export const changeSeq = pgSequence('change_seq', { startWith: 1, increment: 1 })
