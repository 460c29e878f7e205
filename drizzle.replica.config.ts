import { defineConfig } from 'drizzle-kit'

/** The device replica (A3): `npx drizzle-kit generate -c drizzle.replica.config.ts`. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/db/schema/index.ts',
  out: './src/main/db/migrations',
})
