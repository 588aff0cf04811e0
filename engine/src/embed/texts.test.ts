import { describe, expect, it } from 'vitest'
import {
  buildContextText,
  buildIdentityText,
  CONTEXT_INSTRUCTION,
  IDENTITY_INSTRUCTION,
  MAX_CONTEXT_CHARS,
  textHash,
} from './texts.ts'

describe('buildIdentityText', () => {
  it('puts the instruction first, then name, domains and aliases', () => {
    expect(
      buildIdentityText({
        companyName: '  Acme\n Corp ',
        domains: ['acme.com', null, 'ACME.com', 'acme.de'],
        aliases: ['Acme GmbH', 'acme corp', undefined],
      }),
    ).toBe(`${IDENTITY_INSTRUCTION} Acme Corp | acme.com, acme.de | also known as: Acme GmbH`)
  })

  it('uses what there is and gives null when there is nothing', () => {
    expect(buildIdentityText({ companyName: null, domains: ['globex.io'] })).toBe(
      `${IDENTITY_INSTRUCTION} globex.io`,
    )
    expect(buildIdentityText({ companyName: ' ', domains: [null], aliases: [] })).toBeNull()
  })
})

describe('buildContextText', () => {
  it('orders title, industry, products, description', () => {
    expect(
      buildContextText({
        title: 'Data lake migration',
        description: 'Move the  warehouse\nto S3.',
        products: ['Amazon S3', 'AWS Glue', 'amazon s3'],
        industry: 'Retail',
      }),
    ).toBe(
      `${CONTEXT_INSTRUCTION} Data lake migration | industry: Retail | products: Amazon S3, AWS Glue | Move the warehouse to S3.`,
    )
    expect(buildContextText({ title: null, description: undefined, products: [null] })).toBeNull()
  })

  it('bounds the length without cutting a word', () => {
    const text = buildContextText({ title: 'Big deal', description: 'lorem ipsum '.repeat(1000) })!
    expect(text.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS)
    expect(text.length).toBeGreaterThan(MAX_CONTEXT_CHARS * 0.9)
    expect(text.endsWith('lorem') || text.endsWith('ipsum')).toBe(true)
  })
})

describe('textHash', () => {
  it('is a stable hex digest that changes with the text', () => {
    expect(textHash('acme')).toMatch(/^[0-9a-f]{40}$/)
    expect(textHash('acme')).toBe(textHash('acme'))
    expect(textHash('acme')).not.toBe(textHash('acme '))
  })
})
