// The worker thread of ruleset-sandbox.ts: compiles a ruleset's content (cached by its hash) and
// evaluates fact sets with it, off the main thread's event loop.
import { parentPort } from 'node:worker_threads'
import { type CompiledRuleset, compileRuleset } from './compile-ruleset.ts'
import { evaluateRuleset } from './evaluate-ruleset.ts'
import type { FactSet } from './fact-catalog.ts'
import { rulesetFromContent } from './resolve-ruleset.ts'

export interface SandboxRequest {
  id: number
  content: unknown
  factSets: FactSet[]
}

const compiled = new Map<string, CompiledRuleset>()

function compiledOf(content: unknown): CompiledRuleset {
  const resolved = rulesetFromContent(content)
  let ruleset = compiled.get(resolved.contentHash)
  if (!ruleset) {
    ruleset = compileRuleset(resolved)
    if (compiled.size >= 16) compiled.delete(compiled.keys().next().value as string)
    compiled.set(resolved.contentHash, ruleset)
  }
  return ruleset
}

parentPort?.on('message', (request: SandboxRequest) => {
  try {
    const ruleset = compiledOf(request.content)
    const evaluations = request.factSets.map((facts) => evaluateRuleset(ruleset, facts))
    parentPort?.postMessage({ id: request.id, evaluations })
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message })
  }
})
