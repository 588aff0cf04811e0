// Bridges graphile-worker's logger to ours.
import type { Logger as AppLogger } from '@revops/engine/shared'
import { Logger } from 'graphile-worker'

export function graphileLogger(log: AppLogger): Logger {
  return new Logger(() => (level, message, meta) => {
    // Job metadata is large (the whole job row); keep it for problems only.
    const fields = level === 'error' || level === 'warning' ? { meta } : undefined
    if (level === 'error') log.error(message, fields)
    else if (level === 'warning') log.warn(message, fields)
    else if (level === 'info') log.info(message, fields)
    else log.debug(message, fields)
  })
}

export const silentGraphileLogger = new Logger(() => () => {})
