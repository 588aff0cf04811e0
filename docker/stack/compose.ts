// Drives `docker compose` for the stack test: one project, the environment the stack needs, and the
// commands the test runs against the containers (exec, psql, kill). Every call is bounded in time.
import { execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface Stack {
  project: string
  env: NodeJS.ProcessEnv
  /** `docker compose …` in the project; resolves with stdout, rejects with stderr in the message. */
  compose(args: string[], options?: { timeoutMs?: number; input?: string }): Promise<string>
  /** A command in a running service's container (no TTY). */
  exec(service: string, command: string[], options?: { timeoutMs?: number }): Promise<string>
  /** One statement through psql in the database container, as the owner; rows as `|`-separated lines. */
  psql(statement: string): Promise<string[]>
  /** Container ids of a service's running containers. */
  containers(service: string): Promise<string[]>
  /** `docker …` (not compose). */
  docker(args: string[], options?: { timeoutMs?: number }): Promise<string>
  /** The address of a service's (first) container on the project's network. */
  address(service: string): Promise<string>
}

export function createStack(options: { project: string; root: string; env: NodeJS.ProcessEnv }): Stack {
  const env = { ...process.env, ...options.env }
  const docker = async (args: string[], call: { timeoutMs?: number; input?: string } = {}) => {
    if (call.input !== undefined) return withInput(args, call.input, env, options.root, call.timeoutMs)
    try {
      const { stdout } = await run('docker', args, {
        cwd: options.root,
        env,
        timeout: call.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      })
      return stdout
    } catch (error) {
      const failure = error as { stderr?: string; stdout?: string; message: string }
      throw new Error(
        `docker ${args.join(' ')} failed: ${failure.stderr || failure.stdout || failure.message}`,
      )
    }
  }
  const compose = (args: string[], call?: { timeoutMs?: number; input?: string }) =>
    docker(['compose', '-p', options.project, ...args], call)
  return {
    project: options.project,
    env,
    compose,
    docker,
    exec: (service, command, call) => compose(['exec', '-T', service, ...command], call),
    psql: async (statement) => {
      const out = await compose([
        'exec',
        '-T',
        'db',
        'psql',
        '-U',
        'revops',
        '-d',
        'revops',
        '-v',
        'ON_ERROR_STOP=1',
        '-tAc',
        statement,
      ])
      return out.split('\n').filter((line) => line.length > 0)
    },
    containers: async (service) =>
      (await compose(['ps', '-q', service])).split('\n').filter((line) => line.length > 0),
    address: async (service) => {
      const [container] = (await compose(['ps', '-q', service])).split('\n').filter(Boolean)
      if (!container) throw new Error(`no running container of ${service}`)
      const [address] = (
        await docker([
          'inspect',
          '-f',
          '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}',
          container,
        ])
      )
        .trim()
        .split(' ')
      if (!address || !/^\d+\.\d+\.\d+\.\d+$/.test(address))
        throw new Error(`no address for the ${service} container: "${address}"`)
      return address
    },
  }
}

function withInput(
  args: string[],
  input: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs = 120_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(stdout)
      else reject(new Error(`docker ${args.join(' ')} failed (${code}): ${stderr || stdout}`))
    })
    child.stdin.end(input)
  })
}

/** Polls `read` until `accept` holds or the time is up (then throws with the last value). */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 60_000,
  intervalMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T | undefined
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      last = await read()
      if (accept(last)) return last
    } catch (error) {
      lastError = error
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  const seen = last === undefined ? String(lastError) : JSON.stringify(last).slice(0, 500)
  throw new Error(`${what}: not within ${timeoutMs / 1000} s (last: ${seen})`)
}
