// CloudWatch's embedded metric format: one JSON log line that CloudWatch Logs turns into metrics, so a
// Lambda publishes metrics by writing to stdout (no SDK, no extra call). Pure: the caller writes the line.
export interface MetricLine {
  namespace: string
  /** Dimension name → value (e.g. Stage → production). */
  dimensions: Record<string, string>
  /** Metric name → value; units per metric (default Count). */
  values: Record<string, number>
  units?: Record<string, 'Count' | 'Seconds'>
  timestamp: Date
}

export function metricLogLine(line: MetricLine): string {
  return JSON.stringify({
    _aws: {
      Timestamp: line.timestamp.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: line.namespace,
          Dimensions: [Object.keys(line.dimensions)],
          Metrics: Object.keys(line.values).map((name) => ({
            Name: name,
            Unit: line.units?.[name] ?? 'Count',
          })),
        },
      ],
    },
    ...line.dimensions,
    ...line.values,
  })
}
