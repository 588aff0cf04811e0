// Evaluates rulesets off the event loop, within a time budget. A ruleset is people's configuration: a
// costly expression (or a regular expression that backtracks) must neither stall the process that serves
// every tenant's requests nor run forever. Fact sets go to a worker thread in batches; a call that runs
// past its budget has the thread terminated (the next call starts a fresh one) and fails with a
// TimeBudgetError naming the budget.
import { Worker } from 'node:worker_threads'
import { TimeBudgetError } from '../errors.ts'
import type { RulesetEvaluation } from './evaluate-ruleset.ts'
import type { FactSet } from './fact-catalog.ts'
import type { SandboxRequest } from './ruleset-sandbox-worker.ts'
import type { RulesetContent } from './ruleset-schema.ts'

export interface SandboxOptions {
  /** The whole call's budget (default 60 s). */
  budgetMs?: number
  /** Fact sets per message to the thread (default 250); progress is reported after each. */
  batchSize?: number
  onProgress?: (done: number, total: number) => void
}

type Reply = { id: number; evaluations: RulesetEvaluation[] } | { id: number; error: string }

let worker: Worker | undefined
let nextId = 1
const pending = new Map<number, (reply: Reply | Error) => void>()

function thread(): Worker {
  if (worker) return worker
  const started = new Worker(new URL('./ruleset-sandbox-worker.ts', import.meta.url))
  started.unref()
  started.on('message', (reply: Reply) => {
    pending.get(reply.id)?.(reply)
    pending.delete(reply.id)
  })
  const fail = (error: Error) => {
    if (worker === started) worker = undefined
    for (const [id, settle] of pending) {
      settle(error)
      pending.delete(id)
    }
  }
  started.on('error', fail)
  started.on('exit', (code) => fail(new Error(`the ruleset evaluator stopped (exit code ${code})`)))
  worker = started
  return started
}

function send(request: SandboxRequest): Promise<RulesetEvaluation[]> {
  return new Promise((resolve, reject) => {
    pending.set(request.id, (reply) => {
      if (reply instanceof Error) reject(reply)
      else if ('error' in reply) reject(new Error(reply.error))
      else resolve(reply.evaluations)
    })
    thread().postMessage(request)
  })
}

/**
 * Evaluates `content` (a resolved ruleset, already compiled once by the caller) on every fact set, in
 * order. Throws TimeBudgetError when the budget runs out.
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
    const batch = factSets.slice(start, start + batchSize)
    const remaining = deadline - performance.now()
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => {
          const stuck = worker
          worker = undefined
          void stuck?.terminate()
          reject(
            new TimeBudgetError(
              `evaluating ruleset ${content.ruleset} ran past its time budget of ${Math.round(budgetMs / 1000)} s; its conditions are too costly`,
              { ruleset: content.ruleset, budget_ms: budgetMs },
            ),
          )
        },
        Math.max(0, remaining),
      )
    })
    try {
      results.push(...(await Promise.race([send({ id: nextId++, content, factSets: batch }), expired])))
    } finally {
      clearTimeout(timer)
    }
    options.onProgress?.(results.length, factSets.length)
  }
  return results
}
