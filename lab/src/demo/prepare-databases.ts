// Makes sure the target databases exist and are empty before seeding: created when missing, dropped and
// recreated with `replace`, and otherwise refused (all of them checked first) when one holds tables.
import { connect, dropDatabase, ensureDatabase, withDatabase } from '@revops/db'
import { ConflictError } from '@revops/engine/shared'

export async function prepareEmptyDatabases(
  serverUrl: string,
  names: readonly string[],
  replace: boolean,
): Promise<void> {
  if (!replace) {
    const occupied: { database: string; tables: number }[] = []
    for (const name of names) {
      const tables = await countTables(serverUrl, name)
      if (tables > 0) occupied.push({ database: name, tables })
    }
    if (occupied.length > 0) {
      const list = occupied.map(
        (o) => `"${o.database}" already holds ${o.tables} table${o.tables === 1 ? '' : 's'}`,
      )
      throw new ConflictError(`${list.join('; ')}; seed with replace to drop and recreate`, occupied)
    }
  }
  await Promise.all(
    names.map(async (name) => {
      if (replace) await dropDatabase(serverUrl, name)
      await ensureDatabase(serverUrl, name)
    }),
  )
}

/** Whether every named database exists and holds tables (a previous seed). */
export async function databasesSeeded(serverUrl: string, names: readonly string[]): Promise<boolean> {
  for (const name of names) if ((await countTables(serverUrl, name)) === 0) return false
  return true
}

/** Tables outside the system schemas; 0 when the database does not exist. */
async function countTables(serverUrl: string, name: string): Promise<number> {
  const admin = connect(serverUrl, { max: 1, applicationName: 'revops-demo-seed' })
  try {
    const [found] = await admin`select 1 as found from pg_database where datname = ${name}`
    if (!found) return 0
  } finally {
    await admin.end()
  }
  const sql = connect(withDatabase(serverUrl, name), { max: 1, applicationName: 'revops-demo-seed' })
  try {
    const [row] = await sql<{ tables: number }[]>`
      select count(*)::int as tables from information_schema.tables
      where table_schema not in ('pg_catalog', 'information_schema')`
    return row?.tables ?? 0
  } finally {
    await sql.end()
  }
}
