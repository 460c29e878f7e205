/** Where main-process code reports what it cannot return as a reason (bugs, failed cycles). */
export interface Logger {
  info(message: string): void
  error(message: string, err?: unknown): void
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message, err) => console.error(message, err),
}
