import { withDatabase } from '@revops/db'
import { readGroundTruth } from '@revops/engine/demo/seed-demo-sources'
import { withRuntime } from './command-runner.ts'
await withRuntime({}, async (runtime) => {
  const rows = await readGroundTruth(withDatabase(runtime.database.serverUrl, 'revops_demo_truth'))
  const c = await runtime.sql<any[]>`select c.left_id, c.right_id, c.probability, a.title as at, o.title as ot, a.use_case as au, o.use_case as ou, a.description as ad, o.description_text as od, c.explanation->'contributions' as con from match.candidates c join core.ace_opportunities a on a.ace_id = c.left_id join core.odoo_opportunities o on o.lead_id = c.right_id::bigint`
  const byPair = new Map(c.map((x) => [`${x.left_id}|${x.right_id}`, x]))
  let n = 0
  for (const r of rows) {
    if (r.odooLeadId === null) continue
    const x = byPair.get(`${r.aceId}|${r.odooLeadId}`)
    if (!x || x.probability >= 0.7) continue
    const t = x.con.find((k: any) => k.comparison === 'title')
    console.log(x.probability.toFixed(2), t.level, '|', x.at, '|', x.ot, '|', x.au, '/', x.ou, '|', r.note)
    console.log('    ', (x.ad ?? '').slice(0, 120), '||', (x.od ?? '').slice(0, 120))
    if (++n > 14) break
  }
})
