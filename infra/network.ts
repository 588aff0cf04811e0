// The network: a VPC over two availability zones. The database, the Lambda functions and every container
// live in its private subnets; only the NAT (for the sources, ECR and AWS's APIs) and CloudFront face out.
import type { Platform } from './platform.ts'
import type { StageSettings } from './stage.ts'

export function createNetwork(p: Platform, settings: StageSettings) {
  return new p.sst.aws.Vpc('Vpc', { az: 2, nat: settings.nat })
}
