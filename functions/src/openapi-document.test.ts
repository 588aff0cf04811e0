import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { renderOpenApiDocument } from './openapi-document.ts'

describe('openapi/openapi.json', () => {
  it('matches the routes (run `npm run openapi` after changing the API)', async () => {
    const committed = await readFile(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')
    expect(committed).toBe(renderOpenApiDocument())
  })
})
