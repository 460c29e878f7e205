import { defineConfig } from 'drizzle-kit'

/** Migrations of the central register (PostgreSQL / PGlite); generate with `npx drizzle-kit generate --config drizzle.server.config.ts`. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/*.ts',
  out: './src/server/db/migrations',
})
