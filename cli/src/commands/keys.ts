// `revops keys create|list|revoke`: a tenant's API keys. Only a hash is stored; the key is shown once.
import { createApiKey, listApiKeys, revokeApiKey } from '@revops/engine/tenancy'
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { printTable } from '../reports.ts'

function tenantOf(command: Command): string | undefined {
  return command.optsWithGlobals().tenant
}

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description("the tenant's API keys (stored hashed)")

  keys
    .command('create')
    .description('create an API key and print it once (it cannot be shown again)')
    .requiredOption('--name <name>', 'who or what uses it; reviews and publications are recorded under it')
    .action((options: { name: string }, command: Command) =>
      withRuntime({ tenant: tenantOf(command) }, async (runtime) => {
        const { key, record } = await createApiKey(runtime.sql, runtime.tenantId, options.name)
        process.stderr.write(`created key ${record.prefix}… (${record.name}) for tenant ${record.tenantId}\n`)
        process.stdout.write(`${key}\n`)
      }),
    )

  keys
    .command('list')
    .description("the tenant's keys: prefix, name, created, last used, revoked")
    .action((_options: unknown, command: Command) =>
      withRuntime({ tenant: tenantOf(command) }, async (runtime) => {
        const records = await listApiKeys(runtime.sql, runtime.tenantId)
        printTable(
          ['prefix', 'name', 'created', 'last used', 'revoked'],
          records.map((r) => [r.prefix, r.name, r.createdAt, r.lastUsedAt ?? '-', r.revokedAt ?? '-']),
        )
      }),
    )

  keys
    .command('revoke')
    .description('revoke a key by its id or prefix; requests with it are refused from then on')
    .argument('<key>', 'the key id or its prefix (as `keys list` shows)')
    .action((key: string, _options: unknown, command: Command) =>
      withRuntime({ tenant: tenantOf(command) }, async (runtime) => {
        const record = await revokeApiKey(runtime.sql, runtime.tenantId, key)
        process.stdout.write(`revoked ${record.prefix}… (${record.name})\n`)
      }),
    )
}
