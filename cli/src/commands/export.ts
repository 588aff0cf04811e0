// `revops export matches|decisions --format csv --out FILE`: one row per ACE opportunity.

import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { DECISION_EXPORT_COLUMNS, exportDecisionRows } from '@revops/engine/decisions'
import { exportMatchRows, loadMatchingConfig, MATCH_EXPORT_COLUMNS } from '@revops/engine/match'
import { csvField } from '@revops/engine/shared'
import { type Command, Option } from 'commander'
import { withRuntime } from '../command-runner.ts'
import type { Runtime } from '../runtime.ts'

/** Writes a header and rows as CSV to a file (or standard output for `-`). */
async function writeCsv(
  runtime: Runtime,
  file: string,
  header: readonly string[],
  rows: AsyncIterable<readonly string[]>,
): Promise<void> {
  const out = file === '-' ? process.stdout : createWriteStream(file)
  const write = async (fields: readonly string[]) => {
    if (!out.write(`${fields.map((field) => csvField(field)).join(',')}\n`)) await once(out, 'drain')
  }
  await write(header)
  let count = 0
  for await (const row of rows) {
    await write(row)
    count++
  }
  if (out !== process.stdout) {
    out.end()
    await once(out, 'finish')
    runtime.log.info(`wrote ${count} rows to ${file}`)
  }
}

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
        const config = await loadMatchingConfig(tenant)
        await writeCsv(
          runtime,
          options.out,
          MATCH_EXPORT_COLUMNS,
          exportMatchRows(runtime.sql, tenant.config.tenant_id, config),
        )
      }),
    )
  exporter
    .command('decisions')
    .description(`one row per ACE opportunity: ${DECISION_EXPORT_COLUMNS.join(',')}`)
    .addOption(new Option('--format <format>', 'file format').choices(['csv']).default('csv'))
    .requiredOption('--out <file>', 'where to write (- for standard output)')
    .action((options: { out: string }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        await writeCsv(
          runtime,
          options.out,
          DECISION_EXPORT_COLUMNS,
          exportDecisionRows(runtime.sql, runtime.tenantId),
        )
      }),
    )
}
