// The sizes of a stage: `production`, and every other stage name as a `dev` stage (small, CPU only).
// Monthly costs of both are worked out in the README (_Deploying on AWS_).

export interface StageSettings {
  production: boolean
  /** NAT for the private subnets: a managed NAT gateway per AZ, or SST's EC2 NAT instance (dev). */
  nat: 'managed' | 'ec2'
  /** `proxy`: RDS Proxy between the functions and the database (its minimum charge is 8 ACUs). */
  database: { version: string; minAcu: number; maxAcu: number; proxy: boolean }
  api: { memory: string; timeout: string }
  worker: { cpu: string; memory: string; min: number; max: number }
  /** Embeddings: on CPU in Fargate (dev), or on a GPU instance the service reserves one GPU of. */
  embedder:
    | { kind: 'cpu'; cpu: string; memory: string; running: number }
    | { kind: 'gpu'; instanceType: string; instances: number; taskCpu: number; taskMemoryMiB: number }
  logRetention: string
  logRetentionDays: number
  schedules: { timezone: string; metrics: string }
}

export function stageSettings(stage: string): StageSettings {
  const production = stage === 'production'
  const schedules = {
    timezone: 'UTC',
    // Queue metrics every five minutes (the tenants' runs are their own schedules, in tenant.yaml).
    metrics: 'rate(5 minutes)',
  }
  if (production) {
    return {
      production,
      nat: 'managed',
      database: { version: '17.4', minAcu: 1, maxAcu: 16, proxy: true },
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
    // No proxy in dev: the functions' pools are small (2 connections per key and container) and RDS
    // Proxy's minimum charge (8 ACUs) would cost more than the database.
    database: { version: '17.4', minAcu: 0.5, maxAcu: 2, proxy: false },
    api: { memory: '1024 MB', timeout: '30 seconds' },
    worker: { cpu: '1 vCPU', memory: '4 GB', min: 1, max: 1 },
    // Off until an operator scales it to 1 (the pipeline embeds in process meanwhile).
    embedder: { kind: 'cpu', cpu: '2 vCPU', memory: '8 GB', running: 0 },
    logRetention: '1 month',
    logRetentionDays: 30,
    schedules,
  }
}
