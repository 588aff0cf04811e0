import { describe, expect, it } from 'vitest'
import { categorizeChargeType, normalizeServiceName, parseBillingPeriod } from './billing.ts'

describe('normalizeServiceName', () => {
  it.each([
    ['AmazonEC2', 'Amazon Elastic Compute Cloud'],
    ['Amazon Elastic Compute Cloud', 'Amazon Elastic Compute Cloud'],
    ['Amazon EC2', 'Amazon Elastic Compute Cloud'],
    ['EC2 - Other', 'Amazon Elastic Compute Cloud'],
    ['EC2-Instances', 'Amazon Elastic Compute Cloud'],
    ['Amazon Elastic Compute Cloud - Compute', 'Amazon Elastic Compute Cloud'],
    ['amazon elastic compute cloud', 'Amazon Elastic Compute Cloud'],
    ['AmazonS3', 'Amazon Simple Storage Service'],
    ['Amazon Simple Storage Service', 'Amazon Simple Storage Service'],
    ['AmazonRDS', 'Amazon Relational Database Service'],
    ['AWSLambda', 'AWS Lambda'],
    ['AmazonCloudFront', 'Amazon CloudFront'],
    ['AmazonDynamoDB', 'Amazon DynamoDB'],
    ['AmazonVPC', 'Amazon Virtual Private Cloud'],
    ['AWSSupportBusiness', 'AWS Support (Business)'],
    ['AWS Support [Business]', 'AWS Support (Business)'],
    ['AWSSupportEnterprise', 'AWS Support (Enterprise)'],
    ['AWSSupportDeveloper', 'AWS Support (Developer)'],
    ['AmazonCloudWatch', 'Amazon CloudWatch'],
    ['AmazonEKS', 'Amazon Elastic Kubernetes Service'],
    ['AmazonECS', 'Amazon Elastic Container Service'],
    ['Amazon EC2 Container Service', 'Amazon Elastic Container Service'],
    ['Amazon EC2 Container Registry (ECR)', 'Amazon Elastic Container Registry'],
    ['AWSELB', 'Elastic Load Balancing'],
    ['Amazon Elastic Load Balancing', 'Elastic Load Balancing'],
    ['awskms', 'AWS Key Management Service'],
    ['AmazonRoute53', 'Amazon Route 53'],
    ['AmazonSageMaker', 'Amazon SageMaker'],
    ['AmazonBedrock', 'Amazon Bedrock'],
    ['AmazonRedshift', 'Amazon Redshift'],
    ['AmazonES', 'Amazon OpenSearch Service'],
    ['Amazon Elasticsearch Service', 'Amazon OpenSearch Service'],
    ['AmazonElastiCache', 'Amazon ElastiCache'],
    ['AWSDataTransfer', 'AWS Data Transfer'],
    ['AWSQueueService', 'Amazon Simple Queue Service'],
    ['AmazonStates', 'AWS Step Functions'],
    ['Tax', 'Tax'],
    ['  TAX ', 'Tax'],
  ])('does map %j to %j', (raw, canonical) => {
    expect(normalizeServiceName(raw)).toBe(canonical)
  })

  it('does return unknown services trimmed, with single spaces', () => {
    expect(normalizeServiceName('  Amazon   Nova Act ')).toBe('Amazon Nova Act')
    expect(normalizeServiceName('Acme Managed Service')).toBe('Acme Managed Service')
  })

  it('does return null for blank', () => {
    expect(normalizeServiceName(null)).toBeNull()
    expect(normalizeServiceName(undefined)).toBeNull()
    expect(normalizeServiceName('   ')).toBeNull()
  })
})

describe('categorizeChargeType', () => {
  it.each([
    ['usage', 'usage'],
    ['Usage', 'usage'],
    ['discounted usage', 'discounted_usage'],
    ['DiscountedUsage', 'discounted_usage'],
    ['RIFee', 'ri_fee'],
    ['ri fee', 'ri_fee'],
    ['Recurring reservation fee', 'ri_fee'],
    ['Fee', 'fee'],
    ['Tax', 'tax'],
    ['TAX', 'tax'],
    ['Credit', 'credit'],
    ['Refund', 'refund'],
    ['SavingsPlanCoveredUsage', 'savings_plan'],
    ['Savings Plan Covered Usage', 'savings_plan'],
    ['SavingsPlanNegation', 'savings_plan'],
    ['SavingsPlanRecurringFee', 'savings_plan'],
    ['Solution Provider Program Discount', 'discount'],
    ['solution_provider_program_discount', 'discount'],
    ['Distributor Discount', 'discount'],
    ['BundledDiscount', 'discount'],
    ['EdpDiscount', 'discount'],
  ])('does put %j in %j', (raw, category) => {
    expect(categorizeChargeType(raw)).toBe(category)
  })

  it('does put unknown and blank charge types in other', () => {
    expect(categorizeChargeType('Adjustment')).toBe('other')
    expect(categorizeChargeType('')).toBe('other')
    expect(categorizeChargeType(null)).toBe('other')
  })
})

describe('parseBillingPeriod', () => {
  it.each([
    ['2026-03', '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
    ['2026-03-31', '2026-03-01'],
    [' 2026-03 ', '2026-03-01'],
    ['2026/03', '2026-03-01'],
    ['2026-3', '2026-03-01'],
    ['202603', '2026-03-01'],
    ['20260315', '2026-03-01'],
    ['2026-03-01T00:00:00Z', '2026-03-01'],
    ['2026-02-28 23:00:00-05', '2026-02-01'],
    ['2025-12', '2025-12-01'],
  ])('does read %j as %j', (raw, period) => {
    expect(parseBillingPeriod(raw)).toBe(period)
  })

  it('does read dates in UTC, as the database driver builds them', () => {
    expect(parseBillingPeriod(new Date('2026-03-01'))).toBe('2026-03-01')
    expect(parseBillingPeriod(new Date('2026-03-31T23:59:59Z'))).toBe('2026-03-01')
    expect(parseBillingPeriod(new Date(Date.UTC(2025, 11, 15)))).toBe('2025-12-01')
  })

  it.each([
    '2026-13',
    '2026-00',
    '2026-03-32',
    '26-03',
    'March 2026',
    '',
    'n/a',
    null,
    undefined,
    202603,
    {},
  ])('does return null for %j', (raw) => {
    expect(parseBillingPeriod(raw)).toBeNull()
  })

  it('does return null for an invalid Date', () => {
    expect(parseBillingPeriod(new Date('nonsense'))).toBeNull()
  })
})
