// The AWS topology, checked without an AWS account: sst.config.ts and infra/ evaluated with SST's and
// Pulumi's globals replaced by recorders (testing/sst-recorder.ts), for a dev and the production stage.
// Asserted: every component is there; Node 24 everywhere; every container from the project's Dockerfile;
// each secret reaches exactly what needs it (followed through links, proxies and Secrets Manager); nothing
// private has a public address or an open port; the embedding service reserves a GPU in production; the
// migration runs at deploy before the API's new version; schedules, logs and alarms.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { deploy } from './index.ts'
import { createRecorder, outputPaths, type Recorded, type Recorder } from './testing/sst-recorder.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

vi.mock('@pulumi/docker-build', () => ({
  Image: function Image(...args: unknown[]) {
    const Recorded = (globalThis as { __dockerBuildImage?: new (...a: unknown[]) => unknown })
      .__dockerBuildImage!
    return new Recorded(...args)
  },
}))

/** The secrets a resource can read: its arguments' outputs, followed through links and Secrets Manager. */
function secretsReaching(recorder: Recorder, resource: Recorded): string[] {
  const found = new Set<string>()
  const visit = (paths: string[]) => {
    for (const ref of paths) {
      for (const match of ref.matchAll(/sst\.Secret:(\w+)\.value/g)) found.add(match[1]!)
      if (/sst\.aws\.Aurora:\w+\.password/.test(ref)) found.add('DatabaseMasterPassword')
      for (const match of ref.matchAll(/sst\.Linkable:(\w+)/g)) {
        visit(outputPaths(recorder, recorder.find('sst.Linkable', match[1]!).args.properties))
      }
      for (const match of ref.matchAll(/aws\.secretsmanager\.Secret:(\w+)\.arn/g)) {
        for (const version of recorder.all('aws.secretsmanager.SecretVersion')) {
          if (
            outputPaths(recorder, version.args.secretId).includes(`aws.secretsmanager.Secret:${match[1]}.id`)
          )
            visit(outputPaths(recorder, version.args.secretString))
        }
      }
    }
  }
  visit(outputPaths(recorder, resource.args))
  return [...found].sort()
}

function evaluate(stage: string) {
  const recorder = createRecorder()
  const outputs = deploy(recorder.platform(stage, { alertEmail: 'ops@example.com' }), { version: '0.1.0' })
  return { recorder, outputs }
}

describe.each(['dev', 'production'])('the %s stage', (stage) => {
  const production = stage === 'production'
  let recorder: Recorder
  let outputs: Record<string, unknown>
  beforeAll(() => {
    ;({ recorder, outputs } = evaluate(stage))
  })

  it('declares the whole topology', () => {
    const names = (type: string) =>
      recorder
        .all(type)
        .map((r) => r.name)
        .sort()
    expect(names('sst.aws.Vpc')).toEqual(['Vpc'])
    expect(recorder.find('sst.aws.Vpc', 'Vpc').args).toMatchObject({
      az: 2,
      nat: production ? 'managed' : 'ec2',
    })
    expect(names('sst.aws.Aurora')).toEqual(['Database'])
    expect(names('sst.aws.Function')).toEqual(['Api', 'Operations'])
    expect(names('sst.aws.Router')).toEqual(['Web'])
    expect(names('sst.aws.StaticSite')).toEqual(['Ui'])
    expect(names('sst.aws.Cluster')).toEqual(['Cluster'])
    expect(names('sst.aws.Service')).toEqual(production ? ['Worker'] : ['EmbedWorker', 'Worker'])
    expect(names('aws.ecs.Service')).toEqual(production ? ['EmbedWorkerGpu'] : [])
    expect(names('sst.aws.CronV2')).toEqual(['QueueMetrics'])
    expect(names('aws.lambda.Invocation')).toEqual(['Migrate'])
    expect(names('aws.cloudwatch.MetricAlarm')).toEqual([
      'ApiErrors',
      'JobsFailing',
      'JobsStuck',
      'QueueBackedUp',
      'QueueMetricsMissing',
    ])
    expect(names('sst.Secret')).toEqual([
      'ApiDatabasePassword',
      'ApnDatabaseUrl',
      'OdooDatabaseUrl',
      'WorkerDatabasePassword',
    ])
    expect(Object.keys(outputs).sort()).toEqual(['alerts', 'api', 'operations', 'url'])
  })

  it(`runs PostgreSQL 17 on Aurora${production ? ' with RDS Proxy for the functions' : ''}, private and encrypted`, () => {
    const aurora = recorder.find('sst.aws.Aurora', 'Database')
    expect(aurora.args).toMatchObject({ engine: 'postgres', version: expect.stringMatching(/^1[6-9]\./) })
    expect(recorder.pathOf(aurora.args.vpc)).toBe('sst.aws.Vpc:Vpc')
    if (production) {
      expect(aurora.args.proxy.credentials.map((c: { username: string }) => c.username)).toEqual([
        'revops_app',
        'revops_worker',
      ])
    } else {
      expect(aurora.args.proxy).toBe(false)
    }
    expect(recorder.find('sst.aws.Function', 'Api').args.environment.DATABASE_PREPARED_STATEMENTS).toBe(
      production ? 'off' : 'on',
    )
    const cluster: Record<string, unknown> = {}
    aurora.args.transform.cluster(cluster)
    expect(cluster).toMatchObject({ storageEncrypted: true, deletionProtection: production })
    expect(cluster.publiclyAccessible).toBeUndefined()
    // The functions reach it through the proxy's endpoint (SST's `host` is the proxy when there is one).
    const endpoint = recorder.find('sst.Linkable', 'DatabaseEndpoint').args.properties
    expect(recorder.pathOf(endpoint.host)).toBe('sst.aws.Aurora:Database.host')
  })

  it('runs Node 24 everywhere: the functions on nodejs24.x, the containers from a Node 24 image', () => {
    for (const fn of recorder.all('sst.aws.Function')) {
      expect(fn.args.runtime, fn.name).toBe('nodejs24.x')
      expect(fn.args.bundle, fn.name).toMatch(/^\.build\/lambda\/(api|ops)$/)
    }
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24-/m)
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.devEngines.runtime.version).toMatch(/^>=24/)
  })

  it('builds every container from the project Dockerfile, the GPU one only adding the CUDA runtime', () => {
    for (const service of recorder.all('sst.aws.Service')) {
      expect(service.args.image, service.name).toEqual({ context: '.', dockerfile: 'Dockerfile' })
    }
    expect(recorder.find('sst.aws.Service', 'Worker').args.command).toEqual(['worker'])
    const images = recorder.all('dockerBuild.Image')
    if (!production) {
      expect(images).toEqual([])
      expect(recorder.find('sst.aws.Service', 'EmbedWorker').args.command[0]).toMatch(
        /exec node cli\/src\/main\.ts embed-worker$/,
      )
      return
    }
    expect(images).toHaveLength(1)
    expect(images[0]!.args).toMatchObject({
      context: { location: '.' },
      dockerfile: { location: 'Dockerfile' },
      buildArgs: { ONNXRUNTIME: 'cuda12' },
      push: true,
    })
    expect(Object.keys(images[0]!.args.buildArgs)).toEqual(['ONNXRUNTIME'])
  })

  it('lets each secret reach exactly what needs it', () => {
    const reach = (type: string, name: string) => secretsReaching(recorder, recorder.find(type, name))
    const owner = 'DatabaseMasterPassword'
    expect(reach('sst.aws.Function', 'Api')).toEqual(['ApiDatabasePassword'])
    expect(reach('sst.aws.Function', 'Operations')).toEqual([
      'ApiDatabasePassword',
      owner,
      'WorkerDatabasePassword',
    ])
    expect(reach('sst.aws.Service', 'Worker')).toEqual([
      'ApnDatabaseUrl',
      owner,
      'OdooDatabaseUrl',
      'WorkerDatabasePassword',
    ])
    expect(reach('sst.aws.Aurora', 'Database')).toEqual(
      production ? ['ApiDatabasePassword', 'WorkerDatabasePassword'] : [],
    )
    if (production) {
      expect(reach('aws.ecs.TaskDefinition', 'EmbedWorkerGpu')).toEqual([owner, 'WorkerDatabasePassword'])
      expect(reach('aws.iam.RolePolicy', 'EmbedWorkerSecrets')).toEqual([owner, 'WorkerDatabasePassword'])
    } else {
      expect(reach('sst.aws.Service', 'EmbedWorker')).toEqual([owner, 'WorkerDatabasePassword'])
    }
    // Nothing else holds a secret (the Secrets Manager versions and the linkables are where they are kept).
    const holders = new Set([
      'sst.aws.Function:Api',
      'sst.aws.Function:Operations',
      'sst.aws.Service:Worker',
      'sst.aws.Service:EmbedWorker',
      'sst.aws.Aurora:Database',
      'aws.ecs.TaskDefinition:EmbedWorkerGpu',
      'aws.iam.RolePolicy:EmbedWorkerSecrets',
    ])
    for (const resource of recorder.resources) {
      if (
        holders.has(resource.ref) ||
        ['sst.Linkable', 'aws.secretsmanager.SecretVersion'].includes(resource.type)
      )
        continue
      expect(secretsReaching(recorder, resource), resource.ref).toEqual([])
    }
    // And never as a plain environment value.
    for (const resource of [...recorder.all('sst.aws.Function'), ...recorder.all('sst.aws.Service')]) {
      for (const [name, value] of Object.entries(resource.args.environment ?? {})) {
        expect(typeof value, `${resource.ref} ${name}`).toBe('string')
      }
    }
  })

  it('gives nothing private a public address or an open port', () => {
    const functions = recorder.all('sst.aws.Function')
    expect(functions.filter((fn) => fn.args.url).map((fn) => fn.name)).toEqual(['Api'])
    for (const fn of functions) expect(recorder.pathOf(fn.args.vpc), fn.name).toBe('sst.aws.Vpc:Vpc')
    for (const service of recorder.all('sst.aws.Service')) {
      expect(service.args.loadBalancer, service.name).toBeUndefined()
      expect(service.args.public, service.name).toBeUndefined()
      const args = { networkConfiguration: { assignPublicIp: true, subnets: ['public'] } }
      service.args.transform.service(args)
      expect(args.networkConfiguration.assignPublicIp, service.name).toBe(false)
      expect(recorder.pathOf(args.networkConfiguration.subnets)).toBe('sst.aws.Vpc:Vpc.privateSubnets')
    }
    for (const group of recorder.all('aws.ec2.SecurityGroup')) expect(group.args.ingress ?? []).toEqual([])
    if (production) {
      const service = recorder.find('aws.ecs.Service', 'EmbedWorkerGpu')
      expect(service.args.networkConfiguration.assignPublicIp).toBe(false)
      expect(recorder.pathOf(service.args.networkConfiguration.subnets)).toBe(
        'sst.aws.Vpc:Vpc.privateSubnets',
      )
      const instances = recorder.find('aws.autoscaling.Group', 'GpuInstances')
      expect(recorder.pathOf(instances.args.vpcZoneIdentifiers)).toBe('sst.aws.Vpc:Vpc.privateSubnets')
      const template = recorder.find('aws.ec2.LaunchTemplate', 'GpuInstances')
      expect(template.args.networkInterfaces).toBeUndefined()
      expect(template.args.metadataOptions.httpTokens).toBe('required')
    }
  })

  it(
    production
      ? 'reserves one GPU for the embedding service, on GPU instances'
      : 'embeds on CPU (no GPU in dev)',
    () => {
      if (!production) {
        expect(recorder.all('aws.ecs.TaskDefinition')).toEqual([])
        expect(recorder.all('aws.ec2.LaunchTemplate')).toEqual([])
        return
      }
      const task = recorder.find('aws.ecs.TaskDefinition', 'EmbedWorkerGpu')
      expect(task.args).toMatchObject({ requiresCompatibilities: ['EC2'], networkMode: 'awsvpc' })
      const [container] = recorder.rawOf(task.args.containerDefinitions) as Record<string, any>[]
      expect(container!.resourceRequirements).toEqual([{ type: 'GPU', value: '1' }])
      expect(recorder.pathOf(container!.image)).toBe('dockerBuild.Image:EmbedWorkerGpuImage.ref')
      expect(container!.secrets.map((s: { name: string }) => s.name)).toEqual([
        'DATABASE_URL',
        'WORKER_DATABASE_URL',
      ])
      expect(recorder.find('aws.ec2.LaunchTemplate', 'GpuInstances').args.instanceType).toMatch(/^g[56]\./)
      const service = recorder.find('aws.ecs.Service', 'EmbedWorkerGpu')
      expect(recorder.pathOf(service.args.capacityProviderStrategies[0].capacityProvider)).toBe(
        'aws.ecs.CapacityProvider:GpuCapacity.name',
      )
    },
  )

  it('migrates at deploy, before the new API version serves', () => {
    const migrate = recorder.find('aws.lambda.Invocation', 'Migrate')
    expect(recorder.pathOf(migrate.args.functionName)).toBe('sst.aws.Function:Operations.name')
    expect(JSON.parse(migrate.args.input)).toEqual({ action: 'migrate' })
    expect(migrate.args.triggers.migrations).toBe('test-hash')
    const api = recorder.find('sst.aws.Function', 'Api')
    expect(api.options.dependsOn.map((d: unknown) => recorder.pathOf(d))).toEqual([
      'aws.lambda.Invocation:Migrate',
    ])
  })

  it('schedules the queue metrics on the operations function (tenants schedule their own runs)', () => {
    const crons = Object.fromEntries(recorder.all('sst.aws.CronV2').map((cron) => [cron.name, cron.args]))
    for (const cron of Object.values(crons)) {
      expect(recorder.pathOf(cron.function)).toBe('sst.aws.Function:Operations.arn')
    }
    expect(crons.QueueMetrics).toMatchObject({ schedule: 'rate(5 minutes)', event: { action: 'metrics' } })
  })

  it('logs everywhere with a retention, and alarms to the alerts topic', () => {
    for (const resource of [...recorder.all('sst.aws.Function'), ...recorder.all('sst.aws.Service')]) {
      expect(resource.args.logging?.retention, resource.ref).toBe(production ? '3 months' : '1 month')
    }
    for (const alarm of recorder.all('aws.cloudwatch.MetricAlarm')) {
      expect(
        alarm.args.alarmActions.map((a: unknown) => recorder.pathOf(a)),
        alarm.name,
      ).toEqual(['sst.aws.SnsTopic:Alerts.arn'])
    }
    expect(recorder.find('aws.sns.TopicSubscription', 'AlertsEmail').args).toMatchObject({
      protocol: 'email',
      endpoint: 'ops@example.com',
    })
    expect(recorder.find('sst.aws.Router', 'Web').ref).toBe('sst.aws.Router:Web')
    expect(recorder.calls.find((call) => call.path === 'sst.aws.Router:Web.route')?.args[0]).toBe('/api')
  })
})

describe('sst.config.ts', () => {
  it('hands SST globals to the topology, builds the Lambda bundles first, and names the app', async () => {
    expect(process.cwd()).toBe(ROOT.replace(/\/$/, ''))
    const recorder = createRecorder()
    const globals = recorder.globals('production')
    Object.assign(globalThis, globals, {
      __dockerBuildImage: recorder.platform('production').dockerBuild.Image,
    })
    try {
      // (a computed path: the type checker leaves sst.config.ts to SST's own declarations)
      const configPath = new URL('../sst.config.ts', import.meta.url).href
      const { default: config } = await import(configPath)
      expect(config.app({ stage: 'production' })).toMatchObject({
        name: 'revops-pod',
        home: 'aws',
        removal: 'retain',
        protect: true,
      })
      expect(config.app({ stage: 'dev' })).toMatchObject({ removal: 'remove', protect: false })
      const outputs = await config.run()
      expect(Object.keys(outputs).sort()).toEqual(['alerts', 'api', 'operations', 'url'])
      expect(recorder.find('dockerBuild.Image', 'EmbedWorkerGpuImage').args.push).toBe(true)
      expect(recorder.find('aws.lambda.Invocation', 'Migrate').args.triggers.migrations).toMatch(
        /^[0-9a-f]{64}$/,
      )
      const bundle = readFileSync(path.join(ROOT, '.build/lambda/api/index.mjs'), 'utf8')
      expect(bundle.length).toBeGreaterThan(100_000)
    } finally {
      for (const name of [...Object.keys(globals), '__dockerBuildImage'])
        delete (globalThis as Record<string, unknown>)[name]
    }
  }, 120_000)
})
