/// <reference path="./.sst/platform/config.d.ts" />
// Deployment on AWS with SST (its own issue): the API as a Lambda function behind a function URL, the
// job worker and the GPU embedding worker as containers, PostgreSQL (with pgvector) on RDS.
// Minimal for now: only the API function is declared, so `sst dev` can run it against DATABASE_URL.
export default $config({
  app(input) {
    return {
      name: 'revops-pod',
      removal: input?.stage === 'production' ? 'retain' : 'remove',
      home: 'aws',
    }
  },
  async run() {
    const databaseUrl = new sst.Secret('DatabaseUrl')
    const api = new sst.aws.Function('Api', {
      handler: 'functions/src/lambda.handler',
      runtime: 'nodejs22.x',
      url: true,
      link: [databaseUrl],
      environment: { NODE_OPTIONS: '--experimental-strip-types' },
    })
    return { api: api.url }
  },
})
