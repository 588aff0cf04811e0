// `revops bench em`: the engine on a public entity-matching dataset (DeepMatcher layout), configured
// from the data alone; labels are only used to score. The last line of --format json is one JSON
// object with precision, recall and f1 (fractions).
import { evaluateDeepMatcher, loadDeepMatcherDataset } from '@revops/lab/deepmatcher'
import { type Command, Option } from 'commander'
import { printTable } from '../reports.ts'

export function registerBenchCommands(program: Command): void {
  const bench = program.command('bench').description('benchmarks of the matching engine')
  bench
    .command('em')
    .description(
      'match a DeepMatcher-layout dataset (tableA.csv, tableB.csv, train/valid/test.csv) without labels and score a split',
    )
    .requiredOption('--dir <folder>', 'dataset folder')
    .addOption(
      new Option('--split <split>', 'which split to score')
        .choices(['train', 'valid', 'test'])
        .default('test'),
    )
    .addOption(new Option('--format <format>', 'output').choices(['text', 'json']).default('text'))
    .action(async (options: { dir: string; split: 'train' | 'valid' | 'test'; format: string }) => {
      try {
        const started = performance.now()
        const dataset = await loadDeepMatcherDataset(options.dir)
        const run = evaluateDeepMatcher(dataset, options.split)
        const seconds = (performance.now() - started) / 1000
        const { precision, recall, f1 } = run.metrics
        if (options.format === 'json') {
          process.stdout.write(
            `${JSON.stringify({ dataset: run.dataset, split: run.split, pairs: run.pairs, seconds, comparisons: run.comparisons })}\n`,
          )
          process.stdout.write(`${JSON.stringify({ precision, recall, f1 })}\n`)
          return
        }
        process.stdout.write(
          `${run.dataset} (${run.split}, ${run.pairs} pairs), comparisons: ${run.comparisons.join(', ')}\n`,
        )
        printTable(
          ['precision', 'recall', 'F1', 'TP', 'FP', 'FN', 'seconds'],
          [
            [
              precision.toFixed(4),
              recall.toFixed(4),
              f1.toFixed(4),
              run.metrics.truePositives,
              run.metrics.falsePositives,
              run.metrics.falseNegatives,
              seconds.toFixed(1),
            ],
          ],
        )
      } catch (error) {
        process.stderr.write(`error: ${(error as Error).message}\n`)
        process.exitCode = 1
      }
    })
}
