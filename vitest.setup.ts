// Starts one throwaway PostgreSQL for the test run and builds the migrated template database.
import { startTestServer } from '@revops/db/testing'
import type { TestProject } from 'vitest/node'

export default async function setup(project: TestProject) {
  const testServer = await startTestServer()
  project.provide('pgServerUrl', testServer.server.url)
  project.provide('pgTemplate', testServer.templateName)
  return () => testServer.dispose()
}
