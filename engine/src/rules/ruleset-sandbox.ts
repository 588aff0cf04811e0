// Reads and evaluates rulesets off the event loop, within a time budget. A ruleset is people's
// configuration: a large document, a costly expression or a regular expression that backtracks must
// neither stall the process that serves every tenant's requests nor run forever. The work goes to a
// worker thread; a call that runs past its budget has the thread terminated (the next call starts a fresh
// one) and fails with a TimeBudgetError naming the budget. Errors about the ruleset come back as the
// ConfigError (or ValidationError) they are, with their lines.
import { Worker } from 'node:worker_threads'
import { ConfigError, TimeBudgetError, ValidationError } from '../shared/errors.ts'
import type { RulesetEvaluation } from './evaluate-ruleset.ts'
import type { FactSet } from './fact-catalog.ts'
import type { ResolvedRuleset } from './resolve-ruleset.ts'
import type { ResolvableFile, SandboxRequest } from './ruleset-sandbox-worker.ts'
import type { RulesetContent } from './ruleset-schema.ts'

export type { ResolvableFile } from './ruleset-sandbox-worker.ts'

export interface SandboxOptions {
  /** The hash the content was published under: evaluation refuses content that no longer hashes to it. */
  expectedHash?: string
  /** The whole call's budget (default 60 s). */
  budgetMs?: number
  /** Fact sets per message to the thread (default 250); progress is reported after each. */
  batchSize?: number
  onProgress?: (done: number, total: number) => void
}

type Reply =
  | { id: number; evaluations: RulesetEvaluation[] }
  | { id: number; read: { resolved: ResolvedRuleset; used: string[] } }
  | { id: number; error: { message: string; code?: string; details?: unknown } }

interface Thread {
  worker: Worker
  /** Calls waiting for this thread's replies (a terminated thread fails only its own). */
  pending: Map<number, (reply: Reply | Error) => void>
}

let current: Thread | undefined
let nextId = 1

function thread(): Thread {
  if (current) return current
  const worker = new Worker(new URL('./ruleset-sandbox-worker.ts', import.meta.url))
  worker.unref()
  const started: Thread = { worker, pending: new Map() }
  worker.on('message', (reply: Reply) => {
    started.pending.get(reply.id)?.(reply)
    started.pending.delete(reply.id)
    // An idle thread does not keep the process alive; a busy one does (its caller is waiting).
    if (started.pending.size === 0) worker.unref()
  })
  const fail = (error: Error) => {
    if (current === started) current = undefined
    for (const settle of started.pending.values()) settle(error)
    started.pending.clear()
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`the ruleset sandbox stopped (exit code ${code})`)))
  current = started
  return started
}

function rebuildError(error: { message: string; code?: string; details?: unknown }): Error {
  if (error.code === 'invalid_config') return new ConfigError(error.message, error.details)
  if (error.code === 'validation_failed') return new ValidationError(error.message, error.details)
  return new Error(error.message)
}

/** Sends one request, failing with TimeBudgetError (and ending the thread) when `deadline` passes. */
async function call(
  request: SandboxRequest,
  deadline: number,
  what: string,
  budgetMs: number,
): Promise<Reply> {
  const target = thread()
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        // The thread is stuck in the work: only ending it stops it. The next call starts another.
        if (current === target) current = undefined
        void target.worker.terminate()
        reject(
          new TimeBudgetError(
            `${what} ran past its time budget of ${Math.round(budgetMs / 1000)} s; it is too costly`,
            {
              budget_ms: budgetMs,
            },
          ),
        )
      },
      Math.max(0, deadline - performance.now()),
    )
  })
  const answered = new Promise<Reply>((resolve, reject) => {
    target.worker.ref()
    target.pending.set(request.id, (reply) => (reply instanceof Error ? reject(reply) : resolve(reply)))
    target.worker.postMessage(request)
  })
  try {
    const reply = await Promise.race([answered, expired])
    if ('error' in reply) throw rebuildError(reply.error)
    return reply
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Evaluates `content` (a resolved ruleset) on every fact set, in order. Throws TimeBudgetError when the
 * budget runs out.
 */
export async function evaluateInSandbox(
  content: RulesetContent,
  factSets: readonly FactSet[],
  options: SandboxOptions = {},
): Promise<RulesetEvaluation[]> {
  const budgetMs = options.budgetMs ?? 60_000
  const batchSize = options.batchSize ?? 250
  const deadline = performance.now() + budgetMs
  const results: RulesetEvaluation[] = []
  for (let start = 0; start < factSets.length; start += batchSize) {
    const factBatch = factSets.slice(start, start + batchSize)
    const reply = await call(
      { id: nextId++, kind: 'evaluate', content, expectedHash: options.expectedHash, factSets: factBatch },
      deadline,
      `evaluating ruleset ${content.ruleset}`,
      budgetMs,
    )
    if (!('evaluations' in reply)) throw new Error('the ruleset sandbox answered something else')
    results.push(...reply.evaluations)
    options.onProgress?.(results.length, factSets.length)
  }
  return results
}

export interface SandboxReadInput {
  text: string
  /** The name when the text does not declare one. */
  fallbackName: string
  /** Shown in errors; `<name>.yaml` unless given. */
  fileName?: string | undefined
  /** What `extends` may name, by ruleset name. */
  files: Record<string, ResolvableFile>
  budgetMs?: number
}

/**
 * Parses, resolves (`extends` through `files`) and compiles ruleset YAML in the sandbox: ConfigError naming
 * the line when it is invalid. Returns the resolved ruleset and the names of the files it extended.
 */
export async function readRulesetInSandbox(
  input: SandboxReadInput,
): Promise<{ resolved: ResolvedRuleset; used: string[] }> {
  const budgetMs = input.budgetMs ?? 10_000
  const reply = await call(
    {
      id: nextId++,
      kind: 'read',
      text: input.text,
      fallbackName: input.fallbackName,
      fileName: input.fileName,
      files: input.files,
    },
    performance.now() + budgetMs,
    'reading the ruleset',
    budgetMs,
  )
  if (!('read' in reply)) throw new Error('the ruleset sandbox answered something else')
  return reply.read
}
