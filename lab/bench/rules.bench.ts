// `npm run bench:rules [-- --opportunities 10000 --ruleset pod --dir tenants/demo/rules]`: the cost of
// deciding one ACE opportunity with a compiled ruleset (goal ≤ 1 ms). Builds synthetic fact sets that
// exercise every result (pass, fail, review, not_evaluated), evaluates each once after a warm-up, and
// prints the per-opportunity median, p95, p99 and max, plus the one-off load and compile time.
import { parseArgs } from 'node:util'
import {
  addDays,
  buildFacts,
  compileRuleset,
  evaluateRuleset,
  type FactSet,
  loadRuleset,
  type Outcome,
} from '@revops/engine/rules'

const { values } = parseArgs({
  options: {
    opportunities: { type: 'string', default: '10000' },
    ruleset: { type: 'string', default: 'pod' },
    dir: { type: 'string', default: 'tenants/demo/rules' },
    seed: { type: 'string', default: '42' },
  },
})
const count = Number(values.opportunities)

// A small deterministic generator (mulberry32), so runs compare like for like.
let state = Number(values.seed) >>> 0
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const chance = (p: number) => random() < p

function syntheticFacts(index: number): FactSet {
  const asOf = addDays('2025-01-01', Math.floor(random() * 365))
  const probability = random()
  const others = chance(0.15) ? [`O${index + 1}`, `O${index + 2}`] : []
  return buildFacts(asOf, {
    opportunity: {
      id: `O${index}`,
      stage: pick(['Prospect', 'Qualified', 'Technical Validation', 'Committed', 'Launched', 'Closed Lost']),
      ownership: pick(['Partner Referral', 'Partner Referral', 'AWS Referral', null]),
      close_date: chance(0.05) ? null : addDays(asOf, Math.floor(random() * 200) - 40),
      aws_account_registered: chance(0.9),
    },
    match: chance(0.1)
      ? null
      : {
          band: probability >= 0.85 ? 'auto_link' : probability >= 0.7 ? 'review' : 'no_link',
          probability,
          name_similarity: chance(0.2) ? null : random(),
          dense_similarity: random(),
        },
    spend: { amount: Math.round(random() * 1_000_000) / 100, cost_rows: Math.floor(random() * 200) },
    end_user: chance(0.5)
      ? null
      : {
          exists: chance(0.8),
          usage_type: pick(['End User', 'Partner Internal', null]),
          government_advising: chance(0.1),
          days_after_creation: Math.floor(random() * 60),
        },
    pipeline: { open_on_account: others.length, other_on_account: others },
  })
}

const startLoad = performance.now()
const resolved = await loadRuleset(values.dir, values.ruleset)
const compiled = compileRuleset(resolved)
const compileMs = performance.now() - startLoad

const factSets = Array.from({ length: count }, (_, index) => syntheticFacts(index))
for (const facts of factSets.slice(0, 1000)) evaluateRuleset(compiled, facts)

const timings = new Float64Array(count)
const outcomes: Record<Outcome, number> = { auto_approve: 0, needs_review: 0, auto_reject: 0 }
const results: Record<string, number> = {}
const startAll = performance.now()
for (let i = 0; i < count; i++) {
  const start = performance.now()
  const evaluation = evaluateRuleset(compiled, factSets[i]!)
  timings[i] = performance.now() - start
  outcomes[evaluation.outcome]++
  for (const rule of evaluation.rules) results[rule.result] = (results[rule.result] ?? 0) + 1
}
const totalMs = performance.now() - startAll
timings.sort()
const quantile = (q: number) => timings[Math.min(count - 1, Math.floor(q * count))]!
const ms = (value: number) => `${value.toFixed(4)} ms`

console.log(
  `ruleset ${compiled.name} (${compiled.rules.length} rules, ${compiled.contentHash.slice(0, 19)}…)`,
)
console.log(`load + compile:          ${ms(compileMs)}`)
console.log(`opportunities evaluated: ${count.toLocaleString('en-US')}`)
console.log(`per opportunity median:  ${ms(quantile(0.5))}`)
console.log(`per opportunity p95:     ${ms(quantile(0.95))}`)
console.log(`per opportunity p99:     ${ms(quantile(0.99))}`)
console.log(`per opportunity max:     ${ms(timings[count - 1]!)}`)
console.log(
  `throughput:              ${Math.round((count / totalMs) * 1000).toLocaleString('en-US')} opportunities/s`,
)
console.log(`outcomes:                ${JSON.stringify(outcomes)}`)
console.log(`rule results:            ${JSON.stringify(results)}`)
console.log(`goal ≤ 1 ms per opportunity (p95): ${quantile(0.95) <= 1 ? 'met' : 'NOT met'}`)
