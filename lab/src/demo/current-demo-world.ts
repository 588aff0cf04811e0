// Keeps `npm start`'s demo world current. The world is generated around an anchor date (close dates,
// billing months, sync stamps), so a world seeded weeks ago and judged today reads as stale: every open
// opportunity's close date has passed and the POD rules reject almost everything. At start, a world
// older than STALE_AFTER_DAYS is generated again around today, with the same seed and size (the same
// companies, deals and ids; only the dates move), and the next pipeline run picks the changes up.
import { connect, withDatabase } from '@revops/db'
import { DEMO_WORLDS, type DemoPhenomena, type DemoWorldName, PHENOMENA_KEYS } from './phenomena.ts'
import { databasesSeeded } from './prepare-databases.ts'
import { seedDemoSources } from './seed-demo-sources.ts'

/** A world this many days older than today is generated again. */
export const STALE_AFTER_DAYS = 7

export interface DemoWorldDatabases {
  odoo: string
  apn: string
  truth: string
}

export interface DemoSeedInfo {
  seed: number
  anchorDate: string
  size: { companies: number; odooOpportunities: number; aceOpportunities: number; billingMonths: number }
  /** Absent in worlds seeded before the presets existed: those are easy worlds. */
  world?: DemoWorldName
  /** The rates recorded; absent in worlds seeded before they were. */
  phenomena?: Partial<DemoPhenomena>
}

/** What the truth database says the world was generated with; undefined when it cannot tell. */
export async function readDemoSeedInfo(
  serverUrl: string,
  truthDatabase: string,
): Promise<DemoSeedInfo | undefined> {
  const sql = connect(withDatabase(serverUrl, truthDatabase), { max: 1, applicationName: 'revops-demo-seed' })
  try {
    const rows = await sql<{ key: string; value: string }[]>`select key, value from seed_info`
    const info = new Map(rows.map((row) => [row.key, row.value]))
    const number = (key: string) => Number(info.get(key))
    const anchorDate = info.get('anchor_date')
    if (!anchorDate || !Number.isInteger(number('seed'))) return undefined
    const world = DEMO_WORLDS.find((name) => name === info.get('world'))
    const phenomena = Object.fromEntries(
      PHENOMENA_KEYS.filter((key) => info.has(`phenomenon_${key}`)).map((key) => [
        key,
        number(`phenomenon_${key}`),
      ]),
    ) as Partial<DemoPhenomena>
    return {
      seed: number('seed'),
      anchorDate,
      size: {
        companies: number('companies'),
        odooOpportunities: number('odooOpportunities'),
        aceOpportunities: number('aceOpportunities'),
        billingMonths: number('billingMonths'),
      },
      ...(world ? { world } : {}),
      ...(Object.keys(phenomena).length > 0 ? { phenomena } : {}),
    }
  } catch {
    // No seed_info (a world from before it was recorded, or not ours): treat as unknown.
    return undefined
  } finally {
    await sql.end()
  }
}

export type DemoWorldState = 'seeded' | 'refreshed' | 'current'

/** Seeds the demo world around `today` when missing, or again when it is stale; says which it did. */
export async function ensureCurrentDemoWorld(options: {
  serverUrl: string
  databases: DemoWorldDatabases
  today: string
  log: (message: string) => void
}): Promise<DemoWorldState> {
  const { serverUrl, databases, today } = options
  const names = [databases.odoo, databases.apn, databases.truth]
  if (!(await databasesSeeded(serverUrl, names))) {
    options.log('first start: creating the demo source databases (revops demo seed)')
    await seedDemoSources({ serverUrl, databases, anchorDate: today })
    return 'seeded'
  }
  const info = await readDemoSeedInfo(serverUrl, databases.truth)
  const age = info
    ? (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${info.anchorDate}T00:00:00Z`)) / 86_400_000
    : 0
  if (!info || age <= STALE_AFTER_DAYS) return 'current'
  options.log(
    `the demo world was generated around ${info.anchorDate}; generating it again around ${today} (same seed) so its dates stay current`,
  )
  await seedDemoSources({
    serverUrl,
    databases,
    seed: info.seed,
    size: info.size,
    // The same world preset and rates, so a hard world stays hard when its dates move.
    ...(info.world ? { world: info.world } : {}),
    ...(info.phenomena ? { phenomena: info.phenomena } : {}),
    anchorDate: today,
    replace: true,
  })
  return 'refreshed'
}
