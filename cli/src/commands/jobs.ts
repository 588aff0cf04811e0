// `revops jobs`: the job queue from the command line — queue a stage (or the whole pipeline) for the
// workers, wait for a job, list recent ones. What an operator does from a shell on the server, and what
// the container stack test uses to drive the workers.
import { EMBED_TASK, queueEmbedding } from '@revops/engine/embed'
import { enqueueJob, isJobFinished, type JobStatus, listJobs, waitForJob } from '@revops/engine/ops'
import type { Command } from 'commander'
import { positiveInt, withRuntime } from '../command-runner.ts'
import { printTable } from '../reports.ts'

/** What the job worker runs (worker/src/task-list.ts), and `embed` for the embedding worker. */
export const QUEUEABLE_KINDS = [
  'sync',
  'normalize',
  'rollups',
  'match',
  'decide',
  'write-back',
  'report',
  'notify',
  'pipeline',
  EMBED_TASK,
] as const
const STATUSES: JobStatus[] = ['queued', 'running', 'succeeded', 'failed']

export function registerJobsCommands(program: Command): void {
  const jobs = program.command('jobs').description('the job queue: queue work for the workers, wait, list')

  jobs
    .command('queue <kind>')
    .description(`queue a job for the workers (${QUEUEABLE_KINDS.join(', ')}); prints its id`)
    .option('--payload <json>', 'the job options as JSON, e.g. \'{"mode":"full"}\'', '{}')
    .option('--new', 'always a new job (default: reuse a queued or running one of the same kind and payload)')
    .action((kind: string, options: { payload: string; new?: boolean }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        if (!(QUEUEABLE_KINDS as readonly string[]).includes(kind))
          throw new Error(`unknown job kind "${kind}"; one of ${QUEUEABLE_KINDS.join(', ')}`)
        const payload = parsePayload(options.payload)
        const { job, created } =
          kind === EMBED_TASK
            ? await queueEmbedding(runtime.sql, runtime.tenantId)
            : await enqueueJob(runtime.sql, {
                tenantId: runtime.tenantId,
                kind,
                payload,
                reuseActive: !options.new,
              })
        process.stderr.write(
          `${created ? 'queued' : 'already queued or running'}: ${kind} job ${job.jobId}\n`,
        )
        process.stdout.write(`${job.jobId}\n`)
      }),
    )

  jobs
    .command('wait <id>')
    .description('wait until a job has finished; prints it as JSON, exits 1 when it failed or time ran out')
    .option('--timeout <seconds>', 'give up after this long', positiveInt('--timeout'), 600)
    .action((id: string, options: { timeout: number }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        const job = await waitForJob(runtime.sql, runtime.tenantId, id, { timeoutMs: options.timeout * 1000 })
        process.stdout.write(`${JSON.stringify(job)}\n`)
        if (!isJobFinished(job))
          throw new Error(`job ${id} is still ${job.status} after ${options.timeout} s`)
        if (job.status === 'failed')
          throw new Error(`job ${id} failed: ${job.lastError ?? 'no error recorded'}`)
      }),
    )

  jobs
    .command('list')
    .description('recent jobs, newest first')
    .option('--status <status>', `only jobs in this status (${STATUSES.join(', ')})`)
    .option('--limit <n>', 'how many', positiveInt('--limit'), 20)
    .action((options: { status?: string; limit: number }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        if (options.status && !STATUSES.includes(options.status as JobStatus))
          throw new Error(`unknown status "${options.status}"; one of ${STATUSES.join(', ')}`)
        const list = await listJobs(runtime.sql, runtime.tenantId, {
          statuses: options.status ? [options.status as JobStatus] : undefined,
          limit: options.limit,
        })
        printTable(
          ['id', 'kind', 'status', 'attempts', 'created', 'finished'],
          list.map((j) => [j.jobId, j.kind, j.status, j.attempts, j.createdAt, j.finishedAt ?? '']),
        )
      }),
    )
}

function parsePayload(text: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new Error(`--payload is not JSON: ${text}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('--payload must be a JSON object')
  return value as Record<string, unknown>
}
