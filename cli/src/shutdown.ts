// Ctrl-C handling: the first signal stops taking new work and lets what is in flight finish (the
// returned AbortSignal fires and cleanup hooks run in reverse order); a second signal exits at once.

export interface Shutdown {
  signal: AbortSignal
  /** Registers cleanup to run on shutdown (last registered runs first). */
  onShutdown(hook: () => Promise<void> | void): void
  /** Runs the hooks (also used at the normal end of a command). */
  run(): Promise<void>
}

export function installShutdown(log: (message: string) => void): Shutdown {
  const controller = new AbortController()
  const hooks: (() => Promise<void> | void)[] = []
  let running: Promise<void> | undefined
  const run = () => {
    running ??= (async () => {
      controller.abort()
      for (const hook of hooks.reverse()) {
        try {
          await hook()
        } catch (error) {
          log(`shutdown step failed: ${String(error)}`)
        }
      }
    })()
    return running
  }
  let signals = 0
  const onSignal = (name: string) => {
    signals += 1
    if (signals > 1) {
      log(`${name} again: exiting now`)
      process.exit(130)
    }
    log(`${name}: finishing work in flight, then stopping (press Ctrl-C again to force)`)
    void run().then(() => process.exit(130))
  }
  process.on('SIGINT', () => onSignal('SIGINT'))
  process.on('SIGTERM', () => onSignal('SIGTERM'))
  return { signal: controller.signal, onShutdown: (hook) => hooks.push(hook), run }
}
