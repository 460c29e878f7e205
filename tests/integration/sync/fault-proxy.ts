import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { PushRequest } from '../../../src/shared/sync'

/** The register's answer to one forwarded request, as the proxy received it. */
export interface Upstream {
  status: number
  text: string
}

/** Sends a (possibly altered) push body to the register and waits for its whole answer. */
export type Forward = (body: PushRequest) => Promise<Upstream>

/**
 * What happens to one push on the wire: the answer to give the device, or `'drop'` to destroy
 * the device's socket without a reply (a reply lost after the register committed, A9).
 */
export type PushFault = (body: PushRequest, forward: Forward) => Promise<Upstream | 'drop'>

/**
 * A real HTTP hop (node:http) between a device and the register. Pull, login and health pass
 * through untouched; each push takes the next queued fault, if any, else passes through. It
 * can be stopped and started on the same port, so a device sees its register go away and
 * come back at the same URL.
 */
export class FaultProxy {
  /** Every push body a device sent, in arrival order. */
  readonly pushes: PushRequest[] = []
  readonly faults: PushFault[] = []
  url = ''
  private server: Server | null = null
  private port = 0

  constructor(private readonly target: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        (answer) => {
          if (answer === 'drop') return req.socket.destroy()
          res.writeHead(answer.status, { 'content-type': 'application/json' })
          res.end(answer.text)
        },
        () => req.socket.destroy(),
      )
    })
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve))
    const addr = this.server.address()
    this.port = typeof addr === 'object' && addr ? addr.port : 0
    this.url = `http://127.0.0.1:${this.port}`
  }

  /** Closes the port: the device meets a refused connection, as with a register that is down. */
  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
    this.server = null
  }

  private async handle(req: IncomingMessage): Promise<Upstream | 'drop'> {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const auth = req.headers.authorization ?? ''
    const send = async (body: string | undefined): Promise<Upstream> => {
      const upstream = await fetch(`${this.target}${req.url}`, {
        method: req.method,
        headers: { 'content-type': 'application/json', authorization: auth },
        body,
      })
      return { status: upstream.status, text: await upstream.text() }
    }
    const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined
    if (req.method !== 'POST' || !req.url?.startsWith('/sync/push')) return send(body)
    const parsed = JSON.parse(body!) as PushRequest
    this.pushes.push(parsed)
    const fault = this.faults.shift()
    const forward: Forward = (b) => send(JSON.stringify(b))
    return fault ? fault(parsed, forward) : forward(parsed)
  }
}

/** The register commits, then the reply is lost on the way back. */
export const dropReply: PushFault = async (body, forward) => {
  await forward(body)
  return 'drop'
}
