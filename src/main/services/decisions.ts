import type { AreaHandlers, ServiceContext } from './context'
import { commandHandler } from './registrations'

/**
 * Decisions, contacts and claims: records of both the norsk and the intro scheme, named by
 * the record (`decision.register`), the scheme in the payload (D6.1–D6.3, D8.1).
 */
export function decisionHandlers(ctx: ServiceContext) {
  return {
    ...({ 'decision.register': commandHandler(ctx, 'decision.register') } satisfies AreaHandlers<'decision'>),
    ...({ 'contact.register': commandHandler(ctx, 'contact.register') } satisfies AreaHandlers<'contact'>),
    ...({ 'claim.register': commandHandler(ctx, 'claim.register') } satisfies AreaHandlers<'claim'>),
  }
}
