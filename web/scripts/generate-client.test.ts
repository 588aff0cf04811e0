import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { API_TYPES_FILE, renderApiTypes } from './render-api-types.ts'

describe('web/src/lib/api-types.ts', () => {
  it('matches openapi/openapi.json (run `npm run openapi` or `npm run web:client` after changing the API)', async () => {
    expect(await readFile(API_TYPES_FILE, 'utf8')).toBe(await renderApiTypes())
  })
})
