// hnswlib-node (a native addon) loaded when an in-process graph is first built, not when a module that
// can build one is imported: a deployment that searches with pgvector (the API on AWS Lambda) ships
// without the addon and never loads it.
import { createRequire } from 'node:module'

type Hnswlib = typeof import('hnswlib-node')
let loaded: Hnswlib | undefined

export function hnswlib(): Hnswlib {
  loaded ??= createRequire(import.meta.url)('hnswlib-node') as Hnswlib
  return loaded
}
