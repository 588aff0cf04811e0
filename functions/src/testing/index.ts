// The API under test: the real app over a test database, with a key.

export { type EventSource, type LambdaRequest, lambdaEvent } from './lambda-events.ts'
export type { TestApp } from './test-app.ts'
export { createTestApp, minimalTenant, useTestApp } from './test-app.ts'
