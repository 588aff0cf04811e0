// Renders the TypeScript types of the API contract (openapi/openapi.json) with openapi-typescript; the
// client (api-client.ts) is typed by them. `npm run web:client` writes them, a test keeps them current.
import { readFile } from 'node:fs/promises'
import openapiTS, { astToString } from 'openapi-typescript'

export const OPENAPI_FILE = new URL('../../openapi/openapi.json', import.meta.url)
export const API_TYPES_FILE = new URL('../src/lib/api-types.ts', import.meta.url)

const HEADER = '// Generated from openapi/openapi.json by `npm run web:client`; do not edit.\n\n'

export async function renderApiTypes(): Promise<string> {
  const document = JSON.parse(await readFile(OPENAPI_FILE, 'utf8'))
  const ast = await openapiTS(document, { alphabetize: false, exportType: false })
  return HEADER + astToString(ast) + enumerationValues(document)
}

/**
 * The contract's named enumerations (components that are an enum: Outcome, AceStage, …) also as arrays,
 * in the contract's order, for the UI to list (filters, chart series) without writing them again.
 */
function enumerationValues(document: {
  components?: { schemas?: Record<string, { enum?: unknown[] }> }
}): string {
  const lines = Object.entries(document.components?.schemas ?? {})
    .filter(([, schema]) => Array.isArray(schema.enum))
    .map(([name, schema]) => {
      const constant = `${name.charAt(0).toLowerCase()}${name.slice(1)}Values`
      return `export const ${constant}: readonly components['schemas']['${name}'][] = ${JSON.stringify(schema.enum)}`
    })
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : ''
}
