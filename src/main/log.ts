import { maskErrorMessage, redactValue } from '../shared/log-redact'

/** Where main-process code reports what it cannot return as a reason (bugs, failed cycles). */
export interface Logger {
  info(message: string): void
  error(message: string, err?: unknown): void
}

/**
 * A logger that writes nothing personal (issue 11 point 8), the device's twin of the
 * register's pino setup: messages are masked like error messages (quoted values, DUF numbers,
 * national ids, dates), an error is reduced to its type, masked message, code and stack frames
 * (`serializeError`: no query parameters, no driver `detail`), any other value has its
 * personal fields replaced. The console of a municipal laptop is as readable as a file.
 */
export function redactingLogger(out: { log(line: string): void; error(line: string): void }): Logger {
  return {
    info: (message) => out.log(maskErrorMessage(message)),
    error: (message, err) => out.error(err === undefined ? maskErrorMessage(message) : `${maskErrorMessage(message)} ${JSON.stringify(redactValue(err))}`),
  }
}

export const consoleLogger: Logger = redactingLogger({ log: (line) => console.log(line), error: (line) => console.error(line) })
