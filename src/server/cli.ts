import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline/promises'
import { estimateScope } from './admin/scope-estimate'
import { listRuleSettings, setRuleSetting } from './admin/rule-settings'
import { count, eq } from 'drizzle-orm'
import { appendAudit } from './audit/log'
import QRCode from 'qrcode'
import { enrolTotp } from './auth/totp'
import { createUser, setPassword } from './auth/users'
import { getServerMeta } from './db/meta'
import { openDatabase } from './db/open'
import { users } from './db/schema'
import { demoWanted, NO_USERS_HINT, publishedDemoUsers } from './demo/mode'
import { importNdjson } from './import'
import { recomputeAll } from './rules/evaluate'
import { normaliseUsername } from '../shared/domain'
import { osloDateOfMs } from '../shared/rules'
import { startRegister } from './start'
import { maskErrorMessage } from '../shared/log-redact'

/**
 * `npm run server -- [serve [--demo|--no-demo]|import <file>|create-admin <username>|set-password <username>|enrol-totp <username> [--png <file>]|disable-user <username>|enable-user <username>|scope-estimate <username>|recompute]`.
 * Rule settings (issue 9 point 5): `rule-settings`, `set-rule-setting <key> <YYYY-MM-DD|none> --reason <why>`.
 * Database: `DATABASE_URL` (PostgreSQL), else PGlite in `NIR_DATA_DIR` (default `.data/register`).
 * The demo users (known password, a central administrator among them) load only into that
 * embedded default or with `--demo` (demo/mode.ts).
 */
const dbOptions = () => ({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.NIR_DATA_DIR || '.data/register' })

async function serve(args: string[]): Promise<void> {
  const options = dbOptions()
  const demo = demoWanted(args, options.databaseUrl)
  const persons = Number(process.env.NIR_DEMO_PERSONS ?? 2000)
  const port = Number(process.env.PORT ?? 4100)
  // The TLS proxy's address(es), comma-separated: X-Forwarded-For is believed from them only (A7).
  const trustedProxies = (process.env.NIR_TRUSTED_PROXY ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
  // Issue 11.9: never demo users outside demo mode — a database that ran as the demo is not served as a real register.
  if (!demo) {
    const leftover = await withDb(publishedDemoUsers)
    if (leftover.length) {
      throw new Error(
        `This database holds demo users with the published demo password (${leftover.join(', ')}), but the register is started without --demo: give them their own passwords (set-password NAME) or disable them (disable-user NAME), or start with --demo.`,
      )
    }
  }
  const reg = await startRegister({ ...options, host: process.env.HOST ?? '127.0.0.1', port, demo: demo ? { persons } : false, logger: true, trustedProxies }).catch(
    (e: unknown) => {
      // A taken port in one line naming the variable that moves it (issue 6 point 11).
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e
      throw new Error(`Port ${port} is already in use: stop the program using it, or set PORT to another port (e.g. PORT=${port + 1} npm run server).`)
    },
  )
  const [{ n }] = await reg.db.select({ n: count() }).from(users)
  if (n === 0) console.log(NO_USERS_HINT)
  // Last, so a reader of the output knows the start-up is over when it appears.
  console.log(`NIR central register listening on ${reg.url}${demo ? ' (demo users and data)' : ''}`)
  const stop = async () => {
    await reg.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const opened = await openDatabase(dbOptions())
  try {
    return await fn(opened.db)
  } finally {
    await opened.close()
  }
}

async function readPassword(): Promise<string> {
  if (process.env.NIR_ADMIN_PASSWORD) return process.env.NIR_ADMIN_PASSWORD
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  const pw = await rl.question('Password: ')
  rl.close()
  return pw
}

async function main(argv: string[]): Promise<number> {
  const [cmd = 'serve', arg, ...rest] = argv
  switch (cmd) {
    case 'serve':
    case '--demo':
    case '--no-demo':
      await serve(argv)
      return -1
    case 'import': {
      if (!arg) throw new Error('usage: import <file.ndjson>')
      // Streamed line by line (issue 11.6): the file's text is never held whole.
      const res = await withDb((db) => importNdjson(db, createReadStream(arg), { actor: `cli:${process.env.USER ?? 'unknown'}` }))
      console.log(JSON.stringify(res, null, 2))
      return res.ok ? 0 : 1
    }
    case 'create-admin': {
      if (!arg) throw new Error('usage: create-admin <username>')
      const password = await readPassword()
      if (password.length < 8) throw new Error('the password needs at least 8 characters')
      await withDb((db) => createUser(db, { username: arg, password, displayName: arg, municipality: '0301', roles: [], centralAdmin: true }))
      console.log(`central administrator ${normaliseUsername(arg)} created`)
      return 0
    }
    case 'set-password': {
      // The admin's reset: every access and refresh token of the user stops at once (issue 11.1).
      if (!arg) throw new Error('usage: set-password <username>')
      const password = await readPassword()
      if (password.length < 8) throw new Error('the password needs at least 8 characters')
      const name = normaliseUsername(arg)
      if (!(await withDb((db) => setPassword(db, name, password)))) throw new Error(`no user ${name}`)
      console.log(`password of ${name} changed; every token of the user is revoked`)
      return 0
    }
    case 'enrol-totp': {
      // A7: the admin enrols a user's authenticator app by QR code and hands over the recovery codes.
      if (!arg) throw new Error('usage: enrol-totp <username> [--png <file>]')
      const png = rest[0] === '--png' ? rest[1] : undefined
      if (rest[0] === '--png' && !png) throw new Error('usage: enrol-totp <username> --png <file>')
      const e = await withDb(async (db) => enrolTotp(db, normaliseUsername(arg), (await getServerMeta(db)).tokenSecret))
      if (png) await QRCode.toFile(png, e.uri, { type: 'png', margin: 2, scale: 6 })
      else console.log(await QRCode.toString(e.uri, { type: 'terminal', small: true }))
      console.log(`TOTP enrolled for ${e.username}${png ? `; QR code written to ${png}` : ''}`)
      console.log(`otpauth URI: ${e.uri}`)
      console.log(`secret (for typing in): ${e.secret}`)
      console.log('recovery codes (each works once; give them to the user, they are not shown again):')
      for (const c of e.recoveryCodes) console.log(`  ${c}`)
      return 0
    }
    case 'disable-user':
    case 'enable-user': {
      // A6 / issue 11.7: a disabled user is refused everywhere (403 USER_DISABLED), and their
      // device wipes its replica (or seals it with unsent work) at the next login or sync.
      if (!arg) throw new Error(`usage: ${cmd} <username>`)
      const name = normaliseUsername(arg)
      const disabled = cmd === 'disable-user'
      const changed = await withDb(async (db) => {
        const rows = await db.update(users).set({ disabled }).where(eq(users.username, name)).returning({ id: users.id })
        if (rows.length)
          await appendAudit(db, {
            userId: rows[0].id,
            username: name,
            deviceId: null,
            action: disabled ? 'user.disabled' : 'user.enabled',
            details: { by: `cli:${process.env.USER ?? 'unknown'}` },
          })
        return rows.length
      })
      if (!changed) throw new Error(`no user ${name}`)
      console.log(`${name} ${disabled ? 'disabled' : 'enabled'}`)
      return 0
    }
    case 'scope-estimate': {
      if (!arg) throw new Error('usage: scope-estimate <username>')
      console.log(JSON.stringify(await withDb((db) => estimateScope(db, arg)), null, 2))
      return 0
    }
    case 'recompute': {
      // After a new RULES_VERSION: every live person's stored evaluation, as of today in Oslo.
      const n = await withDb((db) => recomputeAll(db, osloDateOfMs(Date.now())))
      console.log(`${n} persons evaluated`)
      return 0
    }
    case 'set-rule-setting': {
      // Issue 9 point 5: `set-rule-setting <key> <YYYY-MM-DD|none> --reason <why>`, audited as the OS user.
      const usage = 'usage: set-rule-setting <key> <YYYY-MM-DD|none> --reason "<why, e.g. the Lovdata reference>"'
      const [value, flag, ...why] = rest
      if (!arg || value === undefined || flag !== '--reason') throw new Error(usage)
      const res = await withDb((db) => setRuleSetting(db, { key: arg, value, reason: why.join(' '), actor: { username: `cli:${process.env.USER ?? 'unknown'}` } }))
      if (!res.ok) {
        for (const r of res.reasons) console.error(`${r.code} (${r.field}): ${r.message}`)
        return 1
      }
      console.log(
        res.changed
          ? `${res.key}: ${res.oldValue ?? 'none'} → ${res.value ?? 'none'} (version ${res.version}); ${res.evaluated} persons evaluated; devices get it at their next sync`
          : `${res.key} is already ${res.value ?? 'none'}; nothing changed`,
      )
      return 0
    }
    case 'rule-settings': {
      // Issue 9 point 5: every R12 rule setting with its value, version, who changed it and why.
      console.log(JSON.stringify(await withDb((db) => listRuleSettings(db)), null, 2))
      return 0
    }
    default:
      console.error(`unknown command ${cmd} ${rest.join(' ')}`)
      return 2
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code)
  },
  (e: unknown) => {
    // A failed query's message carries its parameters (persons' data): masked (issue 11 point 8).
    console.error(e instanceof Error ? maskErrorMessage(e.message) : e)
    process.exit(1)
  },
)
