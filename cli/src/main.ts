// `revops`: the command-line tool. Each command lives in commands/; this file only assembles them.
import { Command } from 'commander'
import { registerBenchCommands } from './commands/bench-em.ts'
import { registerDbCommands } from './commands/db.ts'
import { registerDemoCommands } from './commands/demo.ts'
import { registerEmbedCommand } from './commands/embed.ts'
import { registerEmbedWorkerCommand } from './commands/embed-worker.ts'
import { registerEvalCommand } from './commands/eval.ts'
import { registerExportCommands } from './commands/export.ts'
import { registerJobsCommands } from './commands/jobs.ts'
import { registerKeysCommands } from './commands/keys.ts'
import { registerMatchCommand } from './commands/match.ts'
import { registerNormalizeCommand } from './commands/normalize.ts'
import { registerPipelineCommands } from './commands/pipeline.ts'
import { registerRulesCommands } from './commands/rules.ts'
import { registerServeCommand } from './commands/serve.ts'
import { registerStartCommand } from './commands/start.ts'
import { registerSyncCommand } from './commands/sync.ts'
import { registerWorkerCommand } from './commands/worker.ts'
import { PRODUCT_VERSION } from './version.ts'

const program = new Command()
  .name('revops')
  .description(
    'RevOps POD: match ACE opportunities to Odoo, decide POD eligibility, compare AWS cost with invoices',
  )
  .version(PRODUCT_VERSION)
  .option('--tenant <id>', 'tenant to work on (default: DEFAULT_TENANT or demo)')
  .showHelpAfterError()
  .configureHelp({ sortSubcommands: false })

registerDbCommands(program)
registerDemoCommands(program)
registerSyncCommand(program)
registerNormalizeCommand(program)
registerEmbedCommand(program)
registerMatchCommand(program)
registerEvalCommand(program)
registerRulesCommands(program)
registerExportCommands(program)
registerPipelineCommands(program)
registerWorkerCommand(program)
registerEmbedWorkerCommand(program)
registerServeCommand(program)
registerKeysCommands(program)
registerJobsCommands(program)
registerBenchCommands(program)
registerStartCommand(program)

await program.parseAsync(process.argv)
