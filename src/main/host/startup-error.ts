/**
 * A start-up failure the user can fix themselves (issue 6 point 11): printed as its one-line
 * message, without a stack trace, and the process exits non-zero.
 */
export class StartupError extends Error {
  override name = 'StartupError'
}

/**
 * A taken port named with the variable that moves it; any other error is returned unchanged.
 * `port` is what was asked for, since the error's own text may name only the address.
 */
export function explainListenError(err: unknown, variable: string, port: number): unknown {
  if ((err as NodeJS.ErrnoException | null)?.code !== 'EADDRINUSE') return err
  return new StartupError(`Port ${port} on 127.0.0.1 is already in use: stop the program using it, or set ${variable} to another port (e.g. ${variable}=${port + 1}).`)
}
