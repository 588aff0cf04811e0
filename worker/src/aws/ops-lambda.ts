// AWS Lambda entry point of the operations function (infra/operations.ts): ops-handler.ts over this
// process's environment, made once per container. Bundled (infra/build-lambdas.ts), the migrations lie
// beside this module.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createOpsHandler } from './ops-handler.ts'

const bundledMigrations = fileURLToPath(new URL('./migrations/', import.meta.url))
const ops = createOpsHandler({
  ...(existsSync(bundledMigrations) ? { MIGRATIONS_DIR: bundledMigrations } : {}),
  ...process.env,
})

export const handler = (event: unknown) => ops.handler(event)
