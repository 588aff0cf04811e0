// `revops db migrate`: bring the product database schema (and graphile-worker's) up to date.
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('manage the product database')
  db.command('migrate')
    .description('apply pending migrations (product schema and job queue); safe to run any time')
    .action(() =>
      withRuntime({ migrations: 'apply' }, async (runtime) => {
        runtime.log.info('database schema is current')
      }),
    )
}
