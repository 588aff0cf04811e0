// `revops eval`: score the tenant's matches against the demo ground truth.
import { withDatabase } from '@revops/db'
import { loadMatchingConfig } from '@revops/engine/match'
import { readGroundTruth } from '@revops/lab/demo'
import { evaluateTenant } from '@revops/lab/evaluation'
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { printTable } from '../reports.ts'

const percent = (x: number) => `${(x * 100).toFixed(2)} %`

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description(
      'evaluate the matches against the demo ground truth (precision, recall, F1, curve, calibration, blocking recall)',
    )
    .option('--truth-database <name>', 'database holding the ground truth', 'revops_demo_truth')
    .option('--format <format>', 'text or json', 'text')
    .action((options: { truthDatabase: string; format: string }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        const tenant = await runtime.loadTenant()
        const rows = await readGroundTruth(withDatabase(runtime.database.serverUrl, options.truthDatabase))
        const truth = new Map(
          rows.map((row) => [row.aceId, row.odooLeadId === null ? null : String(row.odooLeadId)]),
        )
        const result = await evaluateTenant(
          runtime.sql,
          tenant.config.tenant_id,
          await loadMatchingConfig(tenant),
          truth,
        )
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify(result)}\n`)
          return
        }
        process.stdout.write(
          `${result.leftRecords} ACE opportunities, ${result.withCounterpart} with an Odoo counterpart\n\n`,
        )
        printTable(
          ['operating point', 'precision', 'recall', 'F1', 'TP', 'FP', 'FN'],
          [
            [
              'review or better (≥ review)',
              percent(result.atReview.precision),
              percent(result.atReview.recall),
              percent(result.atReview.f1),
              result.atReview.truePositives,
              result.atReview.falsePositives,
              result.atReview.falseNegatives,
            ],
            [
              'auto_link',
              percent(result.atAutoLink.precision),
              percent(result.atAutoLink.recall),
              percent(result.atAutoLink.f1),
              result.atAutoLink.truePositives,
              result.atAutoLink.falsePositives,
              result.atAutoLink.falseNegatives,
            ],
          ],
        )
        process.stdout.write('\nprecision/recall over the threshold\n')
        printTable(
          ['threshold', 'precision', 'recall', 'F1'],
          result.curve.map((p) => [
            p.threshold.toFixed(2),
            percent(p.precision),
            percent(p.recall),
            percent(p.f1),
          ]),
        )
        process.stdout.write(
          `\ncalibration (all stored candidate pairs): ECE ${result.calibration.expectedCalibrationError.toFixed(3)}, Brier ${result.calibration.brier.toFixed(4)}\n`,
        )
        printTable(
          ['predicted', 'pairs', 'mean predicted', 'observed'],
          result.calibration.bins
            .filter((b) => b.pairs > 0)
            .map((b) => [
              `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
              b.pairs,
              b.meanPredicted.toFixed(3),
              b.observed.toFixed(3),
            ]),
        )
        process.stdout.write(
          `\nblocking recall: ${percent(result.blocking.recall)} (${result.blocking.found} of ${result.blocking.total} true pairs proposed)\n`,
        )
        printTable(
          ['blocking rule', 'pairs proposed'],
          Object.entries(result.blocking.perRule).map(([rule, n]) => [rule, n]),
        )
      }),
    )
}
