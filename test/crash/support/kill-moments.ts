// Where in a sync the kills land, drawn with a seeded random (../../support/random.ts).

/** `count` moments in [0, span): one in each of `count` equal slices, in random order, so the
 *  kills cover the whole span (its very start included) however the dice fall. */
export function spreadMoments(count: number, span: number, random: () => number): number[] {
  const slices = Array.from({ length: count }, (_, i) => i);
  for (let i = slices.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [slices[i], slices[j]] = [slices[j]!, slices[i]!];
  }
  return slices.map((slice) => Math.round(((slice + random()) / count) * span));
}
