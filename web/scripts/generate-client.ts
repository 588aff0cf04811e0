// Writes web/src/lib/api-types.ts from openapi/openapi.json: `npm run web:client` (also part of `npm run openapi`).
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { API_TYPES_FILE, renderApiTypes } from './render-api-types.ts'

await writeFile(API_TYPES_FILE, await renderApiTypes())
console.log(`wrote ${fileURLToPath(API_TYPES_FILE)}`)
