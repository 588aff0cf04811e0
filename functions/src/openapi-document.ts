// Builds the OpenAPI 3.1 document from the routes (the source of truth for openapi/openapi.json).
import { createApp, OPENAPI_INFO } from './app.ts'
import type { ApiDeps } from './app-context.ts'

/** The document is the same whatever the dependencies, so placeholders suffice. */
export function buildOpenApiDocument(): unknown {
  const app = createApp({} as ApiDeps)
  return app.getOpenAPI31Document(OPENAPI_INFO)
}

export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`
}
