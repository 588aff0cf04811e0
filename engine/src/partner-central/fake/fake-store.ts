// The fake's Partner Central: one map of records per catalog (AWS and Sandbox never see each other's),
// each record either visible to the partner or hidden (still kept, so a test can look at it).
import type { Catalog, PartnerCentralRecord } from '../opportunity-record.ts'

interface StoredRecord {
  record: PartnerCentralRecord
  hidden: boolean
}

export class FakeStore {
  readonly #now: () => Date
  readonly #catalogs = new Map<Catalog, Map<string, StoredRecord>>([
    ['AWS', new Map()],
    ['Sandbox', new Map()],
  ])

  constructor(now: () => Date) {
    this.#now = now
  }

  /** Inserts or replaces (visible again if it was hidden); the store keeps its own copy. */
  put(catalog: Catalog, record: PartnerCentralRecord): void {
    const { Id, LastModifiedDate, CreatedDate } = record.opportunity
    if (!Id) throw new TypeError('A Partner Central record needs opportunity.Id')
    if (!(LastModifiedDate instanceof Date) || !(CreatedDate instanceof Date)) {
      throw new TypeError(`Record ${Id} needs LastModifiedDate and CreatedDate as Dates`)
    }
    const copy = structuredClone(record)
    // Catalog is the server's: the record lives where it was put.
    copy.opportunity.Catalog = catalog
    this.#records(catalog).set(Id, { record: copy, hidden: false })
  }

  /** A deep copy of the record, hidden or not. */
  record(catalog: Catalog, id: string): PartnerCentralRecord | undefined {
    const stored = this.#records(catalog).get(id)
    return stored ? structuredClone(stored.record) : undefined
  }

  /** The record as the partner sees it: undefined when unknown or hidden. Live; callers copy. */
  visible(catalog: Catalog, id: string): PartnerCentralRecord | undefined {
    const stored = this.#records(catalog).get(id)
    return stored && !stored.hidden ? stored.record : undefined
  }

  /** Every record the partner sees, live; callers copy. */
  allVisible(catalog: Catalog): PartnerCentralRecord[] {
    return [...this.#records(catalog).values()].filter((stored) => !stored.hidden).map((s) => s.record)
  }

  /** How many records the partner sees (what a complete ListOpportunities returns). */
  size(catalog: Catalog): number {
    return this.allVisible(catalog).length
  }

  hide(catalog: Catalog, id: string): void {
    this.#existing(catalog, id).hidden = true
  }

  /**
   * Applies a change and stamps a LastModifiedDate strictly after the previous one (a clock that stands
   * still, or runs behind, must not let two versions share a date: that date is the update's lock).
   */
  write(catalog: Catalog, id: string, change: (record: PartnerCentralRecord) => void): Date {
    const stored = this.#existing(catalog, id)
    const previous = stored.record.opportunity.LastModifiedDate?.getTime() ?? 0
    change(stored.record)
    if (stored.record.opportunity.Id !== id) throw new TypeError(`A change must not alter the Id of ${id}`)
    const stamped = new Date(Math.max(this.#now().getTime(), previous + 1))
    stored.record.opportunity.LastModifiedDate = stamped
    stored.record.opportunity.Catalog = catalog
    return new Date(stamped)
  }

  #records(catalog: Catalog): Map<string, StoredRecord> {
    const records = this.#catalogs.get(catalog)
    if (!records) throw new TypeError(`Unknown catalog ${catalog}`)
    return records
  }

  #existing(catalog: Catalog, id: string): StoredRecord {
    const stored = this.#records(catalog).get(id)
    if (!stored) throw new Error(`No record ${id} in the ${catalog} catalog`)
    return stored
  }
}
