import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { createServer } from 'node:net'
import { resolve } from 'node:path'

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.once('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => ok(port))
    })
  })
}

export interface Started {
  proc: ChildProcess
  /** Ends the process: SIGTERM for a clean stop, SIGKILL to simulate a crash or a lost network. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

/**
 * Starts a TypeScript entry point in its own Node process (`node --import tsx`, one process,
 * so killing it by pid really stops it) and waits until `readyUrl` answers.
 */
export async function startTs(entry: string, env: Record<string, string>, readyUrl: string, logName: string): Promise<Started> {
  const log = createWriteStream(resolve('test-results', `${logName}.log`), { flags: 'a' })
  const proc = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  proc.stdout?.pipe(log)
  proc.stderr?.pipe(log)
  const exited = new Promise<void>((ok) => proc.once('exit', () => ok()))
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (proc.exitCode !== null || proc.signalCode !== null) return
    proc.kill(signal)
    await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))])
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
    await exited
  }
  try {
    await waitFor(readyUrl, proc, 120_000)
  } catch (e) {
    await stop('SIGKILL')
    throw new Error(`${entry} did not start (see test-results/${logName}.log): ${String(e)}`)
  }
  return { proc, stop }
}

async function waitFor(url: string, proc: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`exited with ${proc.exitCode}`)
    try {
      const res = await fetch(url)
      if (res.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 250))
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`)
}
