import { boolean, date, index, pgTable, text } from 'drizzle-orm/pg-core'
import { receptionCentreKinds, sexes } from '../../../shared/domain'
import { syncColumns } from './sync-columns'

/** Persons (D3); the follow-up municipality/district is the sync scope key (A4). */
export const persons = pgTable(
  'persons',
  {
    id: text('id').primaryKey(),
    duf: text('duf').notNull(),
    dufCheckFailed: boolean('duf_check_failed').notNull(),
    nationalId: text('national_id'),
    regNumber: text('reg_number'),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex', { enum: sexes }).notNull(),
    closed: boolean('closed').notNull(),
    arrivalDate: date('arrival_date', { mode: 'string' }),
    followUpMunicipality: text('follow_up_municipality').notNull(),
    followUpDistrict: text('follow_up_district'),
    followUpByAgreement: boolean('follow_up_by_agreement').notNull(),
    receptionCentre: text('reception_centre', { enum: receptionCentreKinds }),
    ...syncColumns(),
  },
  (t) => [index('persons_duf_idx').on(t.duf), index('persons_scope_idx').on(t.followUpMunicipality, t.followUpDistrict), index('persons_seq_idx').on(t.seq)],
)
