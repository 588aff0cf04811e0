// `revops demo seed`: creates the demo Odoo and APN source databases, plus a ground-truth database the
// pipeline never reads, on one PostgreSQL server. Deterministic: the same options give the same bytes.
import { connect, type Sql, withDatabase } from '@revops/db'
import { ValidationError } from '@revops/engine/shared'
import { z } from 'zod'
import { parseDay } from './dates.ts'
import type { OdooVersion } from './demo-world.ts'
import { generateDemoWorld } from './generate-demo-world.ts'
import { loadTables } from './load-tables.ts'
import {
  DEMO_WORLDS,
  type DemoPhenomena,
  type DemoWorldName,
  PHENOMENA_KEYS,
  resolvePhenomena,
} from './phenomena.ts'
import { prepareEmptyDatabases } from './prepare-databases.ts'
import type { TableData } from './table-spec.ts'

export {
  type CompanyTruthRow,
  type GroundTruthRow,
  readCompanyTruth,
  readGroundTruth,
} from './ground-truth.ts'

/** The world's "today" when none is given; fixed so that a default seed is reproducible. */
export const DEFAULT_ANCHOR_DATE = '2026-11-16'

/** Where `revops demo seed` and `npm start` put the demo sources (the demo tenant's default databases). */
export const DEMO_DATABASES = {
  odoo: 'revops_demo_odoo',
  apn: 'revops_demo_apn',
  truth: 'revops_demo_truth',
} as const

const databaseName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case database name')
const count = (min: number, max: number) => z.number().int().min(min).max(max)
const rate = z.number().min(0).max(1)
/** Any subset of the rates, each in [0, 1]; unknown keys are refused so a typo does not go unnoticed. */
const phenomenaOverrides = z
  .object(
    Object.fromEntries(PHENOMENA_KEYS.map((key) => [key, rate.optional()])) as Record<
      keyof DemoPhenomena,
      z.ZodOptional<typeof rate>
    >,
  )
  .strict()

const seedDemoOptionsSchema = z.object({
  serverUrl: z.string().min(1),
  databases: z
    .object({
      odoo: databaseName.default(DEMO_DATABASES.odoo),
      apn: databaseName.default(DEMO_DATABASES.apn),
      truth: databaseName.default(DEMO_DATABASES.truth),
    })
    .prefault({}),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(42),
  size: z
    .object({
      companies: count(5, 50_000).default(250),
      odooOpportunities: count(1, 200_000).default(600),
      aceOpportunities: count(1, 200_000).default(500),
      billingMonths: count(1, 120).default(18),
    })
    .prefault({}),
  odooVersion: z.union([z.literal(14), z.literal(16), z.literal(17)]).default(14),
  anchorDate: z
    .string()
    .refine((text) => safeParseDay(text) !== null, 'must be a calendar date as YYYY-MM-DD')
    .default(DEFAULT_ANCHOR_DATE),
  replace: z.boolean().default(false),
  /** How hard the world is to match: `easy` is today's world, `hard` closer to real partner data. */
  world: z.enum(DEMO_WORLDS).default('easy'),
  /** Rates that override the world preset's. */
  phenomena: phenomenaOverrides.default({}),
})

export type SeedDemoOptions = z.input<typeof seedDemoOptionsSchema> & {
  /** Called as generation and each table's load finish. */
  onProgress?: (progress: SeedProgress) => void
}

export interface SeedProgress {
  step: string
  done: number
  total: number
}

export interface SeedDemoReport {
  databases: { odoo: string; apn: string; truth: string }
  seed: number
  odooVersion: OdooVersion
  anchorDate: string
  world: DemoWorldName
  phenomena: DemoPhenomena
  /** Rows per table, per database. */
  counts: { odoo: Record<string, number>; apn: Record<string, number>; truth: Record<string, number> }
}

/**
 * Generates and loads the demo sources. Each database is created when missing; one that already holds
 * tables is refused unless `replace` is set, in which case it is dropped and recreated.
 */
export async function seedDemoSources(options: SeedDemoOptions): Promise<SeedDemoReport> {
  const parsed = seedDemoOptionsSchema.safeParse(options)
  if (!parsed.success) {
    throw new ValidationError(
      `invalid demo seed options: ${z.prettifyError(parsed.error)}`,
      parsed.error.issues,
    )
  }
  const config = parsed.data
  const names = config.databases
  if (new Set([names.odoo, names.apn, names.truth]).size !== 3) {
    throw new ValidationError('the odoo, apn and truth databases must have different names', names)
  }
  const progress = options.onProgress ?? (() => {})

  progress({ step: 'prepare databases', done: 0, total: 1 })
  await prepareEmptyDatabases(config.serverUrl, [names.odoo, names.apn, names.truth], config.replace)
  progress({ step: 'prepare databases', done: 1, total: 1 })

  progress({ step: 'generate', done: 0, total: 1 })
  const phenomena = resolvePhenomena(config.world, config.phenomena as Partial<DemoPhenomena>)
  const world = generateDemoWorld({
    seed: config.seed,
    size: config.size,
    odooVersion: config.odooVersion,
    anchorDate: config.anchorDate,
    world: config.world,
    phenomena,
  })
  progress({ step: 'generate', done: 1, total: 1 })

  const total = world.odoo.length + world.apn.length + world.truth.length
  let done = 0
  const onTable = (name: string) => progress({ step: `load ${name}`, done: ++done, total })
  await Promise.all([
    withConnection(config.serverUrl, names.odoo, (sql) => loadTables(sql, world.odoo, onTable)),
    withConnection(config.serverUrl, names.apn, (sql) => loadTables(sql, world.apn, onTable)),
    withConnection(config.serverUrl, names.truth, (sql) => loadTables(sql, world.truth, onTable)),
  ])

  return {
    databases: { ...names },
    seed: config.seed,
    odooVersion: config.odooVersion,
    anchorDate: config.anchorDate,
    world: config.world,
    phenomena,
    counts: { odoo: countRows(world.odoo), apn: countRows(world.apn), truth: countRows(world.truth) },
  }
}

async function withConnection(
  serverUrl: string,
  database: string,
  work: (sql: Sql) => Promise<void>,
): Promise<void> {
  const sql = connect(withDatabase(serverUrl, database), { max: 1, applicationName: 'revops-demo-seed' })
  try {
    await work(sql)
  } finally {
    await sql.end()
  }
}

function countRows(tables: readonly TableData[]): Record<string, number> {
  return Object.fromEntries(tables.map((table) => [table.spec.name, table.rows.length]))
}

function safeParseDay(text: string): number | null {
  try {
    return parseDay(text)
  } catch {
    return null
  }
}
