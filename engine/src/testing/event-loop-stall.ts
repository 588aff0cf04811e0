// Measures how long the event loop was held while some work ran: a 10 ms timer notes every late tick.
// Tests use it to show that work on people's input (rulesets) never blocks everyone else's requests.

/** Runs `work` and returns its result (or the error it threw) with the longest stall seen, in ms. */
export async function longestStall<T>(
  work: () => Promise<T>,
): Promise<{ result: T | Error; stallMs: number }> {
  let stallMs = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    stallMs = Math.max(stallMs, now - last - 10)
    last = now
  }, 10)
  try {
    const result = await work().catch((error: Error) => error)
    return { result, stallMs }
  } finally {
    clearInterval(timer)
  }
}
