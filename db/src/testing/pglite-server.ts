// PGlite (PostgreSQL in WASM) with pgvector and the contrib extensions the migrations use, served over
// the PostgreSQL wire protocol so the product's own postgres.js code runs against it unchanged. One
// session at a time: use `max: 1` clients. This is how the pgvector path is tested on machines whose
// PostgreSQL has no pgvector.
import { PGlite } from '@electric-sql/pglite'
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { vector } from '@electric-sql/pglite-pgvector'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export interface PgliteServer {
  url: string
  close(): Promise<void>
}

export async function startPgliteServer(): Promise<PgliteServer> {
  const db = await PGlite.create({ extensions: { vector, pg_trgm, unaccent, fuzzystrmatch } })
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' })
  await server.start()
  const port = (server as unknown as { port: number }).port
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    close: async () => {
      await server.stop()
      await db.close()
    },
  }
}
