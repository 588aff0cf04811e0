// The only place that reads process.env: parsed and validated once at start-up, then passed down.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ParsedEnv, parseEnv, runtimeEnvSchema } from '@revops/engine/config'
import { z } from 'zod'

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

// The shared variables (DATABASE_URL, DEFAULT_TENANT, TENANTS_DIR, LOG_LEVEL) and the CLI's own.
const envSchema = runtimeEnvSchema.extend({
  /** The API's login (role revops_app); derived from DATABASE_URL when unset. */
  API_DATABASE_URL: z.string().url().optional(),
  /** The job worker's login (role revops_worker); derived from DATABASE_URL when unset. */
  WORKER_DATABASE_URL: z.string().url().optional(),
  /** `derive` (default): logins not given are derived from DATABASE_URL and made to work at start.
   *  `given`: the operator manages the roles' logins (a deployment's secrets); none is changed here, and a
   *  role whose URL is not given cannot be used by this process. */
  RUNTIME_LOGINS: z.enum(['derive', 'given']).default('derive'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATA_DIR: z.string().default('.data'),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** bge-m3 exported to ONNX (model.onnx + tokenizer.json); unset: .data/models/bge-m3 when present, else the lexical fallback. */
  MODEL_DIR: z.string().optional(),
  EMBED_BATCH_SIZE: z.coerce.number().int().min(1).max(1024).default(32),
})

export type Env = ParsedEnv<z.infer<typeof envSchema>> & {
  /** Absolute paths resolved against the project root. */
  dataDir: string
  tenantsDir: string
}

/** Loads an ignored `.env` (if present) and parses the environment. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const dotenv = path.join(PROJECT_ROOT, '.env')
  if (source === process.env && existsSync(dotenv)) process.loadEnvFile(dotenv)
  const parsed = parseEnv(envSchema, source)
  return {
    ...parsed,
    dataDir: path.resolve(PROJECT_ROOT, parsed.DATA_DIR),
    tenantsDir: path.resolve(PROJECT_ROOT, parsed.TENANTS_DIR),
  }
}
