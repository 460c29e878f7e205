import type { Reason, Result } from '../../shared/api'
import { contract, fail, failWith } from '../../shared/api'
import type { ContractName } from '../../shared/api'
import { inputProblem } from '../../shared/domain'
import { asylnorskHandlers } from './asylnorsk'
import { certificatesHandlers } from './certificates'
import { ServiceContext, type ServiceOptions, type Services } from './context'
import { decisionHandlers } from './decisions'
import { int2021Handlers } from './int2021'
import { introHandlers } from './intro'
import { norskHandlers } from './norsk'
import { personListHandlers } from './person-list'
import { personsHandlers } from './persons'
import { referenceHandlers } from './reference'
import { lockHandlers } from './idle-lock'
import { reportsHandlers } from './reports'
import { sessionHandlers } from './session'
import { syncHandlers } from './sync'

export type { Services, ServiceOptions } from './context'
export { ServiceContext } from './context'

/** Every contract handler, one map; the compiler checks that none is missing. */
export function createServices(ctx: ServiceContext): Services {
  return {
    ...sessionHandlers(ctx),
    ...syncHandlers(ctx),
    ...lockHandlers(ctx),
    ...personsHandlers(ctx),
    ...personListHandlers(ctx),
    ...referenceHandlers(ctx),
    ...decisionHandlers(ctx),
    ...norskHandlers(ctx),
    ...asylnorskHandlers(ctx),
    ...introHandlers(ctx),
    ...int2021Handlers(ctx),
    ...reportsHandlers(ctx),
    ...certificatesHandlers(ctx),
  }
}

/** Context plus services: what a transport (IPC, HTTP host) needs. */
export interface Device {
  ctx: ServiceContext
  services: Services
  dispatch: (name: string, rawInput: unknown) => Promise<Result<unknown>>
  close(): Promise<void>
}

export function createDevice(options: ServiceOptions): Device {
  const ctx = new ServiceContext(options)
  const services = createServices(ctx)
  return {
    ctx,
    services,
    dispatch: (name, rawInput) => dispatch(ctx, services, name, rawInput),
    close: () => ctx.closeSession(),
  }
}

export function isContractName(name: string): name is ContractName {
  return Object.hasOwn(contract, name)
}

/**
 * The one entry point of both transports (A2): the renderer is untrusted, so the input is
 * validated with the contract's zod schema (`INVALID_INPUT` naming the field); unexpected
 * exceptions are logged and reach the UI as `internal`.
 */
export async function dispatch(ctx: ServiceContext, services: Services, name: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isContractName(name)) return fail('UNKNOWN_COMMAND', undefined, { name })
  // Issue 11.4: a locked device touches no replica; every other call is the caseworker's activity.
  const locked = ctx.idleLock.gate(name)
  if (locked) return locked
  // Issue 11.6: the shared limits first (NUL and control characters, length, nesting), the same the register applies.
  const problem = inputProblem(rawInput ?? {})
  if (problem) return failWith([problem.field ? { code: 'INVALID_INPUT', field: problem.field } : { code: 'INVALID_INPUT' }])
  const parsed = contract[name].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    const reasons: Reason[] = parsed.error.issues.map((i) => {
      const field = i.path.length ? i.path.map(String).join('.') : i.code === 'unrecognized_keys' ? i.keys.join(',') : undefined
      return field ? { code: 'INVALID_INPUT', field } : { code: 'INVALID_INPUT' }
    })
    return failWith(reasons)
  }
  try {
    const handler = services[name] as (input: unknown) => Promise<Result<unknown>>
    return await handler(parsed.data)
  } catch (err) {
    ctx.log.error(`${name} failed`, err)
    return fail('internal')
  }
}
