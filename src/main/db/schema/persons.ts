import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { receptionCentreKinds, sexes } from '../../../shared/domain'
import { syncColumns } from './columns'

/** Persons (domain `personSchema`). */
export const persons = sqliteTable(
  'persons',
  {
    id: text('id').primaryKey(),
    duf: text('duf').notNull(),
    dufCheckFailed: integer('duf_check_failed', { mode: 'boolean' }).notNull(),
    nationalId: text('national_id'),
    regNumber: text('reg_number'),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    lastName: text('last_name').notNull(),
    birthDate: text('birth_date').notNull(),
    sex: text('sex', { enum: sexes }).notNull(),
    closed: integer('closed', { mode: 'boolean' }).notNull(),
    arrivalDate: text('arrival_date'),
    followUpMunicipality: text('follow_up_municipality').notNull(),
    followUpDistrict: text('follow_up_district'),
    followUpByAgreement: integer('follow_up_by_agreement', { mode: 'boolean' }).notNull(),
    receptionCentre: text('reception_centre', { enum: receptionCentreKinds }),
    ...syncColumns(),
    /** Fetched by a DUF look-up outside the user's scope: read-only, untouched by scope exits. */
    cachedReadOnly: integer('cached_read_only', { mode: 'boolean' }).notNull().default(false),
    /**
     * A4: the pull brought a scope exit while the person had unsent or refused work; kept,
     * read-only, until that work is resolved, then removed by the next pull.
     */
    keptAfterScopeExit: integer('kept_after_scope_exit', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('persons_duf_idx').on(t.duf),
    index('persons_national_id_idx').on(t.nationalId),
    index('persons_reg_number_idx').on(t.regNumber),
    index('persons_birth_date_idx').on(t.birthDate),
    index('persons_municipality_idx').on(t.followUpMunicipality),
  ],
)
export type PersonRow = typeof persons.$inferSelect
