// Stand-ins for SST's and Pulumi's globals that record instead of deploying: every component or resource
// constructed (type, name, args, options), every method called on one, and outputs as tokens that name
// where they came from (`sst.aws.Aurora:Database.password`, `sst.Secret:OdooDatabaseUrl.value`), so a test
// can follow a value (a secret) from where it is made to every resource it reaches.
import type { Loose, Platform } from '../platform.ts'

export interface Recorded {
  type: string
  name: string
  args: Loose
  options: Loose
  /** `${type}:${name}`: the prefix of this resource's outputs' paths. */
  ref: string
}

export interface Recorder {
  resources: Recorded[]
  calls: { path: string; args: unknown[] }[]
  /** The path of an output token, or undefined for plain values. */
  pathOf(value: unknown): string | undefined
  /** What jsonStringify was given (the token's raw value). */
  rawOf(value: unknown): unknown
  find(type: string, name: string): Recorded
  all(type: string): Recorded[]
  platform(stage: string, extra?: Partial<Platform>): Platform
  /** The same stand-ins as the globals sst.config.ts sees. */
  globals(stage: string): Record<string, unknown>
}

export function createRecorder(): Recorder {
  const resources: Recorded[] = []
  const calls: Recorder['calls'] = []
  const paths = new WeakMap<object, string>()
  const raws = new WeakMap<object, unknown>()

  const output = (path: string): Loose => {
    const token: Loose = new Proxy(() => {}, {
      get(_target, property) {
        if (property === 'then') return undefined
        if (property === Symbol.toPrimitive || property === 'toString' || property === 'toJSON')
          return () => `{${path}}`
        if (typeof property === 'symbol') return undefined
        if (property === 'apply') return (_map: unknown) => output(`${path}.apply`)
        return output(`${path}.${property}`)
      },
      apply(_target, _self, args) {
        calls.push({ path, args })
        return output(`${path}()`)
      },
    })
    paths.set(token, path)
    return token
  }
  const refsIn = (value: unknown) => outputPathsIn((inner) => paths.get(inner as object), value)
  const component = (type: string) =>
    function Component(name: string, args?: Loose, options?: Loose) {
      const ref = `${type}:${name}`
      resources.push({ type, name, args: args ?? {}, options: options ?? {}, ref })
      return output(ref)
    } as unknown as new (
      name: string,
      args?: Loose,
      options?: Loose,
    ) => Loose
  const namespace = (prefix: string): Loose =>
    new Proxy(
      {},
      {
        get(_target, property) {
          if (typeof property === 'symbol') return undefined
          const name = `${prefix}.${property}`
          if (/^[A-Z]/.test(property)) return component(name)
          if (property.startsWith('get'))
            return (...args: unknown[]) => output(`${name}(${refsIn(args).join('|')})`)
          return namespace(name)
        },
      },
    )

  const interpolate = (strings: TemplateStringsArray, ...values: unknown[]) =>
    output(`interpolate(${refsIn(values).join('|')}:${strings.join('…')})`)
  const all = (values: unknown[]) => ({
    apply: (_map: unknown) => output(`all(${refsIn(values).join('|')}).apply`),
  })
  const jsonStringify = (value: unknown) => {
    const token = output(`json(${refsIn(value).join('|')})`)
    raws.set(token, value)
    return token
  }
  const sst = {
    Secret: component('sst.Secret'),
    Linkable: component('sst.Linkable'),
    aws: namespace('sst.aws'),
  }
  const aws = namespace('aws')
  const dockerBuild = namespace('dockerBuild')

  return {
    resources,
    calls,
    pathOf: (value) =>
      value && (typeof value === 'object' || typeof value === 'function') ? paths.get(value) : undefined,
    rawOf: (value) => raws.get(value as object),
    find(type, name) {
      const found = resources.find((r) => r.type === type && r.name === name)
      if (!found) throw new Error(`no ${type} ${name} was declared`)
      return found
    },
    all: (type) => resources.filter((r) => r.type === type),
    platform: (stage, extra = {}) => ({
      app: { name: 'revops-pod', stage },
      sst: sst as Platform['sst'],
      aws,
      dockerBuild,
      interpolate,
      all,
      jsonStringify,
      migrationsHash: 'test-hash',
      ...extra,
    }),
    globals: (stage) => ({
      $config: (config: unknown) => config,
      $app: { name: 'revops-pod', stage },
      sst,
      aws,
      $interpolate: interpolate,
      $resolve: all,
      $jsonStringify: jsonStringify,
    }),
  }
}

/** Every output path a value holds, however deep. */
export function outputPaths(recorder: Recorder, value: unknown): string[] {
  return outputPathsIn(recorder.pathOf, value)
}

function outputPathsIn(
  pathOf: (value: unknown) => string | undefined,
  value: unknown,
  seen = new Set<unknown>(),
): string[] {
  if (value === null || value === undefined || seen.has(value)) return []
  const path = typeof value === 'function' || typeof value === 'object' ? pathOf(value) : undefined
  if (path) return [path]
  if (typeof value !== 'object') return []
  seen.add(value)
  return Object.values(value as object).flatMap((inner) => outputPathsIn(pathOf, inner, seen))
}
