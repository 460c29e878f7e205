/**
 * The reading side of the device events' browser transport (issue 6 point 5), beside the
 * events map it carries. `EventSource` cannot send headers and every `/api/*` request must
 * carry the host secret, so the stream is read with `fetch` and parsed here: only web
 * platform globals (fetch, streams), so the integration tests run the very same reader.
 * The renderer's `client.ts` is its only user in the app and still alone decides the transport.
 */

export interface StreamedEvent {
  event: string
  data: string
}

/**
 * Incremental `text/event-stream` parser (WHATWG HTML §9.2.6, the parts the host uses):
 * lines end in LF, CRLF or CR; `:` starts a comment (the heartbeat); `data:` lines join with
 * LF; a blank line dispatches; an event with no data is dropped. Chunks may split anywhere.
 */
export class EventStreamParser {
  private buffer = ''
  private event = ''
  private data: string[] = []

  push(chunk: string): StreamedEvent[] {
    this.buffer += chunk
    const out: StreamedEvent[] = []
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer)
      // A CR at the very end may be the first half of CRLF: wait for the next chunk.
      if (!m || (m[0] === '\r' && m.index === this.buffer.length - 1)) break
      const line = this.buffer.slice(0, m.index)
      this.buffer = this.buffer.slice(m.index + m[0].length)
      const e = this.line(line)
      if (e) out.push(e)
    }
    return out
  }

  private line(line: string): StreamedEvent | null {
    if (line === '') {
      const e = this.data.length ? { event: this.event || 'message', data: this.data.join('\n') } : null
      this.event = ''
      this.data = []
      return e
    }
    if (line.startsWith(':')) return null
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') this.event = value
    else if (field === 'data') this.data.push(value)
    return null
  }
}

export interface EventStreamOptions {
  url: string
  /** Read on every (re)connect: the secret is in the page, never cached here. */
  headers: () => Record<string, string>
  onEvent: (e: StreamedEvent) => void
  minDelayMs?: number
  maxDelayMs?: number
}

/**
 * Keeps one event stream open until the returned function is called: when the host restarts
 * or the stream breaks it reconnects, waiting `minDelayMs`, then twice as long each failed
 * attempt up to `maxDelayMs` (with jitter, so tabs don't reconnect in step); a stream that
 * delivered anything starts the wait over.
 */
export function openEventStream(o: EventStreamOptions): () => void {
  const abort = new AbortController()
  const min = o.minDelayMs ?? 500
  const max = o.maxDelayMs ?? 15_000
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms)
      abort.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true })
    })

  async function readOnce(): Promise<boolean> {
    const res = await fetch(o.url, { headers: { accept: 'text/event-stream', ...o.headers() }, signal: abort.signal })
    if (!res.ok || !res.body) {
      // Drain so the connection can be reused; the status is only a reason to wait.
      await res.body?.cancel()
      return false
    }
    const parser = new EventStreamParser()
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    let received = false
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return received
      received = true
      for (const e of parser.push(value)) o.onEvent(e)
    }
  }

  void (async () => {
    let delay = min
    while (!abort.signal.aborted) {
      let healthy = false
      try {
        healthy = await readOnce()
      } catch (err) {
        if (abort.signal.aborted) return
        // Host down or restarting: expected in browser mode, so only a debug note.
        console.debug('event stream interrupted', err)
      }
      if (abort.signal.aborted) return
      if (healthy) delay = min
      await sleep(delay * (0.75 + Math.random() / 2))
      delay = Math.min(delay * 2, max)
    }
  })()

  return () => abort.abort()
}
