// Which base images the stack builds from: NODE_IMAGE / PGVECTOR_IMAGE when given; else the public images
// when they are here or can be pulled; else images made from Debian packages (docker/make-local-bases.sh),
// for machines that reach no container registry.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const PUBLIC_IMAGES = { node: 'node:24-bookworm-slim', pgvector: 'pgvector/pgvector:pg17' }

async function available(image: string): Promise<boolean> {
  try {
    await run('docker', ['image', 'inspect', image])
    return true
  } catch {}
  try {
    await run('docker', ['pull', '-q', image], { timeout: 120_000 })
    return true
  } catch {
    return false
  }
}

export async function resolveBaseImages(
  root: string,
  log: (line: string) => void,
): Promise<{ NODE_IMAGE: string; PGVECTOR_IMAGE: string }> {
  const given = { node: process.env.NODE_IMAGE, pgvector: process.env.PGVECTOR_IMAGE }
  if (given.node && given.pgvector) return { NODE_IMAGE: given.node, PGVECTOR_IMAGE: given.pgvector }
  if ((await available(PUBLIC_IMAGES.node)) && (await available(PUBLIC_IMAGES.pgvector)))
    return { NODE_IMAGE: PUBLIC_IMAGES.node, PGVECTOR_IMAGE: PUBLIC_IMAGES.pgvector }
  log('no container registry: making the base images from Debian packages (docker/make-local-bases.sh)')
  const { stdout } = await run(path.join(root, 'docker', 'make-local-bases.sh'), [], {
    cwd: root,
    timeout: 20 * 60_000,
    maxBuffer: 16 * 1024 * 1024,
  })
  const values = Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=', 2) as [string, string]),
  )
  if (!values.NODE_IMAGE || !values.PGVECTOR_IMAGE) throw new Error(`make-local-bases.sh said:\n${stdout}`)
  return { NODE_IMAGE: values.NODE_IMAGE, PGVECTOR_IMAGE: values.PGVECTOR_IMAGE }
}
