// graphile-worker keeps its queue in its own schema and installs it through its API. The job worker runs
// as `revops_worker`, which is not the queue's owner: it gets the rights to take, complete and fail jobs,
// and policies on the queue's tables (graphile-worker enables row-level security on them with none).
import { connect, quoteIdent } from '@revops/db'
import { runMigrations } from 'graphile-worker'
import { silentGraphileLogger } from './graphile-logger.ts'

const WORKER_ROLE = 'revops_worker'

export async function installJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: silentGraphileLogger })
  const sql = connect(databaseUrl, { max: 1, applicationName: 'revops-migrate' })
  try {
    await sql.begin(async (tx) => {
      // Processes starting together (API and worker containers) would race on the policies.
      await tx`select pg_advisory_xact_lock(hashtext('revops.job-queue-access'))`
      await tx.unsafe(`
        grant usage on schema graphile_worker to ${WORKER_ROLE};
        grant select, insert, update, delete on all tables in schema graphile_worker to ${WORKER_ROLE};
        grant usage, select on all sequences in schema graphile_worker to ${WORKER_ROLE};
        grant execute on all functions in schema graphile_worker to ${WORKER_ROLE};`)
      const tables = await tx<{ name: string }[]>`
        select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'graphile_worker' and c.relkind = 'r' and c.relrowsecurity`
      for (const { name } of tables) {
        const table = `graphile_worker.${quoteIdent(name)}`
        await tx.unsafe(`drop policy if exists revops_worker_queue on ${table}`)
        await tx.unsafe(
          `create policy revops_worker_queue on ${table} to ${WORKER_ROLE} using (true) with check (true)`,
        )
      }
    })
  } finally {
    await sql.end({ timeout: 5 })
  }
}
