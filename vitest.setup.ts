// Starts one throwaway PostgreSQL for the test run and builds the migrated template database
// (product migrations plus graphile-worker's schema) that every test file clones, and lets the runtime
// roles (revops_app, revops_worker) log in, as `revops start` does.
import { connect, ensureRuntimeLogins } from '@revops/db'
import { startTestServer } from '@revops/db/testing'
import { installJobQueue } from '@revops/worker'
import type { TestProject } from 'vitest/node'

export default async function setup(project: TestProject) {
  const testServer = await startTestServer({ prepareTemplate: installJobQueue })
  // The runtime roles are the server's: their logins hold for every test database.
  const admin = connect(testServer.server.url, { max: 1 })
  await ensureRuntimeLogins(admin, testServer.server.url).finally(() => admin.end())
  project.provide('pgServerUrl', testServer.server.url)
  project.provide('pgTemplate', testServer.templateName)
  return () => testServer.dispose()
}
