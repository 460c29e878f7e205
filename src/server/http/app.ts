import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import sensible from '@fastify/sensible'
import Fastify from 'fastify'
import type { FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { authRoutes } from '../routes/auth'
import { healthRoutes } from '../routes/health'
import { importRoutes } from '../routes/import'
import { loginRoutes } from '../routes/login'
import { personRoutes } from '../routes/persons'
import { pullRoutes } from '../routes/pull'
import { pushRoutes } from '../routes/push'
import { reportRoutes } from '../routes/reports'
import { ruleSettingRoutes } from '../routes/rule-settings'
import type { ServerContext } from './context'
import { ApiError, installErrorHandling } from './errors'
import { installInputGuard } from './input-guard'
import { loggerOptions, type LogStream } from './log'

/** Builds the register's HTTP app (A6): zod-validated routes, helmet headers, throttled login, redacted logs. */
export async function buildApp(ctx: ServerContext, opts: { logger?: boolean | { stream: LogStream }; trustedProxies?: string[] } = {}): Promise<FastifyInstance> {
  // trustProxy only with an explicit list: `true` would let any client pick its own IP by X-Forwarded-For.
  const log = loggerOptions(opts.logger ?? false)
  const app = Fastify({ logger: log.options, trustProxy: opts.trustedProxies?.length ? opts.trustedProxies : false })
  app.addHook('onRoute', (route) => log.onRoute(route.url))
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandling(app)
  installInputGuard(app)
  await app.register(helmet)
  await app.register(sensible)
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) => new ApiError(429, 'THROTTLED', `too many requests; retry in ${c.after}`, { 'retry-after': String(Math.ceil(c.ttl / 1000)) }),
  })
  healthRoutes(app, ctx)
  loginRoutes(app, ctx)
  authRoutes(app, ctx)
  pullRoutes(app, ctx)
  pushRoutes(app, ctx)
  personRoutes(app, ctx)
  importRoutes(app, ctx)
  reportRoutes(app, ctx)
  ruleSettingRoutes(app, ctx)
  return app
}
