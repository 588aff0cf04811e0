// Bands from the tenant's thresholds (defaults are the product owner's: 0.85 and 0.70).

export type Band = 'auto_link' | 'review' | 'no_link'

export interface Thresholds {
  autoLink: number
  review: number
}

export const DEFAULT_THRESHOLDS: Thresholds = { autoLink: 0.85, review: 0.7 }

export function bandOf(probability: number, thresholds: Thresholds = DEFAULT_THRESHOLDS): Band {
  if (probability >= thresholds.autoLink) return 'auto_link'
  if (probability >= thresholds.review) return 'review'
  return 'no_link'
}
