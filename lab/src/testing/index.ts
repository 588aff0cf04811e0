// Fixtures that put the demo world through the pipeline for tests.

export type { DecisionsFixture } from './decisions-fixture.ts'
export { AS_OF, createDecisionsFixture } from './decisions-fixture.ts'
export type { DemoFixture } from './demo-fixture.ts'
export { createDemoFixture, TENANTS_DIR } from './demo-fixture.ts'
