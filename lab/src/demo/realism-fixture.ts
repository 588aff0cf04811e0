// Seeds the demo sources once at the default size for a test file and offers small query helpers, so
// the realism tests can count each kind of messiness with SQL the way an evaluator would.
import { randomBytes } from 'node:crypto'
import { connect, dropDatabase, withDatabase } from '@revops/db'
import { useTestDatabase } from '@revops/db/testing'
import { afterAll, beforeAll } from 'vitest'
import { seedDemoSources } from './seed-demo-sources.ts'

export const FREE_MAIL_SQL = `('gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'aol.com', 'protonmail.com', 'gmx.de')`

export type DemoPart = 'odoo' | 'apn' | 'truth'

export interface SeededDemo {
  one<T>(part: DemoPart, text: string): Promise<T>
  all<T>(part: DemoPart, text: string): Promise<T[]>
  /** Share (0–1) of the rows of `from` that match `condition`. */
  share(part: DemoPart, from: string, condition: string): Promise<number>
}

/** Registers hooks that seed the default-size demo (seed 42) before the file's tests and drop it after. */
export function useSeededDemo(): SeededDemo {
  const db = useTestDatabase({ empty: true })
  const suffix = randomBytes(4).toString('hex')
  const names = {
    odoo: `realism_odoo_${suffix}`,
    apn: `realism_apn_${suffix}`,
    truth: `realism_truth_${suffix}`,
  }
  beforeAll(async () => {
    await seedDemoSources({ serverUrl: db.serverUrl, databases: names, seed: 42 })
  }, 60_000)
  afterAll(async () => {
    for (const name of Object.values(names)) await dropDatabase(db.serverUrl, name)
  })
  const all = async <T>(part: DemoPart, text: string): Promise<T[]> => {
    const sql = connect(withDatabase(db.serverUrl, names[part]), { max: 1 })
    try {
      return [...(await sql.unsafe(text))] as T[]
    } finally {
      await sql.end()
    }
  }
  const one = async <T>(part: DemoPart, text: string): Promise<T> => (await all<T>(part, text))[0] as T
  const share = async (part: DemoPart, from: string, condition: string) =>
    (await one<{ share: number }>(part, `select avg((${condition})::int)::float8 as share from ${from}`))
      .share
  return { one, all, share }
}

/** Levenshtein distance: how many single-character edits turn one name into the other. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number
      previous[j] = Math.min(
        above + 1,
        (previous[j - 1] as number) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      diagonal = above
    }
  }
  return previous[b.length] as number
}
