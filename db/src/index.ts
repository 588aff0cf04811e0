export * from './connect.ts'
export * from './embedded-postgres.ts'
export * from './migrate.ts'
export * from './product-database.ts'
