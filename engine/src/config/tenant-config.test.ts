import { describe, expect, it } from 'vitest'
import { ConfigError } from '../shared/errors.ts'
import { aceSourceOf } from './ace-source.ts'
import { loadTenantFromText } from './testing/tenant-from-text.ts'

const tenant = (sources: string, extra = '') =>
  loadTenantFromText(`tenant_id: acme\ndisplay_name: Acme\nsources:\n${sources}\n${extra}`, {
    PARTNER_CENTRAL_ENDPOINT: undefined,
    PC_ROLE: 'arn:aws:iam::123456789012:role/revops-read',
  })
const api = (more = '') => `  ace:\n    kind: partnercentral\n    catalog: Sandbox\n${more}`
const apn = `  apn:\n    url_env: APN_URL\n    default_database: apn\n    tables: [opportunity]\n`

describe('tenant configuration: the Selling API source and write-back', () => {
  it('defaults a budget under AWS quotas, resolves the role from the environment, and writes nothing by default', () => {
    const t = tenant(api('    role_arn_env: PC_ROLE\n'))
    expect(t.sources[0]).toMatchObject({
      kind: 'partnercentral',
      region: 'us-east-1',
      roleArn: 'arn:aws:iam::123456789012:role/revops-read',
      endpoint: null,
      origin: 'aws',
      budget: { reads_per_second: 8, reads_per_day: 90_000, writes_per_second: 1, writes_per_day: 9_000 },
    })
    expect(t.config.write_back).toEqual({
      enabled: false,
      mode: 'dry_run',
      include_auto_links: false,
      require_approval: true,
    })
  })

  it('takes ACE from the Selling API source when there is one, otherwise from `apn`', () => {
    expect(aceSourceOf(tenant(apn + api()).config)).toEqual({ name: 'ace', kind: 'partnercentral' })
    expect(aceSourceOf(tenant(apn).config)).toEqual({ name: 'apn', kind: 'postgres' })
  })

  it.each([
    ['an unknown catalog', api().replace('Sandbox', 'Prod'), /catalog/],
    ['another region', api('    region: eu-west-1\n'), /region/],
    ['a budget above AWS quotas', api('    budget: { reads_per_second: 20 }\n'), /reads_per_second/],
    ['a misspelt option', api('    catalogue: AWS\n'), /catalogue/],
    ['two Selling API sources', `${api()}${api().replace('  ace:', '  ace2:')}`, /one partnercentral source/],
  ])('refuses %s, naming it', (_, sources, message) => {
    expect(() => tenant(sources)).toThrow(ConfigError)
    expect(() => tenant(sources)).toThrow(message)
  })

  it('refuses write-back without a Selling API source to write to', () => {
    expect(() => tenant(apn, 'write_back: { enabled: true }')).toThrow(
      /write-back needs a source of kind partnercentral/,
    )
  })
})
