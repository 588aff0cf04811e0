// `npm run bench:billing [-- --accounts 2500 --months 24 --rounds 20]`
// On a throwaway embedded PostgreSQL: write a synthetic billing world straight into CORE (accounts ×
// months of CUR rows, bills, invoices, discount statements), build the Cost Explorer rollups (full, then
// incremental after one month changes), then time every billing endpoint through the API (tenant API key,
// row-level security, JSON) over a mix of selections. Prints p50 / p95 / max per endpoint (goal ≤ 200 ms).
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  API_ROLE,
  connect,
  ensureDatabase,
  ensureRuntimeLogins,
  migrate,
  runtimeRoleUrl,
  startEmbeddedPostgres,
  withDatabase,
} from '@revops/db'
import { refreshBillingRollups } from '@revops/engine/billing'
import type { Tenant } from '@revops/engine/config'
import { silentLogger } from '@revops/engine/shared'
import { createApiDatabase, createApiKey } from '@revops/engine/tenancy'
import { createApp, createMatchingSessions } from '@revops/functions'
import { writeSyntheticBilling } from '../src/synthetic-billing/synthetic-billing.ts'

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '2500' },
    months: { type: 'string', default: '24' },
    rounds: { type: 'string', default: '20' },
  },
})
const accounts = Number(values.accounts)
const months = Number(values.months)
const rounds = Number(values.rounds)
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1)

let seed = 42
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

const root = await mkdtemp(path.join(tmpdir(), 'revops-bench-billing-'))
await chmod(root, 0o755)
const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: 0, profile: 'test' })
try {
  await ensureDatabase(server.url, 'revops')
  const url = withDatabase(server.url, 'revops')
  const sql = connect(url, { max: 4 })
  await migrate(sql)
  await sql`insert into ops.tenants (tenant_id, display_name) values ('bench', 'Bench')`
  const first = new Date(Date.UTC(2026, 10 - months, 1)).toISOString().slice(0, 10)
  let started = performance.now()
  await writeSyntheticBilling(sql, { tenantId: 'bench', accounts, months, firstMonth: first })
  const [counts] = await sql`
    select (select count(*) from core.billing_cost) as cost, (select count(*) from core.billing_invoice) as invoice,
      (select count(*) from core.billing_discounts) as discounts`
  console.log(
    `synthetic CORE billing, ${accounts.toLocaleString('en-US')} accounts × ${months} months: ${Number(counts!.cost).toLocaleString('en-US')} cost rows, ${Number(counts!.invoice).toLocaleString('en-US')} bill/invoice lines, ${Number(counts!.discounts).toLocaleString('en-US')} discount rows (${seconds(started)} s)`,
  )
  await sql`vacuum analyze`
  started = performance.now()
  const full = await refreshBillingRollups(sql, 'bench', { full: true })
  console.log(`rollups, full rebuild of ${full.months.length} months: ${seconds(started)} s`)
  const [sizes] = await sql`
    select (select count(*) from core.billing_account_monthly) as account, (select count(*) from core.billing_service_monthly) as service,
      (select count(*) from core.billing_service_totals) as totals, (select count(*) from core.billing_revenue_monthly) as revenue`
  console.log(
    `rollup rows: account-month ${sizes!.account}, account-service-month ${sizes!.service}, service-month ${sizes!.totals}, revenue ${sizes!.revenue}`,
  )
  await sql`update core.billing_cost set cost = cost + 1 where tenant_id = 'bench' and cost_ref in (
    select cost_ref from core.billing_cost where tenant_id = 'bench' and month = ${first}::date + interval '1 month' limit 100)`
  started = performance.now()
  const incremental = await refreshBillingRollups(sql, 'bench')
  console.log(
    `rollups, incremental after 100 cost rows of one month changed: ${seconds(started)} s (${incremental.months.length} month)`,
  )
  await sql`vacuum analyze`

  // The API as deployed: logged in as its runtime role, the key's tenant resolved by the database.
  await ensureRuntimeLogins(sql, url)
  const database = createApiDatabase(runtimeRoleUrl(url, API_ROLE))
  const { key } = await createApiKey(sql, 'bench', 'bench')
  const app = createApp({
    sql: database.sql,
    sqlForKey: (apiKey) => database.forKey(apiKey),
    log: silentLogger,
    version: 'bench',
    loadTenant: async () => ({}) as Tenant,
    matchingSessions: createMatchingSessions(),
  })

  const customers = (
    await sql`select distinct company_id::text as id from core.aws_accounts where not is_payer`
  ).map((r) => r.id as string)
  const payers = (await sql`select account_ref::text as id from core.aws_accounts where is_payer`).map(
    (r) => r.id as string,
  )
  const refs = (
    await sql`select account_ref::text as id, aws_account_id from core.aws_accounts where not is_payer`
  ).map((r) => r.id as string)
  const last = new Date(Date.UTC(2026, 9, 1)).toISOString().slice(0, 7)
  const range = `from=${first.slice(0, 7)}&to=${last}`
  const some = (n: number) => Array.from({ length: n }, () => pick(refs)).join(',')
  const mixes: Record<string, (() => string)[]> = {
    summary: [
      () => `summary?${range}`,
      () => `summary?${range}&basis=net_of_discounts&invoice_basis=bill`,
      () => `summary?${range}&customers=${pick(customers)}`,
      () => `summary?${range}&payers=${pick(payers)}&invoice_basis=bill`,
      () => `summary?${range}&accounts=${some(20)}&invoice_basis=bill&basis=gross`,
      () => `summary?${range}&services=AmazonEC2,AWS%20Lambda`,
    ],
    timeseries: [
      () => `timeseries?${range}`,
      () => `timeseries?${range}&granularity=quarter&split_by=customer&limit=10`,
      () => `timeseries?${range}&split_by=account&invoice_basis=bill&payers=${pick(payers)}`,
      () => `timeseries?${range}&granularity=year&split_by=service`,
      () => `timeseries?${range}&customers=${pick(customers)}&basis=net_of_discounts`,
      () => `timeseries?${range}&accounts=${pick(refs)}&services=Amazon%20Elastic%20Compute%20Cloud`,
    ],
    breakdown: [
      () => `breakdown?${range}&group_by=customer&limit=50`,
      () => `breakdown?${range}&group_by=account&invoice_basis=bill&sort=margin&order=asc&limit=100`,
      () => `breakdown?${range}&group_by=payer&invoice_basis=bill`,
      () => `breakdown?${range}&group_by=service`,
      () => `breakdown?${range}&group_by=service&customers=${pick(customers)}`,
      () => `breakdown?${range}&group_by=product&invoice_basis=bill`,
      () => `breakdown?${range}&group_by=account&services=AmazonEC2&invoice_basis=bill&limit=50`,
    ],
    accounts: [() => 'accounts?limit=100', () => `accounts?q=account-${pick(refs).slice(0, 2)}`],
  }
  const request = async (path: string) => {
    const response = await app.request(`/api/v1/billing/${path}`, {
      headers: { authorization: `Bearer ${key}` },
    })
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    await response.arrayBuffer()
  }
  for (const builders of Object.values(mixes)) for (const build of builders) await request(build())
  const all: number[] = []
  const quantile = (sorted: number[], q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  console.log(
    `\nendpoint timings through the API (${rounds} rounds of each query shape, selections drawn at random):`,
  )
  // Per query shape too: the path without its period and with the drawn ids elided.
  const shapeOf = (path: string) =>
    path
      .replace(`${range}&`, '')
      .replace(`?${range}`, '')
      .replace(/\d[\d,]*/g, '…')
  const byShape = new Map<string, number[]>()
  for (const [endpoint, builders] of Object.entries(mixes)) {
    const timings: number[] = []
    for (let round = 0; round < rounds; round++) {
      for (const build of builders) {
        const path = build()
        const start = performance.now()
        await request(path)
        const ms = performance.now() - start
        timings.push(ms)
        const shape = shapeOf(path)
        byShape.set(shape, [...(byShape.get(shape) ?? []), ms])
      }
    }
    timings.sort((a, b) => a - b)
    all.push(...timings)
    console.log(
      `  ${endpoint.padEnd(11)} n=${String(timings.length).padStart(4)}  p50 ${quantile(timings, 0.5).toFixed(1).padStart(6)} ms  p95 ${quantile(timings, 0.95).toFixed(1).padStart(6)} ms  max ${timings.at(-1)!.toFixed(1).padStart(6)} ms`,
    )
  }
  all.sort((a, b) => a - b)
  console.log(
    `  ${'all'.padEnd(11)} n=${String(all.length).padStart(4)}  p50 ${quantile(all, 0.5).toFixed(1).padStart(6)} ms  p95 ${quantile(all, 0.95).toFixed(1).padStart(6)} ms  max ${all.at(-1)!.toFixed(1).padStart(6)} ms`,
  )
  console.log('\nper query shape (median, max):')
  for (const [shape, timings] of byShape) {
    timings.sort((a, b) => a - b)
    console.log(
      `  ${quantile(timings, 0.5).toFixed(1).padStart(6)} ms ${timings.at(-1)!.toFixed(1).padStart(6)} ms  ${shape}`,
    )
  }
  console.log(
    `goal ≤ 200 ms (p95): ${quantile(all, 0.95) <= 200 ? 'met' : 'NOT met'}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  await database.close()
  await sql.end()
} finally {
  await server.stop()
  await rm(root, { recursive: true, force: true })
}
