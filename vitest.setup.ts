// Starts one throwaway PostgreSQL for the test run and builds the migrated template database
// (product migrations plus graphile-worker's schema) that every test file clones.
import { startTestServer } from '@revops/db/testing'
import { installJobQueue } from '@revops/worker/install-job-queue'
import type { TestProject } from 'vitest/node'

export default async function setup(project: TestProject) {
  const testServer = await startTestServer({ prepareTemplate: installJobQueue })
  project.provide('pgServerUrl', testServer.server.url)
  project.provide('pgTemplate', testServer.templateName)
  return () => testServer.dispose()
}
