/// <reference path="./.sst/platform/config.d.ts" />
// Deployment on AWS with SST (`npx sst deploy --stage dev|production`; README: _Deploying on AWS_). The
// topology is infra/ (one module per concern); this file hands it SST's globals. `production` is the
// production stage, every other stage a small CPU-only dev stage (infra/stage.ts).
export default $config({
  app(input) {
    const production = input?.stage === 'production'
    return {
      name: 'revops-pod',
      home: 'aws',
      removal: production ? 'retain' : 'remove',
      protect: production,
      providers: { aws: { region: (process.env.AWS_REGION ?? 'us-east-1') as 'us-east-1' } },
    }
  },
  async run() {
    const { execFileSync } = await import('node:child_process')
    const { readFileSync } = await import('node:fs')
    const dockerBuild = await import('@pulumi/docker-build')
    const { deploy } = await import('./infra/index.ts')
    const { migrationsHash } = await import('./infra/migrations-hash.ts')
    // The Lambda functions' bundles (infra/build-lambdas.ts), fresh for every deployment.
    execFileSync('npm', ['run', '--silent', 'build:lambdas'], { stdio: 'inherit' })
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    return deploy(
      {
        app: $app,
        sst,
        aws,
        dockerBuild,
        interpolate: $interpolate,
        all: $resolve,
        jsonStringify: $jsonStringify,
        migrationsHash: migrationsHash('db/migrations'),
        alertEmail: process.env.ALERT_EMAIL,
      },
      { version },
    )
  },
})
