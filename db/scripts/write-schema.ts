// `npm run db:schema`: migrates a throwaway embedded database and writes db/schema.txt.
import { writeFile } from 'node:fs/promises'
import { connect } from '../src/connect.ts'
import { describeSchema } from '../src/schema-snapshot.ts'
import { startTestServer } from '../src/testing/test-server.ts'

const server = await startTestServer()
const url = new URL(server.server.url)
url.pathname = `/${server.templateName}`
const sql = connect(url.toString(), { max: 1 })
try {
  const target = new URL('../schema.txt', import.meta.url)
  await writeFile(target, await describeSchema(sql))
  console.log(`wrote ${target.pathname}`)
} finally {
  await sql.end()
  await server.dispose()
}
