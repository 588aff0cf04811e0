// The `k6` module for scripts run by the local runner: check, sleep, group, fail.
import { vuChannel } from '../vu-channel.ts'

export function check<T>(value: T, checks: Record<string, (value: T) => boolean>): boolean {
  let all = true
  for (const [name, test] of Object.entries(checks)) {
    let passed = false
    try {
      passed = Boolean(test(value))
    } catch {}
    vuChannel().post({ type: 'check', name, passed })
    all &&= passed
  }
  return all
}

/** Blocks this virtual user for `seconds` (its thread only). */
export function sleep(seconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, seconds * 1000))
}

export function group<T>(_name: string, body: () => T): T {
  return body()
}

export function fail(message = 'failed'): never {
  throw new Error(message)
}

export default { check, sleep, group, fail }
