// Alarms, to an SNS topic (mailed to ALERT_EMAIL when given at deploy time): jobs failing repeatedly, the
// queue backing up, work stuck on a dead worker, the queue metrics themselves going missing (a silent
// metrics function would otherwise silence every alarm above), and the API's errors. Logs: every function
// and container logs to CloudWatch Logs with the stage's retention.
import type { Loose, Platform } from './platform.ts'

export const METRICS_NAMESPACE = 'RevOpsPod'

export function createAlarms(p: Platform, deps: { api: Loose }) {
  const topic = new p.sst.aws.SnsTopic('Alerts')
  if (p.alertEmail) {
    new p.aws.sns.TopicSubscription('AlertsEmail', {
      topic: topic.arn,
      protocol: 'email',
      endpoint: p.alertEmail,
    })
  }
  const dimensions = { Stage: p.app.stage }
  const alarm = (name: string, args: Record<string, unknown>) =>
    new p.aws.cloudwatch.MetricAlarm(name, {
      alarmActions: [topic.arn],
      okActions: [topic.arn],
      treatMissingData: 'notBreaching',
      ...args,
    })
  const alarms = {
    jobsFailing: alarm('JobsFailing', {
      alarmDescription: 'Jobs failed for good (every retry used) in two of the last three 5-minute periods',
      namespace: METRICS_NAMESPACE,
      metricName: 'failedJobs',
      dimensions,
      statistic: 'Maximum',
      period: 300,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
    }),
    queueBackedUp: alarm('QueueBackedUp', {
      alarmDescription: 'The oldest queued job has waited more than 30 minutes for 10 minutes',
      namespace: METRICS_NAMESPACE,
      metricName: 'oldestQueuedSeconds',
      dimensions,
      statistic: 'Maximum',
      period: 300,
      evaluationPeriods: 2,
      threshold: 1800,
      comparisonOperator: 'GreaterThanThreshold',
    }),
    jobsStuck: alarm('JobsStuck', {
      alarmDescription: 'Jobs running on a worker that stopped, for 15 minutes',
      namespace: METRICS_NAMESPACE,
      metricName: 'stuckJobs',
      dimensions,
      statistic: 'Minimum',
      period: 300,
      evaluationPeriods: 3,
      threshold: 0,
      comparisonOperator: 'GreaterThanThreshold',
    }),
    metricsMissing: alarm('QueueMetricsMissing', {
      alarmDescription: 'No queue metrics for 15 minutes: the operations function or the database is down',
      namespace: METRICS_NAMESPACE,
      metricName: 'queuedJobs',
      dimensions,
      statistic: 'SampleCount',
      period: 300,
      evaluationPeriods: 3,
      threshold: 1,
      comparisonOperator: 'LessThanThreshold',
      treatMissingData: 'breaching',
    }),
    apiErrors: alarm('ApiErrors', {
      alarmDescription: 'The API function failed (crashed or timed out) 5 times in 5 minutes',
      namespace: 'AWS/Lambda',
      metricName: 'Errors',
      dimensions: { FunctionName: deps.api.name },
      statistic: 'Sum',
      period: 300,
      evaluationPeriods: 1,
      threshold: 5,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
    }),
  }
  return { topic, alarms }
}
