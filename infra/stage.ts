// The sizes of a stage: `production`, and every other stage name as a `dev` stage (small, CPU only).
// Monthly costs of both are worked out in the README (_Deploying on AWS_).

export interface StageSettings {
  production: boolean
  /** NAT for the private subnets: a managed NAT gateway per AZ, or SST's EC2 NAT instance (dev). */
  nat: 'managed' | 'ec2'
  database: { version: string; minAcu: number; maxAcu: number }
  api: { memory: string; timeout: string }
  worker: { cpu: string; memory: string; min: number; max: number }
  /** Embeddings: on CPU in Fargate (dev), or on a GPU instance the service reserves one GPU of. */
  embedder:
    | { kind: 'cpu'; cpu: string; memory: string }
    | { kind: 'gpu'; instanceType: string; instances: number; taskCpu: number; taskMemoryMiB: number }
  logRetention: string
  logRetentionDays: number
  schedules: { timezone: string; pipeline: string; reconcile: string; metrics: string }
}

export function stageSettings(stage: string): StageSettings {
  const production = stage === 'production'
  const schedules = {
    timezone: 'UTC',
    // Hourly incremental sync and pipeline; a full sync at night; queue metrics every five minutes.
    pipeline: 'cron(5 * * * ? *)',
    reconcile: 'cron(30 2 * * ? *)',
    metrics: 'rate(5 minutes)',
  }
  if (production) {
    return {
      production,
      nat: 'managed',
      database: { version: '17.4', minAcu: 1, maxAcu: 16 },
      api: { memory: '1536 MB', timeout: '30 seconds' },
      worker: { cpu: '2 vCPU', memory: '8 GB', min: 2, max: 4 },
      // g6.xlarge: one NVIDIA L4 (24 GB), 4 vCPU, 16 GiB; the task takes the GPU and most of the rest.
      embedder: { kind: 'gpu', instanceType: 'g6.xlarge', instances: 1, taskCpu: 3584, taskMemoryMiB: 14336 },
      logRetention: '3 months',
      logRetentionDays: 90,
      schedules,
    }
  }
  return {
    production,
    nat: 'ec2',
    // RDS Proxy rules out pausing at 0 ACU, so the smallest always-on size.
    database: { version: '17.4', minAcu: 0.5, maxAcu: 2 },
    api: { memory: '1024 MB', timeout: '30 seconds' },
    worker: { cpu: '1 vCPU', memory: '4 GB', min: 1, max: 1 },
    embedder: { kind: 'cpu', cpu: '2 vCPU', memory: '8 GB' },
    logRetention: '1 month',
    logRetentionDays: 30,
    schedules,
  }
}
