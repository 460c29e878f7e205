import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import type { Device } from '../services'
import { guardHost, newHostSecret } from './guard'
import { registerEventStream } from './events'
import { indexPage } from './index-page'

export interface HostOptions {
  device: Device
  /** Built renderer (`dist-web/`); served with an SPA fallback when it exists. */
  staticDir?: string
  port?: number
}

/**
 * Browser mode (A2): the same services as the Electron window, behind `POST /api/:name` on
 * 127.0.0.1 only — the device data must never be reachable from the network, nor from
 * another site open in the same browser (guard.ts: per-launch secret, Host, Origin, headers).
 */
export async function startHost(options: HostOptions): Promise<{ url: string; app: FastifyInstance; close(): Promise<void> }> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 })
  const secret = newHostSecret()
  await guardHost(app, secret)
  app.post<{ Params: { name: string } }>('/api/:name', async (req, reply) => {
    const result = await options.device.dispatch(req.params.name, req.body ?? {})
    return reply.type('application/json').send(result)
  })
  registerEventStream(app, options.device)
  const root = options.staticDir ? resolve(options.staticDir) : undefined
  // index.html only ever leaves the host with the secret in it, and is never cached.
  const page = indexPage(root && existsSync(root) ? root : undefined, secret)
  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page)
  app.get('/', (_req, reply) => sendIndex(reply))
  app.get('/index.html', (_req, reply) => sendIndex(reply))
  if (root && existsSync(root)) await app.register(fastifyStatic, { root, index: false })
  app.setNotFoundHandler((req, reply) => {
    if (req.method !== 'GET' || req.url.startsWith('/api/')) return reply.code(404).send({ error: 'not_found' })
    return sendIndex(reply)
  })
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() }
}
