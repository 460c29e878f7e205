import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type Server } from 'node:net'

export interface RunningCli {
  child: ChildProcess
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string
  /** Resolves with the output once `pattern` appears; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>
  /** Resolves with the exit code and the whole output. */
  exited(): Promise<{ code: number | null; output: string }>
  stop(): Promise<void>
}

/** Starts a TypeScript entry point as the npm scripts do (`node --import tsx`), in its own process. */
export function spawnCli(entry: string, args: string[], env: Record<string, string | undefined>): RunningCli {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const listeners = new Set<() => void>()
  const append = (d: Buffer) => {
    out += String(d)
    for (const l of listeners) l()
  }
  child.stdout!.on('data', append)
  child.stderr!.on('data', append)
  const exit = new Promise<{ code: number | null; output: string }>((ok) => child.once('close', (code) => ok({ code, output: out })))
  return {
    child,
    output: () => out,
    waitFor(pattern, timeoutMs = 90_000) {
      return new Promise((ok, fail) => {
        const check = () => {
          if (pattern.test(out)) {
            listeners.delete(check)
            clearTimeout(timer)
            ok(out)
          }
        }
        const timer = setTimeout(() => fail(new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}`)), timeoutMs)
        listeners.add(check)
        void exit.then(({ code }) => {
          clearTimeout(timer)
          if (!pattern.test(out)) fail(new Error(`exited ${code} before ${pattern}:\n${out}`))
        })
        check()
      })
    },
    exited: () => exit,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exit
    },
  }
}

/** Holds a port on 127.0.0.1, as another program would, until `close()`. */
export async function takePort(): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer()
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { port, close: () => new Promise((ok) => server.close(() => ok())) }
}
