// `revops demo seed`: create the demo Odoo and APN source databases (and the ground truth) on the
// product's PostgreSQL server.
import {
  DEFAULT_ANCHOR_DATE,
  type DemoPhenomena,
  PHENOMENA_KEYS,
  parseRates,
  seedDemoSources,
} from '@revops/lab/demo'
import type { Command } from 'commander'
import { Option } from 'commander'
import { isoDate, positiveInt, withRuntime } from '../command-runner.ts'
import { createProgressDisplay } from '../progress-bars.ts'
import { printTable } from '../reports.ts'

interface SeedFlags {
  seed: number
  companies: number
  odooOpportunities: number
  aceOpportunities: number
  months: number
  odooVersion: string
  anchorDate: string
  replace: boolean
  world: 'easy' | 'hard'
  rates?: Partial<DemoPhenomena>
}

export function registerDemoCommands(program: Command): void {
  const demo = program.command('demo').description('demo data')
  demo
    .command('seed')
    .description('create the demo source databases (revops_demo_odoo, revops_demo_apn) and the ground truth')
    .option('--seed <n>', 'random seed (same seed, same data)', positiveInt('--seed'), 42)
    .option('--companies <n>', 'customer companies', positiveInt('--companies'), 250)
    .option('--odoo-opportunities <n>', 'Odoo opportunities', positiveInt('--odoo-opportunities'), 600)
    .option('--ace-opportunities <n>', 'ACE opportunities', positiveInt('--ace-opportunities'), 500)
    .option('--months <n>', 'months of billing', positiveInt('--months'), 18)
    .addOption(
      new Option('--odoo-version <v>', 'Odoo version: 14 has varchar names, 16/17 jsonb')
        .choices(['14', '16', '17'])
        .default('14'),
    )
    .option(
      '--anchor-date <date>',
      'the generated world\'s "today" (YYYY-MM-DD)',
      isoDate,
      DEFAULT_ANCHOR_DATE,
    )
    .option('--replace', 'drop and recreate the demo databases when they exist', false)
    .addOption(
      new Option(
        '--world <name>',
        'how hard the world is to match: easy (the default) or hard (closer to real data)',
      )
        .choices(['easy', 'hard'])
        .default('easy'),
    )
    .option(
      '--rates <list>',
      `override the world's rates, e.g. rebrands=0.2,repeatDeals=0.5 (${PHENOMENA_KEYS.join(', ')})`,
      parseRates,
    )
    .action((flags: SeedFlags, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        const progress = createProgressDisplay()
        try {
          const report = await seedDemoSources({
            serverUrl: runtime.database.serverUrl,
            seed: flags.seed,
            size: {
              companies: flags.companies,
              odooOpportunities: flags.odooOpportunities,
              aceOpportunities: flags.aceOpportunities,
              billingMonths: flags.months,
            },
            odooVersion: Number(flags.odooVersion) as 14 | 16 | 17,
            anchorDate: flags.anchorDate,
            replace: flags.replace,
            world: flags.world,
            phenomena: flags.rates ?? {},
            onProgress: progress.listener,
          })
          progress.stop()
          const rows = Object.entries(report.counts).flatMap(([database, tables]) =>
            Object.entries(tables).map(([table, n]) => [`${database}.${table}`, n] as [string, number]),
          )
          printTable(['table', 'rows'], rows)
        } finally {
          progress.stop()
        }
      }),
    )
}
