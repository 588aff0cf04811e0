// `revops export matches --format csv --out FILE`: one row per ACE opportunity.

import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { loadMatchingConfig } from '@revops/engine/match/config/load-matching-config'
import { csvField, exportMatchRows, MATCH_EXPORT_COLUMNS } from '@revops/engine/match/export-matches'
import { type Command, Option } from 'commander'
import { withRuntime } from '../command-runner.ts'

export function registerExportCommands(program: Command): void {
  const exporter = program.command('export').description('export results')
  exporter
    .command('matches')
    .description(`one row per ACE opportunity: ${MATCH_EXPORT_COLUMNS.join(',')}`)
    .addOption(new Option('--format <format>', 'file format').choices(['csv']).default('csv'))
    .requiredOption('--out <file>', 'where to write (- for standard output)')
    .action((options: { out: string }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        const tenant = await runtime.loadTenant()
        const out = options.out === '-' ? process.stdout : createWriteStream(options.out)
        const write = async (fields: readonly string[]) => {
          if (!out.write(`${fields.map(csvField).join(',')}\n`)) await once(out, 'drain')
        }
        await write(MATCH_EXPORT_COLUMNS)
        let rows = 0
        for await (const row of exportMatchRows(
          runtime.sql,
          tenant.config.tenant_id,
          await loadMatchingConfig(tenant),
        )) {
          await write(row)
          rows++
        }
        if (out !== process.stdout) {
          out.end()
          await once(out, 'finish')
          runtime.log.info(`wrote ${rows} rows to ${options.out}`)
        }
      }),
    )
}
