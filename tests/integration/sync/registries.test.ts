import { getTableColumns, getTableName } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { entityFields, entityNames, personOwnedEntities } from '../../../src/shared/sync'
import { entityTables, ownedTables, replicaTables } from '../../../src/main/db/entities'
import { entityStores, personOwnedStores, referenceStores, registerTables } from '../../../src/server/db/entities'

/**
 * The device's and the register's entity registries are typed `Record<EntityName, …>` and each
 * table is checked against its domain type at compile time; these runtime checks keep the
 * derived lists honest (a cast in a derivation could otherwise hide a missing entry).
 */
describe('A3 entity registries on both sides cover exactly the synced entities', () => {
  test.each([
    ['replica tables', replicaTables],
    ['replica entity tables', entityTables],
    ['register tables', registerTables],
    ['register entity stores', entityStores],
  ])('%s have one entry per entity name, in registry order', (_name, registry) => {
    expect(Object.keys(registry)).toEqual(entityNames)
  })

  test('person-owned tables on both sides are the person-owned entities', () => {
    expect(Object.keys(ownedTables)).toEqual([...personOwnedEntities])
    expect(personOwnedStores.map((s) => s.entity)).toEqual([...personOwnedEntities])
    expect(referenceStores.map((s) => s.entity)).toEqual(entityNames.filter((e) => e !== 'person' && !personOwnedEntities.includes(e as never)))
  })

  test.each(entityNames.map((e) => [e]))('%s: both tables have exactly the domain fields plus their bookkeeping columns', (entity) => {
    const replica = Object.keys(getTableColumns(replicaTables[entity])).sort()
    const register = Object.keys(getTableColumns(registerTables[entity])).sort()
    const fields = [...entityFields(entity)]
    const replicaBookkeeping = entity === 'person' ? ['cachedReadOnly', 'deleted', 'keptAfterScopeExit', 'serverVersion'] : ['deleted', 'serverVersion']
    expect(replica).toEqual([...fields, ...replicaBookkeeping].sort())
    expect(register).toEqual([...fields, 'deleted', 'seq', 'version'].sort())
    expect(getTableName(replicaTables[entity])).toBe(getTableName(registerTables[entity]))
  })
})
