// The world the matching benchmarks run on: the demo seeder at scale (one company per ten Odoo
// opportunities, one billing month), so bench:match and bench:pgvector measure the same data.
import { seedDemoSources } from '../src/demo/seed-demo-sources.ts'

export async function seedScaleWorld(
  serverUrl: string,
  counts: { ace: number; odoo: number },
  options: { replace?: boolean } = {},
): Promise<void> {
  await seedDemoSources({
    serverUrl,
    ...(options.replace ? { replace: true } : {}),
    size: {
      companies: Math.max(50, Math.round(counts.odoo / 10)),
      odooOpportunities: counts.odoo,
      aceOpportunities: counts.ace,
      billingMonths: 1,
    },
  })
}
