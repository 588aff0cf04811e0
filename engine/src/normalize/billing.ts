// Billing row values made comparable: AWS service names, charge types and billing months.

// Canonical label (the Cost and Usage Report's product name), then the other spellings seen: CUR
// product codes (`AmazonEC2`), short names and Cost Explorer groupings (`EC2 - Other`).
const SERVICES: ReadonlyArray<readonly string[]> = [
  [
    'Amazon Elastic Compute Cloud',
    'AmazonEC2',
    'Amazon EC2',
    'EC2',
    'EC2 - Other',
    'EC2-Instances',
    'Amazon Elastic Compute Cloud - Compute',
  ],
  ['Amazon Simple Storage Service', 'AmazonS3', 'Amazon S3', 'S3'],
  ['Amazon Relational Database Service', 'AmazonRDS', 'Amazon RDS', 'RDS'],
  ['AWS Lambda', 'AWSLambda', 'Lambda'],
  ['Amazon CloudFront', 'AmazonCloudFront'],
  ['Amazon DynamoDB', 'AmazonDynamoDB'],
  ['Amazon Virtual Private Cloud', 'AmazonVPC', 'Amazon VPC', 'VPC'],
  ['AWS Support (Business)', 'AWSSupportBusiness', 'Business Support'],
  ['AWS Support (Enterprise)', 'AWSSupportEnterprise', 'Enterprise Support'],
  ['AWS Support (Enterprise On-Ramp)', 'AWSSupportEnterpriseOnRamp', 'Enterprise On-Ramp Support'],
  ['AWS Support (Developer)', 'AWSSupportDeveloper', 'Developer Support'],
  ['Amazon CloudWatch', 'AmazonCloudWatch', 'CloudWatch'],
  ['Amazon Elastic Kubernetes Service', 'AmazonEKS', 'Amazon EKS', 'EKS'],
  ['Amazon Elastic Container Service', 'AmazonECS', 'Amazon ECS', 'ECS', 'Amazon EC2 Container Service'],
  [
    'Amazon Elastic Container Registry',
    'AmazonECR',
    'Amazon ECR',
    'ECR',
    'Amazon EC2 Container Registry (ECR)',
  ],
  ['Amazon Elastic File System', 'AmazonEFS', 'Amazon EFS', 'EFS'],
  ['Elastic Load Balancing', 'AWSELB', 'ELB', 'Amazon Elastic Load Balancing'],
  ['AWS Key Management Service', 'awskms', 'KMS', 'AWS KMS'],
  ['Amazon Route 53', 'AmazonRoute53', 'Route53'],
  ['Amazon SageMaker', 'AmazonSageMaker', 'SageMaker'],
  ['Amazon Bedrock', 'AmazonBedrock', 'Bedrock'],
  ['Amazon Redshift', 'AmazonRedshift', 'Redshift'],
  [
    'Amazon OpenSearch Service',
    'AmazonES',
    'Amazon Elasticsearch Service',
    'OpenSearch',
    'Amazon OpenSearch',
  ],
  ['Amazon ElastiCache', 'AmazonElastiCache', 'ElastiCache'],
  ['AWS Data Transfer', 'AWSDataTransfer', 'Data Transfer'],
  ['Amazon Simple Notification Service', 'AmazonSNS', 'Amazon SNS', 'SNS'],
  ['Amazon Simple Queue Service', 'AWSQueueService', 'AmazonSQS', 'Amazon SQS', 'SQS'],
  ['Amazon Simple Email Service', 'AmazonSES', 'Amazon SES', 'SES'],
  ['Amazon API Gateway', 'AmazonApiGateway', 'API Gateway'],
  ['AWS CloudTrail', 'AWSCloudTrail', 'CloudTrail'],
  ['AWS Config', 'AWSConfig'],
  ['Amazon GuardDuty', 'AmazonGuardDuty', 'GuardDuty'],
  ['AWS WAF', 'awswaf', 'WAF'],
  ['AWS Backup', 'AWSBackup'],
  ['AWS Glue', 'AWSGlue', 'Glue'],
  ['Amazon Athena', 'AmazonAthena', 'Athena'],
  ['Amazon Kinesis', 'AmazonKinesis', 'Kinesis'],
  ['Amazon Kinesis Firehose', 'AmazonKinesisFirehose', 'Amazon Data Firehose'],
  ['AWS Secrets Manager', 'AWSSecretsManager', 'Secrets Manager'],
  ['AWS Systems Manager', 'AWSSystemsManager', 'Systems Manager'],
  ['Amazon Cognito', 'AmazonCognito', 'Cognito'],
  ['AWS Step Functions', 'AmazonStates', 'Step Functions'],
  ['Amazon Lightsail', 'AmazonLightsail', 'Lightsail'],
  ['AWS Direct Connect', 'AWSDirectConnect', 'Direct Connect'],
  ['Amazon WorkSpaces', 'AmazonWorkSpaces', 'WorkSpaces'],
  ['Amazon EMR', 'ElasticMapReduce', 'Amazon Elastic MapReduce', 'EMR'],
  ['Amazon Managed Streaming for Apache Kafka', 'AmazonMSK', 'Amazon MSK', 'MSK'],
  ['Amazon QuickSight', 'AmazonQuickSight', 'QuickSight'],
  ['AWS Security Hub', 'AWSSecurityHub', 'Security Hub'],
  ['AWS Shield', 'AWSShield', 'Shield'],
  ['AWS Global Accelerator', 'AWSGlobalAccelerator', 'Global Accelerator'],
  ['AWS Cost Explorer', 'AWSCostExplorer', 'Cost Explorer'],
  ['Savings Plans for AWS Compute usage', 'ComputeSavingsPlans', 'Savings Plans'],
  ['Tax', 'Taxes'],
]

export type ChargeCategory =
  | 'usage'
  | 'discounted_usage'
  | 'ri_fee'
  | 'fee'
  | 'tax'
  | 'credit'
  | 'refund'
  | 'savings_plan'
  | 'discount'
  | 'other'

// Keyed like service names; CUR line item types and Cost Explorer's charge type names both appear.
const CHARGE_TYPES: Readonly<Record<string, ChargeCategory>> = {
  usage: 'usage',
  discountedusage: 'discounted_usage',
  rifee: 'ri_fee',
  recurringreservationfee: 'ri_fee',
  upfrontreservationfee: 'ri_fee',
  fee: 'fee',
  tax: 'tax',
  credit: 'credit',
  refund: 'refund',
  savingsplancoveredusage: 'savings_plan',
  savingsplannegation: 'savings_plan',
  savingsplanrecurringfee: 'savings_plan',
  savingsplanupfrontfee: 'savings_plan',
  solutionproviderprogramdiscount: 'discount',
  distributordiscount: 'discount',
  discount: 'discount',
  bundleddiscount: 'discount',
  edpdiscount: 'discount',
  privateratediscount: 'discount',
  sppdiscount: 'discount',
}

const NOT_ALPHANUMERIC = /[^a-z0-9]/g
const VENDOR_PREFIX = /^(?:amazon|aws)/
const WHITESPACE = /\s+/g
const PERIOD_TEXT = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[T ].*)?$/
const PERIOD_DIGITS = /^(\d{4})(\d{2})(\d{2})?$/

function key(text: string): string {
  return text.toLowerCase().replace(NOT_ALPHANUMERIC, '')
}

const SERVICE_BY_KEY = new Map<string, string>()
for (const [canonical, ...spellings] of SERVICES) {
  for (const spelling of [canonical!, ...spellings]) {
    SERVICE_BY_KEY.set(key(spelling), canonical!)
    SERVICE_BY_KEY.set(key(spelling).replace(VENDOR_PREFIX, ''), canonical!)
  }
}

/**
 * One label per AWS service, whichever way the bill spells it: `AmazonEC2`, `Amazon EC2`, `EC2 - Other`
 * and `Amazon Elastic Compute Cloud` are all `Amazon Elastic Compute Cloud`. Unknown names come back
 * trimmed with single spaces; blank gives null.
 */
export function normalizeServiceName(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null
  const trimmed = raw.trim().replace(WHITESPACE, ' ')
  if (trimmed === '') return null
  const compact = key(trimmed)
  return SERVICE_BY_KEY.get(compact) ?? SERVICE_BY_KEY.get(compact.replace(VENDOR_PREFIX, '')) ?? trimmed
}

/**
 * The category of a billing charge type, in any case or spacing: `usage`, `discounted usage`, `RIFee`,
 * `Fee`, `Tax`, `Credit`, `Refund`, the Savings Plan types (`SavingsPlanCoveredUsage`,
 * `SavingsPlanNegation`, …), and discounts (`Solution Provider Program Discount`, `Distributor
 * Discount`). Anything else, blank included, is `other`.
 */
export function categorizeChargeType(raw: string | null | undefined): ChargeCategory {
  if (raw === null || raw === undefined) return 'other'
  return CHARGE_TYPES[key(raw)] ?? 'other'
}

function isoMonth(year: number, month: number): string | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return null
  return `${year}-${String(month).padStart(2, '0')}-01`
}

/**
 * The first day of a billing month as `YYYY-MM-01`, from `2026-03`, `2026-03-15`, `202603`,
 * `2026-3`, `2026/03`, `2026-03-01T00:00:00Z` (the written date, not converted between time zones) or a Date (read in UTC,
 * as the database driver builds dates). Null for anything else.
 */
export function parseBillingPeriod(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : isoMonth(value.getUTCFullYear(), value.getUTCMonth() + 1)
  }
  if (typeof value !== 'string') return null
  const text = value.trim()
  const match = PERIOD_TEXT.exec(text) ?? PERIOD_DIGITS.exec(text)
  if (match === null) return null
  const day = match[3] === undefined ? 1 : Number(match[3])
  if (day < 1 || day > 31) return null
  return isoMonth(Number(match[1]), Number(match[2]))
}
