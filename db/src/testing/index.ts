export * from './pglite-server.ts'
export * from './restartable-server.ts'
export * from './test-database.ts'
export * from './test-server.ts'
