// `revops worker`: run the job worker until Ctrl-C (finishing the batch in flight).
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { startJobWorker } from '../services.ts'

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run the job worker (sync, normalize and pipeline jobs) until stopped')
    .option('--concurrency <n>', 'jobs run at once (default: WORKER_CONCURRENCY or 2)')
    .action((options: { concurrency?: string }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        const concurrency = options.concurrency ? Number(options.concurrency) : runtime.env.WORKER_CONCURRENCY
        const worker = await startJobWorker(runtime, concurrency)
        runtime.log.info(`job worker running (concurrency ${concurrency}); Ctrl-C to stop`)
        await worker.done
      }),
    )
}
