// PostgreSQL aborts one of two transactions that wait for each other (deadlock_detected, 40P01) or that
// cannot be serialised (serialization_failure, 40001). Neither is the caller's fault nor a lasting
// state: the aborted work is done again, a few times, after a short random pause.

const RETRYABLE = new Set(['40P01', '40001'])

/** Whether PostgreSQL aborted the work only because concurrent work got in its way. */
export function isRetryableConflict(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' && RETRYABLE.has(code)
}

/** Runs `work`, again (up to `attempts` in all) when PostgreSQL aborted it for a deadlock or serialisation. */
export async function retryOnConflict<T>(
  work: () => Promise<T>,
  options: { attempts?: number; random?: () => number } = {},
): Promise<T> {
  const attempts = options.attempts ?? 4
  const random = options.random ?? Math.random
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, (10 + random() * 40) * attempt))
    }
  }
}
