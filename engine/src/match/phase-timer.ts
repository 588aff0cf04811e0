// Milliseconds per phase of a run: `lap(name)` records the time since the previous lap (or the start),
// `restart()` skips time that belongs to no phase.
export function createPhaseTimer() {
  const timings: Record<string, number> = {}
  let clock = performance.now()
  return {
    timings,
    lap(phase: string) {
      const now = performance.now()
      timings[phase] = Math.round(now - clock)
      clock = now
    },
    restart() {
      clock = performance.now()
    },
  }
}
