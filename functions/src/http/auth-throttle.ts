// Slows down guessing: a client whose sign-ins failed too often within a window is refused (429) until
// the window has passed, before its key is even looked up. Bounded: old entries are dropped.

export interface AuthThrottleOptions {
  /** Failed attempts allowed per client within the window. */
  maxFailures?: number
  windowMs?: number
  /** Clients tracked at once (the oldest are forgotten beyond it). */
  maxClients?: number
  now?: () => number
}

export interface AuthThrottle {
  /** Milliseconds until the client may try again, or 0 when it may now. */
  retryAfterMs(client: string): number
  recordFailure(client: string): void
  recordSuccess(client: string): void
}

export function createAuthThrottle(options: AuthThrottleOptions = {}): AuthThrottle {
  const maxFailures = options.maxFailures ?? 20
  const windowMs = options.windowMs ?? 60_000
  const maxClients = options.maxClients ?? 10_000
  const now = options.now ?? Date.now
  // Insertion order = order of each client's first failure in its window.
  const failures = new Map<string, { since: number; count: number }>()
  const current = (client: string) => {
    const entry = failures.get(client)
    if (entry && now() - entry.since >= windowMs) {
      failures.delete(client)
      return undefined
    }
    return entry
  }
  return {
    retryAfterMs(client) {
      const entry = current(client)
      return entry && entry.count >= maxFailures ? entry.since + windowMs - now() : 0
    },
    recordFailure(client) {
      const entry = current(client)
      if (entry) {
        entry.count += 1
        return
      }
      while (failures.size >= maxClients) failures.delete(failures.keys().next().value as string)
      failures.set(client, { since: now(), count: 1 })
    },
    recordSuccess(client) {
      failures.delete(client)
    },
  }
}
