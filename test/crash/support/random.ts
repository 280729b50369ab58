// A small seeded generator (mulberry32): a failing run can be replayed from its printed seed.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
