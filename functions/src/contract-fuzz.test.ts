import { readFileSync } from 'node:fs'
import { useTestDatabase } from '@revops/db/testing'
import { evaluateDecisions } from '@revops/engine/decisions'
import { AS_OF, createDecisionsFixture, type DecisionsFixture } from '@revops/lab/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES } from './http/error-handler.ts'
import { createTestApp, type TestApp } from './testing/test-app.ts'

// Requests generated from the committed contract, for every operation, with hostile values where the
// contract expects plausible ones: NUL, lone surrogates, huge and negative numbers, impossible dates,
// tampered cursors, traversal paths, bad escapes, deep or oversize bodies. Whatever comes in: never a
// 5xx, always the envelope with a documented code, never a stack trace, SQL, host or server path.

type Schema = {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  format?: string
  properties?: Record<string, Schema>
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  example?: unknown
  default?: unknown
  minimum?: number
  maximum?: number
}
interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema: Schema
}
interface Operation {
  method: string
  path: string
  parameters: Parameter[]
  body?: Schema
}

const spec = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'))
const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(spec.components.schemas[schema.$ref.split('/').pop()!]) : schema
const operations: Operation[] = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.entries(methods as Record<string, any>).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    parameters: op.parameters ?? [],
    body: op.requestBody?.content?.['application/json']?.schema,
  })),
)

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '%ZZ',
  '%00',
  '%ED%A0%80',
  '../../other/rules/pod',
  '../../../../etc/passwd',
  '/etc/hosts',
  '..%2F..%2Fetc',
  'x'.repeat(300),
  'x'.repeat(5000),
  '0x10',
  '1e400',
  '-1',
  '0',
  '-0',
  '9'.repeat(40),
  '2147483648',
  'NaN',
  'Infinity',
  '2024-02-30',
  '2024-13-01',
  '0000-01-01',
  '2026-11-01T25:61:00Z',
  '2026-Q5',
  'null',
  '[]',
  '{}',
  "'; drop table ops.jobs; --",
  '<script>alert(1)</script>',
  'Ω≈ç√∫˜µ≤≥÷',
  '😀👍🏽',
  'rk_not_a_real_key_000000000000',
  cursor(['1e400', 'x']),
  cursor([1e308, 'x']),
  cursor(['not-a-date', 'O1']),
  cursor([null, 'a\u0000']),
  cursor(['x', 'y', 'z']),
  cursor({ value: 1 }),
  'bm90LWpzb24',
]
const HOSTILE_NUMBERS = [0, -1, -2147483649, 2147483648, 2 ** 53 + 1, 1e308, -1e308, 0.5, 1e-9]
const ALIAS_BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefgh'
    .split('')
    .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
].join('\n')

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
)

/** Values a client would send for a parameter named so (real cursors and ids, read from the fixture). */
const knownValues = new Map<string, unknown[]>()

/** A value the contract expects for a schema, so the request reaches the code behind validation. */
function plausibleFor(raw: Schema, name = '', depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw)
  const options = schema.anyOf ?? schema.oneOf
  if (options) return fc.oneof(...options.map((option) => plausibleFor(option, name, depth)))
  const candidates: fc.Arbitrary<unknown>[] = []
  const known = knownValues.get(name)
  if (known?.length) candidates.push(fc.constantFrom(...known))
  if (schema.enum) candidates.push(fc.constantFrom(...schema.enum))
  if (schema.example !== undefined) candidates.push(fc.constant(schema.example))
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  if (type === 'integer' || type === 'number')
    candidates.push(fc.integer({ min: schema.minimum ?? 1, max: Math.min(schema.maximum ?? 20, 20) }))
  if (type === 'boolean') candidates.push(fc.boolean())
  if (schema.format === 'date') candidates.push(fc.constantFrom('2026-11-01', '2025-01-31'))
  if (schema.format === 'uuid') candidates.push(fc.uuid())
  if (type === 'array' && schema.items)
    candidates.push(fc.array(plausibleFor(schema.items, name, depth + 1), { minLength: 1, maxLength: 3 }))
  if (type === 'object' && schema.properties && depth < 3) {
    candidates.push(
      fc.record(
        Object.fromEntries(
          Object.entries(schema.properties).map(([key, value]) => [key, plausibleFor(value, key, depth + 1)]),
        ),
        { requiredKeys: [] },
      ),
    )
  }
  if (candidates.length === 0) candidates.push(fc.constantFrom('pod', 'O1', '1', 'demo', 'Amazon'))
  return fc.oneof(...candidates)
}

/** Something no client of the contract should send in place of a value of this schema. */
function hostileFor(raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  const shaped: fc.Arbitrary<unknown>[] = []
  if (type === 'object' && schema.properties && depth < 2) {
    // One field hostile, the others plausible.
    const keys = Object.keys(schema.properties)
    shaped.push(
      fc
        .integer({ min: 0, max: keys.length - 1 })
        .chain((target) =>
          fc.record(
            Object.fromEntries(
              keys.map((key, i) => [
                key,
                i === target
                  ? hostileFor(schema.properties![key]!, depth + 1)
                  : plausibleFor(schema.properties![key]!, key, depth + 1),
              ]),
            ),
            { requiredKeys: [] },
          ),
        ),
    )
  }
  if (type === 'array' && schema.items)
    shaped.push(fc.array(hostileFor(schema.items, depth + 1), { maxLength: 3 }))
  return fc.oneof(
    ...shaped,
    hostileString,
    fc.constantFrom(...HOSTILE_NUMBERS),
    fc.constantFrom(null, true, [], {}, [['nested']]),
  )
}

/** Percent-encodes a value as a client would, or (for text no UTF-8 can carry) byte by byte. */
function encode(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '')
  try {
    return encodeURIComponent(text)
  } catch {
    return [...text].map((char) => `%${(char.charCodeAt(0) & 0xff).toString(16).padStart(2, '0')}`).join('')
  }
}

function bodyFor(operation: Operation, hostile: boolean): fc.Arbitrary<string | undefined> {
  const schema = operation.body
  if (!schema)
    return hostile
      ? fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value))
      : fc.constant(undefined)
  const shaped = (hostile ? hostileFor(schema) : plausibleFor(schema)).map((value) => JSON.stringify(value))
  if (!hostile) return shaped
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{',
        '{"yaml": "\\ud800"}',
        JSON.stringify({ yaml: ALIAS_BOMB }),
        JSON.stringify({ yaml: `ruleset: pod\n${ALIAS_BOMB}` }),
        `${'['.repeat(5000)}${']'.repeat(5000)}`,
        JSON.stringify({ yaml: 'x'.repeat(1_100_000) }),
        JSON.stringify({ ruleset: '../../other/rules/pod' }),
        JSON.stringify({ ace_ids: Array(20_000).fill('O1') }),
        JSON.stringify({ note: 'n'.repeat(3000), reviewer: '\u0000' }),
      ),
    },
  )
}

/**
 * One request: every parameter and the body plausible except one thing (a parameter, the body, the
 * If-Match header or the key), so each hostile value reaches the code behind the others' validation.
 */
function requestFor(operation: Operation) {
  const params = operation.parameters.filter((p) => p.in === 'path' || p.in === 'query')
  const targets = params.length + 3 // each parameter, the body, If-Match, the key
  return fc.integer({ min: 0, max: targets - 1 }).chain((target) =>
    fc.record({
      values: fc.tuple(
        ...params.map((p, i) =>
          i === target
            ? hostileFor(p.schema)
            : p.required
              ? plausibleFor(p.schema, p.name)
              : fc.option(plausibleFor(p.schema, p.name), { nil: undefined, freq: 3 }),
        ),
      ),
      body: bodyFor(operation, target === params.length),
      ifMatch:
        target === params.length + 1
          ? hostileString.map(String)
          : fc.option(fc.constantFrom(...(knownValues.get('etag') ?? ['"1.0"'])).map(String), {
              nil: undefined,
            }),
      key: target === params.length + 2 ? fc.constantFrom('none', 'garbage') : fc.constant('valid'),
    }),
  )
}

const db = useTestDatabase()
let fixture: DecisionsFixture
let app: TestApp
let requests = 0
const statuses = new Map<number, number>()
const LEAKS = [
  /\bat [^\n]*\.(ts|js):\d+/, // a stack frame
  /\b(select|insert|update|delete)\b[^"]{0,200}\b(from|into|set|where)\b/i, // SQL text
  /127\.0\.0\.1|localhost|ECONNREFUSED/,
  /\/(work|tmp|home|root|usr|var)\//, // a server path
]

beforeAll(async () => {
  fixture = await createDecisionsFixture(db, {
    size: { companies: 30, odooOpportunities: 60, aceOpportunities: 50, billingMonths: 3 },
  })
  await evaluateDecisions(db.sql, { tenant: fixture.tenant, asOf: AS_OF })
  app = await createTestApp(db.sql, db.url, fixture.tenant)
  // Real values a client holds: ids, cursors and etags the API returned.
  const decisions = (await app.call('/api/v1/decisions?limit=2&sort=probability')).body.data
  const opportunities = (await app.call('/api/v1/opportunities?limit=2&sort=amount')).body.data
  const audit = (await app.call('/api/v1/audit?limit=2')).body.data
  const matches = (await app.call('/api/v1/matches?limit=5')).body.data
  const [decision] = decisions.items
  knownValues.set('cursor', [decisions.next_cursor, opportunities.next_cursor, audit.next_cursor])
  knownValues.set('id', [decision.decision_id, opportunities.items[0].id, matches[0].id])
  knownValues.set('ace_id', [decision.ace_id])
  knownValues.set('ace_ids', [[decision.ace_id]])
  knownValues.set('after', [matches[0].id])
  knownValues.set('etag', [`"${decision.etag}"`, `"${matches[0].etag}"`])
  knownValues.set('yaml', [
    readFileSync(new URL('../../tenants/demo/rules/pod.yaml', import.meta.url), 'utf8'),
  ])
  knownValues.set('version', [1])
}, 180_000)
afterAll(async () => {
  await app.close()
  await fixture.dispose()
  const counts = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`)
  console.log(
    `contract fuzz: ${requests} requests over ${operations.length} operations (${counts.join(', ')})`,
  )
})

async function check(operation: Operation, generated: any) {
  let path = operation.path
  const params = operation.parameters.filter((p) => p.in === 'path' || p.in === 'query')
  const query: string[] = []
  params.forEach((p, i) => {
    const value = generated.values[i]
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encode(value))
    else if (value !== undefined) query.push(`${p.name}=${encode(value)}`)
  })
  const headers: Record<string, string> = {}
  if (generated.body !== undefined) headers['content-type'] = 'application/json'
  if (generated.ifMatch !== undefined) {
    // Header values must be ISO-8859-1: hostile text that is not is sent escaped, as a client would.
    headers['if-match'] = /^[\x20-\x7e\xa0-\xff]*$/.test(generated.ifMatch)
      ? generated.ifMatch
      : encode(generated.ifMatch)
  }
  const key =
    generated.key === 'valid'
      ? undefined
      : generated.key === 'none'
        ? null
        : 'rk_garbage_000000000000000000000'
  const url = `${path}${query.length ? `?${query.join('&')}` : ''}`
  const response = await app.request(url, {
    method: operation.method,
    headers,
    key,
    ...(generated.body !== undefined && operation.method !== 'GET' ? { body: generated.body } : {}),
  })
  requests++
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
  const text = await response.text()
  const context = `${operation.method} ${url.slice(0, 300)} → ${response.status} ${text.slice(0, 300)}`
  expect(response.status, context).toBeLessThan(500)
  const type = response.headers.get('content-type') ?? ''
  if (response.status >= 400 || type.includes('json')) {
    const body = JSON.parse(text)
    if (response.status >= 400) {
      expect(Object.keys(ERROR_CODES), context).toContain(body.error?.code)
      expect(typeof body.error.message, context).toBe('string')
      expect(typeof body.error.correlation_id, context).toBe('string')
    } else {
      expect(body, context).toHaveProperty('data')
      expect(body, context).toHaveProperty('metadata')
    }
  } else {
    expect(type, context).toMatch(/text\/csv/)
  }
  for (const leak of LEAKS) expect(response.status >= 400 ? text : '', context).not.toMatch(leak)
  expect(text, context).not.toContain(process.cwd())
}

// More runs or another seed: FUZZ_RUNS=500 FUZZ_SEED=7 npx vitest run functions/src/contract-fuzz.test.ts
const RUNS = Number(process.env.FUZZ_RUNS ?? 60)
const SEED = Number(process.env.FUZZ_SEED ?? 20261206)

describe('the contract under hostile input', () => {
  for (const operation of operations) {
    it(`${operation.method} ${operation.path}`, async () => {
      await fc.assert(
        fc.asyncProperty(requestFor(operation), (generated) => check(operation, generated)),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      )
    })
  }
})
