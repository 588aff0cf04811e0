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
  worker.on('exit', (code) => fail(new Error(`the ruleset evaluator stopped (exit code ${code})`)))
  current = started
  return started
}

function send(target: Thread, request: SandboxRequest): Promise<RulesetEvaluation[]> {
  return new Promise((resolve, reject) => {
    target.worker.ref()
    target.pending.set(request.id, (reply) => {
      if (reply instanceof Error) reject(reply)
      else if ('error' in reply) reject(new Error(reply.error))
      else resolve(reply.evaluations)
    })
    target.worker.postMessage(request)
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
    const target = thread()
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => {
          // The thread is stuck in an expression: only ending it stops it. The next call starts another.
          if (current === target) current = undefined
          void target.worker.terminate()
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
      results.push(
        ...(await Promise.race([send(target, { id: nextId++, content, factSets: batch }), expired])),
      )
    } finally {
      clearTimeout(timer)
    }
    options.onProgress?.(results.length, factSets.length)
  }
  return results
}
