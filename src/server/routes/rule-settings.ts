import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listRuleSettings, setRuleSetting } from '../admin/rule-settings'
import { authenticate } from '../http/authenticate'
import type { ServerContext } from '../http/context'
import { ApiError } from '../http/errors'

/** Refused to everyone but the central administrator, with the reason in the register's shape. */
function notCentralAdmin(): ApiError {
  return new ApiError(403, 'NOT_PERMITTED', 'only a central administrator may change rule settings', {}, { reasons: [{ code: 'NOT_CENTRAL_ADMIN', values: {} }] })
}

/**
 * Issue 9 point 5, for the central administrator only (the `centralAdmin` user flag, as for
 * the import; no municipal role reaches it, R9):
 * - `GET /admin/rule-settings`: every setting with value, version, who changed it and why.
 * - `PUT /admin/rule-settings/:key` `{ value, reason }`: sets one (`setRuleSetting`): 200 with
 *   old and new value; 400 `RULE_SETTING_REFUSED` with one reason per bad field (`key`,
 *   `value`, `reason`) and nothing written; 403 `NOT_PERMITTED` for any other user.
 * The key is checked by the rules' own list rather than the route schema, so an unknown key is
 * a reason naming the known ones, not a bare validation error.
 */
export function ruleSettingRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  api.get('/admin/rule-settings', async (req) => {
    const user = await authenticate(ctx.db, ctx.tokenSecret, req)
    if (!user.centralAdmin) throw notCentralAdmin()
    return { settings: await listRuleSettings(ctx.db) }
  })
  api.put(
    '/admin/rule-settings/:key',
    {
      schema: {
        params: z.object({ key: z.string().min(1).max(100) }),
        // value: a date, or null / "none" for "not set"; checked per key by setRuleSetting.
        body: z.object({ value: z.string().max(40).nullable(), reason: z.string().max(2000) }).strict(),
      },
    },
    async (req) => {
      const user = await authenticate(ctx.db, ctx.tokenSecret, req)
      if (!user.centralAdmin) throw notCentralAdmin()
      const res = await setRuleSetting(ctx.db, { key: req.params.key, value: req.body.value, reason: req.body.reason, actor: { username: user.username, userId: user.id } })
      if (!res.ok) {
        throw new ApiError(
          400,
          'RULE_SETTING_REFUSED',
          res.reasons.map((r) => r.message).join('; '),
          {},
          { reasons: res.reasons.map(({ code, field, values }) => ({ code, field, values })) },
        )
      }
      return res
    },
  )
}
