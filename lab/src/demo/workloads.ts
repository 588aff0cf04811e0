// What the deals are about. Each workload has several phrasings, so a lead title and its ACE project
// title are related without being copies of each other.
import type { Workload } from './demo-world.ts'

export const WORKLOADS: readonly Workload[] = [
  w(
    'migration',
    [
      'Data Center Migration',
      'DC exit to AWS',
      'Datacenter Migration',
      'Lift and Shift Migration',
      'Migration to AWS',
    ],
    'Migration / Database Migration',
    'Professional Services',
  ),
  w(
    'map',
    ['MAP Migration', 'MAP Assess', 'MAP Mobilize', 'Migration Acceleration Program'],
    'Migration / Database Migration',
    'Professional Services',
  ),
  w(
    'vmware',
    ['VMware Cloud Migration', 'VMware Exit', 'vSphere to EC2 Migration'],
    'Migration / Database Migration',
    'Professional Services',
  ),
  w('sap', ['SAP on AWS', 'SAP S/4HANA Migration', 'SAP RISE Landing Zone'], 'SAP', 'Professional Services'),
  w(
    'windows',
    ['Windows Workloads Migration', 'Windows Server Modernization', '.NET Modernization'],
    'Migration / Database Migration',
    'Professional Services',
  ),
  w(
    'sql',
    ['SQL Server to Aurora', 'Database Modernization', 'Oracle to PostgreSQL Migration', 'RDS Migration'],
    'Migration / Database Migration',
    'Professional Services',
  ),
  w(
    'datalake',
    ['Data Lake', 'Data Lake Build', 'Analytics Platform', 'Lakehouse on AWS', 'Data Platform Modernization'],
    'AI Machine Learning and Analytics',
    'Professional Services',
  ),
  w(
    'genai',
    [
      'GenAI Chatbot',
      'Generative AI PoC',
      'Bedrock Assistant',
      'AI Document Processing',
      'LLM Knowledge Base',
    ],
    'AI Machine Learning and Analytics',
    'Professional Services',
  ),
  w(
    'ml',
    ['ML Forecasting', 'Demand Forecasting', 'SageMaker Platform', 'Predictive Maintenance'],
    'AI Machine Learning and Analytics',
    'Professional Services',
  ),
  w(
    'bi',
    ['BI Dashboards', 'QuickSight Rollout', 'Reporting Modernization'],
    'AI Machine Learning and Analytics',
    'Professional Services',
  ),
  w(
    'containers',
    ['Kubernetes Platform', 'EKS Migration', 'Container Platform', 'Microservices on EKS'],
    'Containers & Serverless',
    'Professional Services',
  ),
  w(
    'serverless',
    ['Serverless Rebuild', 'App Modernization', 'Serverless API Platform'],
    'Containers & Serverless',
    'Professional Services',
  ),
  w(
    'managed',
    ['Managed Services', 'Cloud Managed Services', '24x7 Managed Ops', 'MSP Agreement'],
    'Cloud Management Tools',
    'Managed Services',
  ),
  w(
    'resell',
    ['AWS Resale', 'Consolidated Billing', 'AWS Billing Transfer', 'Reseller Account Onboarding'],
    'Cloud Management Tools',
    'Resell',
  ),
  w(
    'finops',
    ['Cost Optimization', 'FinOps Assessment', 'Savings Plans Review'],
    'Cloud Management Tools',
    'Professional Services',
  ),
  w(
    'security',
    ['Security Assessment', 'Security Hub Rollout', 'SOC2 Readiness', 'Zero Trust Network'],
    'Security & Compliance',
    'Professional Services',
  ),
  w(
    'landingzone',
    ['Landing Zone', 'Control Tower Setup', 'Multi-Account Foundation', 'Cloud Foundation'],
    'Security & Compliance',
    'Professional Services',
  ),
  w(
    'backup',
    ['Backup and DR', 'Disaster Recovery', 'Elastic Disaster Recovery', 'Backup Modernization'],
    'Storage & Backup',
    'Professional Services',
  ),
  w(
    'storage',
    ['File Server Migration', 'Storage Consolidation', 'FSx Migration'],
    'Storage & Backup',
    'Professional Services',
  ),
  w(
    'euc',
    ['WorkSpaces Rollout', 'Virtual Desktops', 'AppStream Deployment'],
    'End User Computing',
    'Managed Services',
  ),
  w(
    'connect',
    ['Amazon Connect Contact Center', 'Contact Center Modernization', 'Call Center on Connect'],
    'Business Applications & Contact Center',
    'Professional Services',
  ),
  w('iot', ['IoT Platform', 'Connected Devices', 'Fleet Telemetry'], 'IoT', 'Professional Services'),
  w(
    'ecommerce',
    ['E-commerce Replatform', 'Web Store on AWS', 'Headless Commerce'],
    'Containers & Serverless',
    'Professional Services',
  ),
  w(
    'hpc',
    ['HPC Cluster', 'Genomics Pipeline', 'Render Farm'],
    'High Performance Computing',
    'Professional Services',
  ),
  w(
    'saas',
    ['SaaS Platform Launch', 'Multi-tenant SaaS Build', 'SaaS on AWS Marketplace'],
    'Containers & Serverless',
    'SaaS or PaaS',
  ),
  w(
    'network',
    ['SD-WAN Integration', 'Network Modernization', 'Transit Gateway Design'],
    'Networking',
    'Professional Services',
  ),
  w(
    'media',
    ['Video Streaming Platform', 'Media Archive', 'Live Streaming on AWS'],
    'Media Services',
    'Professional Services',
  ),
  w(
    'edtech',
    ['LMS Hosting', 'Student Portal Migration', 'Canvas Integration'],
    'Migration / Database Migration',
    'Professional Services',
  ),
]

function w(key: string, phrases: readonly string[], useCase: string, deliveryModel: string): Workload {
  return { key, phrases, useCase, deliveryModel }
}

// biome-ignore format: packed data list
export const QUALIFIERS = [
  'Phase 2', 'Phase II', 'Phase 1', '2026', '2025', 'PoC', 'Pilot', 'Expansion', 'Renewal', 'Wave 1',
  'Wave 2', 'Q3', 'Prod', 'EU', 'US-East', 'Year 2',
] as const

/** Generic titles people give opportunities when they cannot be bothered. */
// biome-ignore format: packed data list
export const GENERIC_TITLES = [
  'AWS Opportunity', 'Cloud Migration', 'New AWS Project', 'AWS', 'Migration', 'Cloud Services',
  'Opportunity',
] as const
