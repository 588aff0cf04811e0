// The `k6/metrics` module for scripts run by the local runner: custom metrics are accepted and ignored
// (the runner reports the built-in ones: http_req_duration, http_req_failed, checks, iterations).
class Metric {
  readonly name: string
  constructor(name: string) {
    this.name = name
  }
  add(_value: number, _tags?: Record<string, string>): void {}
}
export class Trend extends Metric {}
export class Counter extends Metric {}
export class Rate extends Metric {}
export class Gauge extends Metric {}
export default { Trend, Counter, Rate, Gauge }
