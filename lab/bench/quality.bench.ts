// `npm run bench:quality [-- --seeds 42,1,2,3,4,5,6] [--world easy|hard] [--errors]`
// Matching quality over several generated demo worlds, so that a figure is not one seed's luck: for each
// seed, on a throwaway embedded PostgreSQL, seed the demo sources, then sync, normalize, embed (the
// lexical fallback) and match into a fresh product database, and score the links against that seed's
// ground truth (what `revops eval` prints). Prints one row per seed, then the median and the worst.
// `--world hard` seeds the harder world (repeat deals, rebrands, divisions, few stored ids).
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { connect, ensureDatabase, migrate, startEmbeddedPostgres, withDatabase } from '@revops/db'
import { loadTenant, registerTenant } from '@revops/engine/config'
import { createLexicalEmbedder, embedPending } from '@revops/engine/embed'
import { syncSources } from '@revops/engine/ingest'
import { loadMatchingConfig, matchTenant } from '@revops/engine/match'
import { normalizeTenant } from '@revops/engine/normalize'
import { silentLogger } from '@revops/engine/shared'
import { parseRates } from '../src/demo/phenomena.ts'
import { readGroundTruth, seedDemoSources } from '../src/demo/seed-demo-sources.ts'
import { errorBreakdown, formatErrorBreakdown } from '../src/evaluation/error-breakdown.ts'
import { evaluateTenant, type TenantEvaluation } from '../src/evaluation/evaluate-tenant.ts'
import { TENANTS_DIR } from '../src/testing/demo-fixture.ts'
import { median } from './percentile.ts'

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '42,1,2,3,4,5,6' },
    world: { type: 'string', default: 'easy' },
    /** Override the world's rates: `rebrands=0.2,repeatDeals=0.5`. */
    rates: { type: 'string', default: '' },
    /** Also print each seed's errors by class and by ground-truth tag. */
    errors: { type: 'boolean', default: false },
  },
})
const world = values.world
if (world !== 'easy' && world !== 'hard') throw new Error(`--world takes easy or hard, got "${world}"`)
const rates = parseRates(values.rates)
const seeds = values.seeds.split(',').map((text) => {
  const seed = Number(text)
  if (!Number.isInteger(seed)) throw new Error(`--seeds takes integers separated by commas, got "${text}"`)
  return seed
})

console.log(
  `quality bench: ${world} world${Object.keys(rates).length > 0 ? ` with ${JSON.stringify(rates)}` : ''}, seeds ${seeds.join(',')}`,
)

const percent = (x: number) => `${(x * 100).toFixed(2)} %`
const root = await mkdtemp(path.join(tmpdir(), 'revops-bench-quality-'))
await chmod(root, 0o755)
const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: 0, profile: 'local' })
const results: { seed: number; evaluation: TenantEvaluation }[] = []
try {
  for (const seed of seeds) {
    await seedDemoSources({ serverUrl: server.url, seed, world, phenomena: rates, replace: true })
    const database = `revops_quality_${seed}`
    await ensureDatabase(server.url, database)
    const productUrl = withDatabase(server.url, database)
    const sql = connect(productUrl, { max: 4 })
    try {
      await migrate(sql)
      const tenant = await loadTenant('demo', {
        tenantsDir: TENANTS_DIR,
        env: {},
        productServerUrl: server.url,
      })
      await registerTenant(sql, tenant.config)
      await syncSources({ productUrl, tenant, mode: 'incremental', log: silentLogger })
      await normalizeTenant({ sql, tenant, log: silentLogger })
      await embedPending({ sql, tenantId: 'demo', embedder: createLexicalEmbedder(), log: silentLogger })
      const config = await loadMatchingConfig(tenant)
      await matchTenant({ sql, tenantId: 'demo', config, mode: 'full', log: silentLogger })
      const truthRows = await readGroundTruth(withDatabase(server.url, 'revops_demo_truth'))
      const truth = new Map(
        truthRows.map((row) => [row.aceId, row.odooLeadId === null ? null : String(row.odooLeadId)]),
      )
      const evaluation = await evaluateTenant(sql, 'demo', config, truth)
      results.push({ seed, evaluation })
      if (values.errors) {
        const breakdown = await errorBreakdown(
          sql,
          'demo',
          config.left.entity,
          config.thresholds.review,
          truthRows,
        )
        console.log(formatErrorBreakdown(breakdown))
        for (const point of evaluation.curve.filter((p) => p.threshold >= 0.85))
          console.log(
            `  at ≥ ${point.threshold}: precision ${percent(point.precision)} (${point.falsePositives} wrong), recall ${percent(point.recall)}`,
          )
        for (const error of breakdown.errors) {
          const [ace] = await sql<{ name: string; title: string }[]>`
            select customer_name as name, title from core.ace_opportunities where tenant_id = 'demo' and ace_id = ${error.aceId}`
          const odoo = async (id: string | null) =>
            id === null
              ? null
              : (
                  await sql<{ name: string; title: string }[]>`
                    select customer_name as name, title from core.odoo_opportunities where tenant_id = 'demo' and lead_id = ${id}`
                )[0]
          const [expected, linked] = [await odoo(error.expected), await odoo(error.linked)]
          console.log(
            `  ${error.class} ${error.aceId}: "${ace?.name}" / "${ace?.title}" — expected ${error.expected} "${expected?.name}" / "${expected?.title}"${error.linked ? `, linked ${error.linked} "${linked?.name}" / "${linked?.title}" at ${error.probability?.toFixed(3)}` : ''} [${error.note}]`,
          )
        }
      }
      const { atReview, atAutoLink } = evaluation
      console.log(
        `seed ${seed}: review-or-better F1 ${percent(atReview.f1)} (P ${percent(atReview.precision)}, R ${percent(atReview.recall)}); auto_link precision ${percent(atAutoLink.precision)} (${atAutoLink.truePositives} of ${atAutoLink.truePositives + atAutoLink.falsePositives}), recall ${percent(atAutoLink.recall)}; ECE ${evaluation.calibration.expectedCalibrationError.toFixed(4)}; blocking recall ${percent(evaluation.blocking.recall)}`,
      )
    } finally {
      await sql.end()
    }
  }
} finally {
  await server.stop()
  await rm(root, { recursive: true, force: true })
}

const rows = results.map(({ seed, evaluation: e }) => [
  String(seed),
  percent(e.atReview.precision),
  percent(e.atReview.recall),
  percent(e.atReview.f1),
  percent(e.atAutoLink.precision),
  String(e.atAutoLink.falsePositives),
  percent(e.atAutoLink.recall),
  e.calibration.expectedCalibrationError.toFixed(4),
  percent(e.blocking.recall),
])
const header = ['seed', 'review P', 'review R', 'review F1', 'auto P', 'auto FP', 'auto R', 'ECE', 'blocking']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i]!)).join('  ')
console.log(`\n${world} world\n${line(header)}\n${rows.map(line).join('\n')}`)
const f1s = results.map((r) => r.evaluation.atReview.f1)
const precisions = results.map((r) => r.evaluation.atAutoLink.precision)
console.log(
  `\n${world} world, ${results.length} seeds: review-or-better F1 median ${percent(median(f1s))}, worst ${percent(Math.min(...f1s))}; auto_link precision median ${percent(median(precisions))}, worst ${percent(Math.min(...precisions))}`,
)
