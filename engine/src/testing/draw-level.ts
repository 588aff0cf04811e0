// Draws a comparison level from its probabilities (for synthetic worlds in model tests).
export function drawLevel(random: () => number, probabilities: number[]): number {
  const x = random()
  let cumulative = 0
  for (let level = 0; level < probabilities.length; level++) {
    cumulative += probabilities[level]!
    if (x < cumulative) return level
  }
  return probabilities.length - 1
}
