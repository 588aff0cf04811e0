// `revops rules test|simulate|publish|versions` and `revops decide`: the tenant's rulesets, their golden
// tests, what a change would do before it is published, and deciding every ACE opportunity now.
import { readFile } from 'node:fs/promises'
import { userInfo } from 'node:os'
import path from 'node:path'
import {
  DEFAULT_RULESET,
  decideStage,
  listRulesetVersions,
  publishRulesetFile,
  rulesDirOf,
  type SimulationReport,
  simulateRuleset,
} from '@revops/engine/decisions'
import { formatGoldenResults, OUTCOMES, runGoldenTests } from '@revops/engine/rules'
import { AppError, coerceError, todayIso } from '@revops/engine/shared'
import type { Command } from 'commander'
import { isoDate, positiveInt, withRuntime } from '../command-runner.ts'
import { readEnv } from '../env.ts'
import { printTable } from '../reports.ts'
import { runStageHere } from '../run-stage.ts'

function tenantOf(command: Command): string | undefined {
  return command.optsWithGlobals().tenant
}

function printSimulation(report: SimulationReport): void {
  const current =
    report.current.version === null ? 'the unpublished tenant file' : `version ${report.current.version}`
  process.stdout.write(
    `as of ${report.as_of}: ${report.evaluated} ACE opportunities, ${report.current.ruleset} ${current} ` +
      `vs candidate ${report.candidate.ruleset} (${report.candidate.content_hash.slice(0, 19)})\n`,
  )
  const { diff } = report
  if (diff.identical) process.stdout.write('the candidate is identical to the current ruleset\n')
  for (const [label, items] of [
    ['rules added', diff.rules_added],
    ['rules removed', diff.rules_removed],
    ['rules changed', diff.rules_changed.map((r) => `${r.id} (${r.changes.map((c) => c.field).join(', ')})`)],
    [
      'parameters changed',
      diff.parameters_changed.map(
        (p) => `${p.name}: ${JSON.stringify(p.before)} → ${JSON.stringify(p.after)}`,
      ),
    ],
    ['parameters added', diff.parameters_added.map((p) => `${p.name}: ${JSON.stringify(p.value)}`)],
  ] as const) {
    if (items.length > 0) process.stdout.write(`${label}: ${items.join('; ')}\n`)
  }
  process.stdout.write('\n')
  printTable(
    ['outcome', 'current', 'candidate', 'change'],
    OUTCOMES.map((outcome) => {
      const change = report.counts.candidate[outcome] - report.counts.current[outcome]
      return [
        outcome,
        report.counts.current[outcome],
        report.counts.candidate[outcome],
        change > 0 ? `+${change}` : String(change),
      ]
    }),
  )
  process.stdout.write(
    `\n${report.changes.length} outcomes change; ${report.rules_changed_only} more change rule results only\n`,
  )
  if (report.changes.length > 0) {
    process.stdout.write('\n')
    printTable(
      ['ace opportunity', 'current', 'candidate', 'rules changed'],
      report.changes.map((change) => [
        change.ace_id,
        change.before,
        change.after,
        change.rules
          .map((rule) => `${rule.rule_id}: ${rule.before ?? '-'} → ${rule.after ?? '-'}`)
          .join('; '),
      ]),
    )
  }
}

export function registerRulesCommands(program: Command): void {
  const rules = program.command('rules').description('POD rulesets: golden tests, simulation, publishing')

  rules
    .command('test')
    .description("run the golden test cases of the tenant's rules folder (exit code 1 when one fails)")
    .option('--dir <dir>', "rules folder (default: the tenant's)")
    .action(async (options: { dir?: string }, command: Command) => {
      try {
        const env = readEnv()
        const dir = options.dir ?? path.join(env.tenantsDir, tenantOf(command) ?? env.DEFAULT_TENANT, 'rules')
        const results = await runGoldenTests(dir)
        process.stdout.write(`${formatGoldenResults(results, dir)}\n`)
        if (results.length === 0 || results.some((result) => !result.passed)) process.exitCode = 1
      } catch (thrown) {
        const error = coerceError(thrown)
        process.stderr.write(`error: ${error instanceof AppError ? `${error.code}: ` : ''}${error.message}\n`)
        process.exitCode = 1
      }
    })

  rules
    .command('simulate')
    .description("how a candidate ruleset would change today's decisions (writes nothing)")
    .requiredOption('--ruleset <file>', 'the candidate ruleset file (YAML)')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default: today)', isoDate)
    .option('--json', 'print the report as JSON', false)
    .action((options: { ruleset: string; asOf?: string; json: boolean }, command: Command) =>
      withRuntime({ tenant: tenantOf(command) }, async (runtime) => {
        const report = await simulateRuleset(runtime.sql, {
          tenant: await runtime.loadTenant(),
          text: await readFile(options.ruleset, 'utf8'),
          fileName: options.ruleset,
          asOf: options.asOf ?? todayIso(),
        })
        if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
        else printSimulation(report)
      }),
    )

  rules
    .command('publish')
    .description('validate, compile and publish a ruleset as a new immutable version')
    .option('--ruleset <name>', 'ruleset in the tenant rules folder', DEFAULT_RULESET)
    .option('--file <file>', 'publish this file instead of <rules folder>/<name>.yaml')
    .option('--author <name>', 'who publishes (default: the OS user)')
    .action((options: { ruleset: string; file?: string; author?: string }, command: Command) =>
      withRuntime({ tenant: tenantOf(command) }, async (runtime) => {
        const tenant = await runtime.loadTenant()
        const { version, created } = await publishRulesetFile(runtime.sql, {
          tenantId: tenant.config.tenant_id,
          rulesDir: rulesDirOf(tenant),
          ruleset: options.ruleset,
          file: options.file,
          author: options.author ?? userInfo().username,
        })
        process.stdout.write(
          created
            ? `published ${version.ruleset} version ${version.version} (${version.content_hash}) by ${version.author}\n`
            : `${version.ruleset} is unchanged: version ${version.version} (${version.content_hash}) is the latest\n`,
        )
      }),
    )

  rules
    .command('versions')
    .description('list published ruleset versions, newest first')
    .option('--ruleset <name>', 'only this ruleset')
    .action((options: { ruleset?: string }, command: Command) =>
      withRuntime({ tenant: tenantOf(command) }, async (runtime) => {
        const versions = await listRulesetVersions(runtime.sql, runtime.tenantId, options.ruleset)
        if (versions.length === 0) process.stdout.write('no ruleset is published yet\n')
        else
          printTable(
            ['ruleset', 'version', 'published', 'author', 'content hash', 'rules'],
            versions.map((v) => [
              v.ruleset,
              v.version,
              v.published_at,
              v.author,
              v.content_hash.slice(0, 19),
              v.rules.length,
            ]),
          )
      }),
    )

  program
    .command('decide')
    .description('decide POD eligibility of every ACE opportunity now (appends decisions that changed)')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default: today)', isoDate)
    .option('--ruleset <name>', 'ruleset', DEFAULT_RULESET)
    // Not `--version`: the root command's `--version` (the product version) would take it.
    .option(
      '--ruleset-version <n>',
      'a published version, to reproduce its decisions (default: the latest)',
      positiveInt('--ruleset-version'),
    )
    .action((options: { asOf?: string; ruleset: string; rulesetVersion?: number }, command: Command) =>
      withRuntime({ tenant: tenantOf(command) }, async (runtime) => {
        const report = await runStageHere(
          runtime,
          decideStage,
          { ruleset: options.ruleset, version: options.rulesetVersion, actor: userInfo().username },
          { asOf: options.asOf },
        )
        if ('skipped' in report) return void process.stdout.write(`nothing to decide: ${report.skipped}\n`)
        process.stdout.write(
          `${report.ruleset} version ${report.version} as of ${report.as_of}: ${report.evaluated} evaluated, ` +
            `${report.appended} new decisions, ${report.unchanged} unchanged (${report.duration_ms} ms)\n`,
        )
        printTable(
          ['outcome', 'opportunities'],
          OUTCOMES.map((outcome) => [outcome, report.outcomes[outcome]]),
        )
      }),
    )
}
