// The worker thread of ruleset-sandbox.ts: reads (parses, resolves, compiles) ruleset YAML from people,
// and evaluates fact sets with a ruleset's content (compiled once per content hash), off the main
// thread's event loop.
import { parentPort } from 'node:worker_threads'
import { type CompiledRuleset, compileRuleset } from './compile-ruleset.ts'
import { declaredRulesetName } from './declared-ruleset-name.ts'
import { evaluateRuleset } from './evaluate-ruleset.ts'
import type { FactSet } from './fact-catalog.ts'
import { parseRulesetText, rulesetFromContent } from './resolve-ruleset.ts'

/** A ruleset file `extends` may name: its text and the name errors show. */
export interface ResolvableFile {
  text: string
  fileName: string
}

export type SandboxRequest =
  | { id: number; kind: 'evaluate'; content: unknown; expectedHash: string | undefined; factSets: FactSet[] }
  | {
      id: number
      kind: 'read'
      text: string
      /** The name when the text does not declare one. */
      fallbackName: string
      fileName: string | undefined
      files: Record<string, ResolvableFile>
    }

const compiled = new Map<string, CompiledRuleset>()

function compiledOf(content: unknown, expectedHash: string | undefined): CompiledRuleset {
  const resolved = rulesetFromContent(content)
  if (expectedHash !== undefined && resolved.contentHash !== expectedHash)
    throw new Error(`ruleset ${resolved.name} does not hash to ${expectedHash} (got ${resolved.contentHash})`)
  let ruleset = compiled.get(resolved.contentHash)
  if (!ruleset) {
    ruleset = compileRuleset(resolved)
    if (compiled.size >= 16) compiled.delete(compiled.keys().next().value as string)
    compiled.set(resolved.contentHash, ruleset)
  }
  return ruleset
}

async function handle(request: SandboxRequest): Promise<unknown> {
  if (request.kind === 'evaluate') {
    const ruleset = compiledOf(request.content, request.expectedHash)
    return { evaluations: request.factSets.map((facts) => evaluateRuleset(ruleset, facts)) }
  }
  const name = declaredRulesetName(request.text, request.fallbackName)
  const used: string[] = []
  const resolved = await parseRulesetText(request.text, {
    name,
    fileName: request.fileName ?? `${name}.yaml`,
    resolveFile: (parent) => {
      const file = request.files[parent]
      if (file) used.push(parent)
      return file
    },
  })
  // Compiling is the check (types, facts, cost); the caller needs the resolved ruleset only.
  compileRuleset(resolved)
  return { read: { resolved, used } }
}

parentPort?.on('message', (request: SandboxRequest) => {
  handle(request).then(
    (result) => parentPort?.postMessage({ id: request.id, ...(result as object) }),
    (error: Error & { code?: unknown; details?: unknown }) =>
      parentPort?.postMessage({
        id: request.id,
        error: {
          message: error.message,
          code: typeof error.code === 'string' ? error.code : undefined,
          details: error.details,
        },
      }),
  )
})
