import { describe, expect, test } from 'vitest'
import { EventStreamParser } from './event-stream'

/** Feeds the chunks in order and returns every event dispatched. */
const parse = (...chunks: string[]) => {
  const p = new EventStreamParser()
  return chunks.flatMap((c) => p.push(c))
}

describe('text/event-stream parsing for the browser-mode event stream', () => {
  test.each([
    { name: 'an event with a name and JSON data', chunks: ['event: sync.status\ndata: {"a":1}\n\n'], events: [{ event: 'sync.status', data: '{"a":1}' }] },
    { name: 'comments (the heartbeat) dispatch nothing', chunks: [': connected\n\n: heartbeat\n\n'], events: [] },
    {
      name: 'an event split across chunks anywhere',
      chunks: ['eve', 'nt: sync.progress\nda', 'ta: {"done":1}', '\n', '\n'],
      events: [{ event: 'sync.progress', data: '{"done":1}' }],
    },
    { name: 'CRLF line ends, even with CR and LF in different chunks', chunks: ['event: x\r', '\ndata: 1\r\n\r', '\n'], events: [{ event: 'x', data: '1' }] },
    { name: 'CR-only line ends', chunks: ['event: x\rdata: 1\r\r:'], events: [{ event: 'x', data: '1' }] },
    { name: 'a CR ending a chunk waits to see whether LF follows', chunks: ['event: x\rdata: 1\r\r'], events: [] },
    { name: 'several data lines joined by LF', chunks: ['data: a\ndata: b\n\n'], events: [{ event: 'message', data: 'a\nb' }] },
    { name: 'no space after the colon', chunks: ['event:x\ndata:1\n\n'], events: [{ event: 'x', data: '1' }] },
    { name: 'an event name without data is dropped and does not leak into the next', chunks: ['event: x\n\ndata: 2\n\n'], events: [{ event: 'message', data: '2' }] },
    { name: 'an event without its blank line waits', chunks: ['event: x\ndata: 1\n'], events: [] },
    { name: 'unknown fields are ignored', chunks: ['id: 7\nretry: 10\nevent: x\ndata: 1\n\n'], events: [{ event: 'x', data: '1' }] },
  ])('$name', ({ chunks, events }) => {
    expect(parse(...chunks)).toEqual(events)
  })
})
