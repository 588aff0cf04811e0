// AWS Lambda entry point (sst.config.ts → infra/api.ts): the API of lambda-api.ts over this process's
// environment, made once per container.
import { createLambdaApi } from './lambda-api.ts'

export const handler = createLambdaApi(process.env).handler
