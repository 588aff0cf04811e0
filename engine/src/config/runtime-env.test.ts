import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseEnv, runtimeEnvSchema } from './runtime-env.ts'

describe('runtime environment', () => {
  it('gives the shared variables their defaults and keeps the raw environment', () => {
    const env = parseEnv(runtimeEnvSchema, { ODOO_DATABASE_URL: 'postgres://h/odoo' })
    expect(env).toMatchObject({ DEFAULT_TENANT: 'demo', TENANTS_DIR: 'tenants', LOG_LEVEL: 'info' })
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.raw.ODOO_DATABASE_URL).toBe('postgres://h/odoo')
  })

  it('treats an empty variable as unset', () => {
    expect(parseEnv(runtimeEnvSchema, { LOG_LEVEL: '', DEFAULT_TENANT: '' })).toMatchObject({
      LOG_LEVEL: 'info',
      DEFAULT_TENANT: 'demo',
    })
  })

  it('is extended by each deployable, and names every variable at fault', () => {
    const schema = runtimeEnvSchema.extend({ DATABASE_URL: z.string().url(), PORT: z.coerce.number().int() })
    expect(parseEnv(schema, { DATABASE_URL: 'postgres://h/db', PORT: '8080' })).toMatchObject({ PORT: 8080 })
    const parse = () => parseEnv(schema, { LOG_LEVEL: 'loud', PORT: 'eighty' })
    expect(parse).toThrow(/invalid environment/)
    expect(parse).toThrow(/DATABASE_URL/)
    expect(parse).toThrow(/LOG_LEVEL/)
    expect(parse).toThrow(/PORT/)
  })
})
