// PostgreSQL: Aurora PostgreSQL 17 Serverless v2 (pgvector 0.8 included; the migrations enable it) in the
// private subnets, with RDS Proxy in front for the Lambda functions (production; see stage.ts). What the product's processes get:
// - Lambda functions: SST links (encrypted into the function): the endpoint (the proxy's where there is
//   one; SST's `host` is the proxy then), and the one login
//   each needs (the API: revops_app; the operations function: the owner and both roles' passwords).
// - Containers: whole URLs as Secrets Manager secrets that ECS injects at start (a task definition holds
//   their ARNs only), pointing at the cluster's writer directly (long-lived sessions with LISTEN and
//   advisory locks gain nothing from a proxy and would pin it).
import type { Loose, Platform } from './platform.ts'
import type { Secrets } from './secrets.ts'
import type { StageSettings } from './stage.ts'

export const API_ROLE = 'revops_app'
export const WORKER_ROLE = 'revops_worker'

export function createDatabase(p: Platform, settings: StageSettings, vpc: Loose, secrets: Secrets) {
  const database = new p.sst.aws.Aurora('Database', {
    engine: 'postgres',
    version: settings.database.version,
    vpc,
    scaling: { min: `${settings.database.minAcu} ACU`, max: `${settings.database.maxAcu} ACU` },
    // The runtime roles log in through the proxy with their own passwords (the migration gives the roles
    // the same secrets).
    proxy: settings.database.proxy
      ? {
          credentials: [
            { username: API_ROLE, password: secrets.ApiDatabasePassword.value },
            { username: WORKER_ROLE, password: secrets.WorkerDatabasePassword.value },
          ],
        }
      : false,
    transform: {
      cluster: (args: Loose) => {
        args.storageEncrypted = true
        args.deletionProtection = settings.production
        args.backupRetentionPeriod = settings.production ? 14 : 1
        args.skipFinalSnapshot = !settings.production
      },
    },
  })

  const endpoint = new p.sst.Linkable('DatabaseEndpoint', {
    properties: { host: database.host, port: database.port, database: database.database, tls: true },
  })
  const logins = {
    owner: new p.sst.Linkable('DatabaseOwnerLogin', {
      properties: { username: database.username, password: database.password },
    }),
    api: new p.sst.Linkable('DatabaseApiLogin', {
      properties: { username: API_ROLE, password: secrets.ApiDatabasePassword.value },
    }),
    worker: new p.sst.Linkable('DatabaseWorkerLogin', {
      properties: { username: WORKER_ROLE, password: secrets.WorkerDatabasePassword.value },
    }),
  }

  const writer = database.nodes.cluster
  const url = (username: unknown, password: unknown) =>
    p
      .all([username, password, writer.endpoint, writer.port, database.database])
      .apply(
        ([user, secret, host, port, name]) =>
          `postgres://${encodeURIComponent(user)}:${encodeURIComponent(secret)}@${host}:${port}/${encodeURIComponent(name)}?sslmode=require`,
      )
  const containerSecrets = {
    ownerUrl: storedSecret(p, settings, 'OwnerDatabaseUrl', url(database.username, database.password)),
    workerUrl: storedSecret(
      p,
      settings,
      'WorkerDatabaseUrl',
      url(WORKER_ROLE, secrets.WorkerDatabasePassword.value),
    ),
    odooUrl: storedSecret(p, settings, 'OdooSourceUrl', secrets.OdooDatabaseUrl.value),
    apnUrl: storedSecret(p, settings, 'ApnSourceUrl', secrets.ApnDatabaseUrl.value),
  }
  return { database, endpoint, logins, containerSecrets }
}

/** A Secrets Manager secret holding `value`, for ECS to inject into a container. */
function storedSecret(p: Platform, settings: StageSettings, name: string, value: unknown) {
  const secret = new p.aws.secretsmanager.Secret(name, {
    description: `RevOps POD ${p.app.stage}: ${name}`,
    recoveryWindowInDays: settings.production ? 7 : 0,
  })
  new p.aws.secretsmanager.SecretVersion(`${name}Value`, { secretId: secret.id, secretString: value })
  return secret
}
