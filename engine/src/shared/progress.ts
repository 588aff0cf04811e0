// How long-running cores report progress; the CLI draws bars, jobs write it to ops.jobs.

export interface Progress {
  /** Which part of the work this is (e.g. a table name). */
  step: string
  done: number
  /** Unknown totals are undefined; bars then show a count. */
  total?: number | undefined
}

export type ProgressListener = (progress: Progress) => void

export const ignoreProgress: ProgressListener = () => {}
