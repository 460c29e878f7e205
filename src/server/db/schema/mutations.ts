import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import type { MutationResult } from '../../../shared/sync'

/**
 * Every processed mutation with its verdict and the exact response (A4), stored in the same
 * transaction as its effect: a mutation id seen before is answered from here, never applied twice.
 */
export const mutations = pgTable(
  'mutations',
  {
    id: text('id').primaryKey(),
    deviceId: text('device_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    userId: text('user_id').notNull(),
    command: text('command').notNull(),
    verdict: text('verdict').notNull(),
    response: jsonb('response').$type<MutationResult>().notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mutations_device_seq_idx').on(t.deviceId, t.seq), index('mutations_user_idx').on(t.userId)],
)
