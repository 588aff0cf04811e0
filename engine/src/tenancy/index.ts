// Foundation — tenancy: API keys and the database clients bound to a key or a job.
export { createApiKey, ensureLocalApiKey, findApiKey, listApiKeys, revokeApiKey } from './api-keys.ts'
export { connectForJob, createApiDatabase, jobDatabaseUrl } from './tenant-sql.ts'
