import { StartupError } from '../host/startup-error'

/** Which central register the desktop app talks to (A8, issue 11 point 9). */
export type RegisterChoice = { kind: 'external'; url: string } | { kind: 'demo' }

/**
 * The embedded register carries demo users who share a published password (a central
 * administrator among them), so it runs only as the demo, and the demo is never mixed with a
 * real register:
 * - `NIR_REGISTER_URL` set → that register; synthetic national ids stay refused (R11.2);
 * - unset, from the source tree (`npm start`) → the embedded demo, as A8 promises a new user;
 * - unset, in a packaged build → refused unless the demo is asked for with `NIR_DEMO=1`: an
 *   installed app that lost its configuration must not quietly become a demo register;
 * - both set → refused, rather than guessing which one was meant.
 * Pure (env and `packaged` passed in), so register-choice.test.ts runs without Electron.
 */
export function chooseRegister(env: Readonly<Record<string, string | undefined>>, packaged: boolean): RegisterChoice {
  const url = env.NIR_REGISTER_URL?.trim()
  const demoAsked = env.NIR_DEMO === '1'
  if (url && demoAsked) throw new StartupError('NIR_DEMO=1 and NIR_REGISTER_URL exclude each other: the demo never runs against a real register. Unset one of them.')
  if (url) return { kind: 'external', url }
  if (packaged && !demoAsked) {
    throw new StartupError(
      'No central register is configured: set NIR_REGISTER_URL to the register’s https address. To try the app with demo users and data instead, start it with NIR_DEMO=1.',
    )
  }
  return { kind: 'demo' }
}
