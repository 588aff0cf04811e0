// One piece of work at a time, in arrival order. Each caller gets its own work's result or error; a
// failure never stops the queue, so the work after it still runs.
export interface SerialQueue {
  run<T>(work: () => Promise<T>): Promise<T>
  /** Settles when everything queued so far has finished (successfully or not). */
  idle(): Promise<void>
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<void> = Promise.resolve()
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const result = tail.then(work)
      // The queue waits for the work, not for its success: the error is the caller's, via `result`.
      tail = result.then(
        () => undefined,
        () => undefined,
      )
      return result
    },
    idle: () => tail,
  }
}
