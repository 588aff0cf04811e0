// Faults a test (or a demo) arms on the fake: counted, so "the next N requests" fail and the ones after
// succeed, which is how a client's retries are exercised against a known number of failures.

/** The faults a caller can arm; each call adds to what is already armed. */
export interface FaultInjector {
  /** The next `count` requests (of that operation, or of any) answer 429 ThrottlingException. */
  throttle(count: number, operation?: string): void
  /** The next `count` UpdateOpportunity calls answer ConflictException, even with a current date. */
  conflict(count: number): void
  /** The next `count` answers (of that operation, or of any) are 200 with a body that is not JSON. */
  malform(count: number, operation?: string): void
}

const ANY = '*'

export class FakeFaults implements FaultInjector {
  readonly #throttles = new Map<string, number>()
  readonly #malforms = new Map<string, number>()
  #conflicts = 0

  throttle(count: number, operation?: string): void {
    arm(this.#throttles, count, operation)
  }

  conflict(count: number): void {
    this.#conflicts += checkedCount(count)
  }

  malform(count: number, operation?: string): void {
    arm(this.#malforms, count, operation)
  }

  /** Whether this request is throttled; uses up one armed throttle when it is. */
  takeThrottle(operation: string): boolean {
    return take(this.#throttles, operation)
  }

  takeMalform(operation: string): boolean {
    return take(this.#malforms, operation)
  }

  takeConflict(): boolean {
    if (this.#conflicts === 0) return false
    this.#conflicts -= 1
    return true
  }
}

function arm(armed: Map<string, number>, count: number, operation: string | undefined): void {
  const key = operation ?? ANY
  armed.set(key, (armed.get(key) ?? 0) + checkedCount(count))
}

// A fault armed for this operation is used before one armed for any.
function take(armed: Map<string, number>, operation: string): boolean {
  for (const key of [operation, ANY]) {
    const left = armed.get(key) ?? 0
    if (left > 0) {
      armed.set(key, left - 1)
      return true
    }
  }
  return false
}

function checkedCount(count: number): number {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`A fault count must be a whole number ≥ 0`)
  return count
}
