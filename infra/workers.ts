// The containers, all from the project's Dockerfile (the image `docker compose` runs), its entrypoint
// `revops` and the role as the command: the job workers as an ECS service on Fargate, and the embedding
// worker (BGE-M3 on ONNX Runtime) on Fargate CPU in dev or on a GPU instance in production
// (gpu-embedder.ts). Every task runs in the private subnets without a public address, gets its database
// and source URLs from Secrets Manager at start (the task definition holds ARNs only), and uses the
// runtime roles' logins as given (RUNTIME_LOGINS=given: no container ever changes a role).
import type { createDatabase } from './database.ts'
import { createGpuEmbedder } from './gpu-embedder.ts'
import { EMBED_WORKER_SHELL, MODEL_DIR, PROJECT_IMAGE } from './images.ts'
import type { Loose, Platform } from './platform.ts'
import type { StageSettings } from './stage.ts'

type ContainerSecrets = ReturnType<typeof createDatabase>['containerSecrets']

export function createWorkers(
  p: Platform,
  settings: StageSettings,
  deps: { vpc: Loose; secrets: ContainerSecrets },
) {
  const { vpc, secrets } = deps
  const cluster = new p.sst.aws.Cluster('Cluster', { vpc })
  // SST places services in public subnets with a public address (no NAT needed); ours stay private.
  const privateTasks = (args: Loose) => {
    args.networkConfiguration = {
      ...args.networkConfiguration,
      assignPublicIp: false,
      subnets: vpc.privateSubnets,
    }
  }
  const common = {
    RUNTIME_LOGINS: 'given',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    TENANTS_DIR: 'tenants',
  }

  const worker = new p.sst.aws.Service('Worker', {
    cluster,
    image: PROJECT_IMAGE,
    command: ['worker'],
    cpu: settings.worker.cpu,
    memory: settings.worker.memory,
    scaling: { min: settings.worker.min, max: settings.worker.max, cpuUtilization: 70 },
    ssm: {
      DATABASE_URL: secrets.ownerUrl.arn,
      WORKER_DATABASE_URL: secrets.workerUrl.arn,
      ODOO_DATABASE_URL: secrets.odooUrl.arn,
      APN_DATABASE_URL: secrets.apnUrl.arn,
    },
    environment: { ...common, WORKER_CONCURRENCY: '2' },
    logging: { retention: settings.logRetention },
    transform: { service: privateTasks },
  })

  const embedderSecrets = { DATABASE_URL: secrets.ownerUrl.arn, WORKER_DATABASE_URL: secrets.workerUrl.arn }
  const embedder =
    settings.embedder.kind === 'gpu'
      ? createGpuEmbedder(p, settings, { vpc, secrets: embedderSecrets, environment: common })
      : new p.sst.aws.Service('EmbedWorker', {
          cluster,
          image: PROJECT_IMAGE,
          entrypoint: ['sh', '-c'],
          command: [EMBED_WORKER_SHELL],
          cpu: settings.embedder.cpu,
          memory: settings.embedder.memory,
          storage: '40 GB',
          scaling: { min: settings.embedder.running, max: 1 },
          ssm: embedderSecrets,
          environment: { ...common, MODEL_DIR, EMBED_BATCH_SIZE: '8' },
          logging: { retention: settings.logRetention },
          transform: { service: privateTasks },
        })
  return { cluster, worker, embedder }
}
