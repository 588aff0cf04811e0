// What infra/ builds the topology with: SST's components (`sst.*`), Pulumi's AWS provider (`aws.*`), the
// docker-build provider and Pulumi's output helpers. sst.config.ts passes SST's globals in; the topology
// test passes recorders with the same shape. Components are typed loosely here: in a deployment, SST's
// own declarations (.sst/platform, made by `sst install`) type sst.config.ts.

// biome-ignore lint/suspicious/noExplicitAny: SST's and Pulumi's outputs and components are typed by SST in a deployment.
export type Loose = any

/** A component or resource constructor: `new X(name, args, options)`. */
export type Component = new (name: string, args?: Loose, options?: Loose) => Loose

export interface Platform {
  /** `$app`: the app's name and the stage being deployed. */
  app: { name: string; stage: string }
  sst: {
    Secret: Component
    Linkable: Component
    aws: Record<
      'Vpc' | 'Aurora' | 'Function' | 'Cluster' | 'Service' | 'CronV2' | 'Router' | 'StaticSite' | 'SnsTopic',
      Component
    >
  }
  /** Pulumi's AWS provider (`aws.ec2.*`, `aws.ecs.*`, …), resources and data sources. */
  aws: Loose
  /** `@pulumi/docker-build`: builds and pushes the GPU image. */
  dockerBuild: { Image: Component }
  /** `$interpolate`: a string template over outputs. */
  interpolate(strings: TemplateStringsArray, ...values: unknown[]): Loose
  /** `$resolve` / `all`: waits for several outputs, then maps them. */
  all(values: unknown[]): { apply<T>(map: (values: Loose[]) => T): Loose }
  /** `$jsonStringify`: JSON of a value holding outputs. */
  jsonStringify(value: unknown): Loose
  /** Content hash of the migrations folder: a new migration re-runs the deploy-time migration. */
  migrationsHash: string
  /** Where the alarms mail to (ALERT_EMAIL at deploy time; not a secret). */
  alertEmail?: string | undefined
}
