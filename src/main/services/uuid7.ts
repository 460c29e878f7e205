import { randomBytes } from 'node:crypto'

let lastMs = -1
let lastTail = Buffer.alloc(0)

/**
 * UUIDv7 (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, 12 random bits, variant 10,
 * 62 random bits. The outbox id is the mutation's idempotency key on the register (A3), and
 * time-ordered ids keep its index append-only. Within one millisecond the random part is
 * incremented (RFC 9562 §6.2 method 3), so ids made in a burst still sort in creation order.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = Buffer.alloc(16)
  if (nowMs === lastMs) {
    bytes.set(increment(lastTail), 6)
  } else {
    randomBytes(10).copy(bytes, 6)
    lastMs = nowMs
  }
  bytes.writeUIntBE(nowMs, 0, 6)
  bytes[6] = 0x70 | (bytes[6]! & 0x0f)
  bytes[8] = 0x80 | (bytes[8]! & 0x3f)
  lastTail = Buffer.from(bytes.subarray(6, 16))
  const h = bytes.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** The 80 bits after the timestamp plus one, skipping the version and variant bits. */
function increment(tail: Buffer): Buffer {
  const next = Buffer.from(tail)
  for (let i = next.length - 1; i >= 0; i--) {
    // Byte 0 holds the version nibble and byte 2 the variant bits: only their low bits count.
    const max = i === 0 ? 0x7f : i === 2 ? 0xbf : 0xff
    if (next[i]! < max) {
      next[i]!++
      return next
    }
    next[i] = i === 0 ? 0x70 : i === 2 ? 0x80 : 0
  }
  // All counter bits spent inside one millisecond (2^74 ids): start from fresh randomness.
  return randomBytes(10)
}

/** The Unix milliseconds a UUIDv7 carries. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16)
}
