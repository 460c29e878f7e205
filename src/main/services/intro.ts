import type { AreaHandlers, ServiceContext } from './context'
import { commandHandler } from './registrations'

/** The introduction programme's registrations (D7–D9) on the replica, each through `mutating()`. */
export function introHandlers(ctx: ServiceContext) {
  return {
    'intro.addMeasures': commandHandler(ctx, 'intro.addMeasures'),
    'intro.updateMeasure': commandHandler(ctx, 'intro.updateMeasure'),
    'intro.deleteMeasure': commandHandler(ctx, 'intro.deleteMeasure'),
    'intro.replaceMeasures': commandHandler(ctx, 'intro.replaceMeasures'),
    'intro.registerAbsence': commandHandler(ctx, 'intro.registerAbsence'),
    'intro.registerHoliday': commandHandler(ctx, 'intro.registerHoliday'),
    'intro.registerParentalLeaveAbsence': commandHandler(ctx, 'intro.registerParentalLeaveAbsence'),
    'intro.registerEnding': commandHandler(ctx, 'intro.registerEnding'),
  } satisfies AreaHandlers<'intro'>
}
