// AWS services as the cost and usage report names them: the product name and the product code both
// occur in the roll-up (`Amazon Elastic Compute Cloud` and `AmazonEC2`), depending on the import.

export interface AwsService {
  name: string
  code: string
  /** Typical share of a bill. */
  weight: number
  /** Covered by Compute Savings Plans. */
  savingsPlan?: boolean
  /** Bought with Reserved Instances. */
  reserved?: boolean
}

export const AWS_SERVICES: readonly AwsService[] = [
  { name: 'Amazon Elastic Compute Cloud', code: 'AmazonEC2', weight: 40, savingsPlan: true, reserved: true },
  { name: 'Amazon Simple Storage Service', code: 'AmazonS3', weight: 14 },
  { name: 'Amazon Relational Database Service', code: 'AmazonRDS', weight: 16, reserved: true },
  { name: 'AmazonCloudWatch', code: 'AmazonCloudWatch', weight: 4 },
  { name: 'AWS Lambda', code: 'AWSLambda', weight: 4, savingsPlan: true },
  { name: 'AWS Data Transfer', code: 'AWSDataTransfer', weight: 6 },
  { name: 'Amazon Virtual Private Cloud', code: 'AmazonVPC', weight: 4 },
  { name: 'Elastic Load Balancing', code: 'AWSELB', weight: 4 },
  { name: 'Amazon CloudFront', code: 'AmazonCloudFront', weight: 4 },
  { name: 'Amazon DynamoDB', code: 'AmazonDynamoDB', weight: 5 },
  { name: 'Amazon Elastic Kubernetes Service', code: 'AmazonEKS', weight: 5 },
  { name: 'Amazon Elastic Container Service', code: 'AmazonECS', weight: 4, savingsPlan: true },
  { name: 'Amazon Route 53', code: 'AmazonRoute53', weight: 1 },
  { name: 'AWS Key Management Service', code: 'awskms', weight: 1 },
  { name: 'Amazon SageMaker', code: 'AmazonSageMaker', weight: 6 },
  { name: 'Amazon Bedrock', code: 'AmazonBedrock', weight: 5 },
  { name: 'Amazon Redshift', code: 'AmazonRedshift', weight: 8, reserved: true },
  { name: 'Amazon WorkSpaces', code: 'AmazonWorkSpaces', weight: 5 },
  { name: 'Amazon Connect', code: 'AmazonConnect', weight: 4 },
  { name: 'Amazon GuardDuty', code: 'AmazonGuardDuty', weight: 2 },
  { name: 'AWS Config', code: 'AWSConfig', weight: 1 },
  { name: 'AWS Backup', code: 'AWSBackup', weight: 2 },
  { name: 'Amazon Elastic File System', code: 'AmazonEFS', weight: 2 },
  { name: 'Amazon Simple Email Service', code: 'AmazonSES', weight: 1 },
  { name: 'Amazon Simple Queue Service', code: 'AWSQueueService', weight: 1 },
]

export const SUPPORT_SERVICE: AwsService = {
  name: 'AWS Support (Business)',
  code: 'AWSSupportBusiness',
  weight: 0,
}
export const SAVINGS_PLAN_SERVICE: AwsService = {
  name: 'Savings Plans for AWS Compute usage',
  code: 'ComputeSavingsPlans',
  weight: 0,
}

export type ChargeType =
  | 'usage'
  | 'discounted usage'
  | 'RIFee'
  | 'Fee'
  | 'Tax'
  | 'Credit'
  | 'Refund'
  | 'SavingsPlanCoveredUsage'
  | 'SavingsPlanNegation'
  | 'Solution Provider Program Discount'
  | 'Distributor Discount'

/** Rounds to a number of decimals without drifting (e.g. 1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals
  const rounded = Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor
  return rounded === 0 ? 0 : rounded
}
