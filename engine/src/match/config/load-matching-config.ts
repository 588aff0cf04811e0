// Reads a tenant's matching.yaml (validated; errors name the line).
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Tenant } from '../../config/load-tenant-config.ts'
import { parseYamlWithSchema } from '../../config/parse-yaml.ts'
import { NotFoundError } from '../../shared/errors.ts'
import { type MatchingConfig, matchingConfigSchema } from './matching-config.ts'

export async function loadMatchingConfig(tenant: Tenant): Promise<MatchingConfig> {
  const file = path.join(tenant.dir, 'matching.yaml')
  const text = await readFile(file, 'utf8').catch(() => {
    throw new NotFoundError(`tenant "${tenant.config.tenant_id}" has no matching configuration (${file})`)
  })
  return parseYamlWithSchema(text, matchingConfigSchema, file)
}
