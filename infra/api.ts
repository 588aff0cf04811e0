// The API and the web UI on one origin: CloudFront (SST's Router) sends /api/* to the API's Lambda
// function (its function URL) and everything else to the UI's static files in S3. The UI is a
// client-rendered app of static files, so serving it from a Lambda function would only add cost and cold
// starts; one origin keeps the UI's relative /api calls and needs no CORS.
import { lambdaBundle } from './lambda-paths.ts'
import type { Loose, Platform } from './platform.ts'
import type { StageSettings } from './stage.ts'

export const NODE_RUNTIME = 'nodejs24.x'

export function createApi(
  p: Platform,
  settings: StageSettings,
  deps: { vpc: Loose; endpoint: Loose; apiLogin: Loose; migration: Loose; version: string },
) {
  const api = new p.sst.aws.Function(
    'Api',
    {
      runtime: NODE_RUNTIME,
      architecture: 'x86_64',
      bundle: lambdaBundle('api'),
      handler: 'index.handler',
      memory: settings.api.memory,
      timeout: settings.api.timeout,
      vpc: deps.vpc,
      // Public by design: every route but liveness and the contract needs an API key.
      url: true,
      link: [deps.endpoint, deps.apiLogin],
      environment: {
        // Behind RDS Proxy a named prepared statement would pin the connection.
        DATABASE_PREPARED_STATEMENTS: settings.database.proxy ? 'off' : 'on',
        TENANTS_DIR: 'tenants',
        LOG_LEVEL: 'info',
        APP_VERSION: deps.version,
      },
      logging: { retention: settings.logRetention, format: 'json' },
    },
    // The new version serves only once the database has its migrations.
    { dependsOn: [deps.migration] },
  )
  const router = new p.sst.aws.Router('Web')
  router.route('/api', api.url)
  const ui = new p.sst.aws.StaticSite('Ui', {
    path: 'web',
    build: { command: 'npm run build', output: 'dist/client' },
    router: { instance: router },
  })
  return { api, router, ui }
}
