// Writes openapi/openapi.json from the routes: `npm run openapi`.
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { renderOpenApiDocument } from '../src/openapi-document.ts'

const target = fileURLToPath(new URL('../../openapi/openapi.json', import.meta.url))
await writeFile(target, renderOpenApiDocument())
console.log(`wrote ${target}`)
