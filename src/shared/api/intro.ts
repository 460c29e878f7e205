import { commandEntry } from './saved'

/**
 * The introduction programme (D7–D9): measures and their replacements, absences, holidays,
 * parental-leave absences and the programme's ending. Each is a rules command with `Saved` as
 * its answer, handled on the device by `mutating()` and judged again on the register.
 */
export const introSlice = {
  'intro.addMeasures': commandEntry('intro.addMeasures'),
  'intro.updateMeasure': commandEntry('intro.updateMeasure'),
  'intro.deleteMeasure': commandEntry('intro.deleteMeasure'),
  'intro.replaceMeasures': commandEntry('intro.replaceMeasures'),
  'intro.registerAbsence': commandEntry('intro.registerAbsence'),
  'intro.registerHoliday': commandEntry('intro.registerHoliday'),
  'intro.registerParentalLeaveAbsence': commandEntry('intro.registerParentalLeaveAbsence'),
  'intro.registerEnding': commandEntry('intro.registerEnding'),
} as const
