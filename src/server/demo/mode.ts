/**
 * Whether `npm run server` loads the demo users and data (issue 6 point 13b). The demo users
 * share a published password and include a central administrator, so they load only into the
 * embedded default (PGlite in `.data/register`, no `DATABASE_URL`) or when asked for with
 * `--demo`; a real database starts empty unless told otherwise. `--no-demo` wins over both.
 */
export function demoWanted(args: readonly string[], databaseUrl: string | undefined): boolean {
  if (args.includes('--no-demo')) return false
  if (args.includes('--demo')) return true
  return !databaseUrl
}

/** The one line a register with no users prints, so the operator knows the next step. */
export const NO_USERS_HINT =
  'The register has no users yet: create the first central administrator with `npm run server -- create-admin NAME` (password from NIR_ADMIN_PASSWORD or a prompt).'
