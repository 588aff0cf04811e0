// Where the customer is: same postal code or city, same state, or different states.
import { foldText } from '../../normalize/fold-text.ts'
import { type Comparison, NULL_LEVEL } from '../model/comparison.ts'
import { cached, type MatchRecord, stringValue } from '../record.ts'

interface LocationFields {
  state: string
  city?: string | undefined
  postal?: string | undefined
  country?: string | undefined
}

export function locationComparison(spec: {
  name: string
  description?: string | undefined
  left: LocationFields
  right: LocationFields
}): Comparison<MatchRecord> {
  const read = (record: MatchRecord, field: string | undefined) => {
    if (!field) return null
    return cached(record, `place:${field}`, () => {
      const value = stringValue(record, field)
      return value ? foldText(value).replace(/\s+/g, ' ').trim() : null
    })
  }
  return {
    name: spec.name,
    description: spec.description ?? 'customer location',
    levels: [
      { label: 'same city or postal code' },
      { label: 'same state' },
      { label: 'different state' },
      { label: 'different country' },
    ],
    compare(left, right) {
      const countryA = read(left, spec.left.country)
      const countryB = read(right, spec.right.country)
      if (countryA && countryB && countryA !== countryB)
        return { level: 3, value: `${countryA} / ${countryB}` }
      const stateA = read(left, spec.left.state)
      const stateB = read(right, spec.right.state)
      if (!stateA || !stateB) return { level: NULL_LEVEL }
      if (stateA !== stateB) return { level: 2, value: `${stateA} / ${stateB}` }
      const postalA = read(left, spec.left.postal)?.slice(0, 5)
      const postalB = read(right, spec.right.postal)?.slice(0, 5)
      const cityA = read(left, spec.left.city)
      const cityB = read(right, spec.right.city)
      if ((postalA && postalA === postalB) || (cityA && cityA === cityB))
        return { level: 0, value: cityA ?? postalA ?? stateA }
      return { level: 1, value: stateA }
    },
  }
}
