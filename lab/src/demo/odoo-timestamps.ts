// create/write audit columns for Odoo rows, derived from the world's anchor date.
import { dayToSeconds, formatTimestamp } from './dates.ts'
import type { Random } from './random.ts'
import type { Row } from './table-spec.ts'

/** create/write dates: most records were touched a few times, some long after they were created. */
export function timestamps(random: Random, createdAt: number, anchorDay: number): Row {
  const end = dayToSeconds(anchorDay) - 3600
  const created = Math.min(createdAt, end - 86_400)
  const written = random.chance(0.3) ? created : created + Math.floor(random.next() * (end - created))
  return {
    create_date: formatTimestamp(created),
    write_date: formatTimestamp(written),
    create_uid: 2,
    write_uid: 2,
  }
}
