/**
 * The central register (architecture.md A4, A6, A7): public API for the CLI, the embedded
 * demo mode of the desktop app and the tests.
 */
export { openDatabase } from './db/open'
export type { OpenDatabaseOptions, OpenedDatabase } from './db/open'
export type { RegisterDb } from './db/types'
export { getServerMeta, renewEpoch } from './db/meta'
export { startRegister } from './start'
export type { RunningRegister, StartRegisterOptions } from './start'
export { importNdjson } from './import'
export type { ImportError, ImportResult, ImportSummary } from './import'
export { projectScope } from './sync/project'
export { createUser } from './auth/users'
export type { NewUser } from './auth/users'
export { generateDemoNdjson } from './demo/generate'
export type { DemoOptions } from './demo/generate'
export { demoUsers, DEMO_PASSWORD } from './demo/users'
export type { DemoUser } from './demo/users'
export { loadDemo, osloToday } from './demo/load'
export { recomputeEvaluations, recomputeAll, readEvaluations, refreshDueEvaluations, checkOnServer } from './rules/evaluate'
export { loadServerBundle, serverSnapshot } from './rules/snapshot'
