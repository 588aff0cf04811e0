// `revops serve`: run the HTTP API (and, once built, the web UI) until Ctrl-C.
import type { Command } from 'commander'
import { withRuntime } from '../command-runner.ts'
import { announceLocalKey } from '../local-key.ts'
import { startHttpServer } from '../services.ts'

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the REST API and the web UI on PORT (default 3000)')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .action((options: { port?: string }, command: Command) =>
      withRuntime({ tenant: command.optsWithGlobals().tenant }, async (runtime) => {
        const server = await startHttpServer(runtime, options.port ? Number(options.port) : runtime.env.PORT)
        await announceLocalKey(runtime, server.url)
        await server.closed
      }),
    )
}
