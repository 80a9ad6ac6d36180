// Linear-time checks without wall-clock thresholds: the time at size n is the baseline, measured in
// the same test, and the time at 8n must stay within a linear multiple of it (quadratic would be 64×).

/** Best of a few runs: the least disturbed by GC and JIT. */
export function bestTime(run: () => void, repeats = 3): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export interface Growth {
  /** Input size of the baseline. */
  n: number;
  baseMs: number;
  bigMs: number;
  /** bigMs / baseMs for 8× the input: about 8 when linear, 64 when quadratic. */
  ratio: number;
}

export const SCALE = 8;
/** Linear growth with room for cache and GC effects; quadratic growth (64) is far above it. */
export const MAX_LINEAR_RATIO = 24;

/**
 * Grows the input from `start` until the baseline takes at least `minMs` (or `maxN` is reached), then
 * compares with SCALE× the input. A suspicious ratio is measured again before it is reported.
 */
export function growth(run: (input: string) => void, input: (n: number) => string, options: { start?: number; minMs?: number; maxN?: number } = {}): Growth {
  const minMs = options.minMs ?? 3;
  const maxN = options.maxN ?? 400_000;
  let n = options.start ?? 1000;
  let base = bestTime(() => run(input(n)), 2);
  while (base < minMs && n * 2 <= maxN) {
    n *= 2;
    base = bestTime(() => run(input(n)), 2);
  }
  let result: Growth | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const small = input(n);
    const big = input(n * SCALE);
    const baseMs = Math.max(bestTime(() => run(small)), 0.05);
    const bigMs = bestTime(() => run(big));
    const measured = { n, baseMs, bigMs, ratio: bigMs / baseMs };
    if (!result || measured.ratio < result.ratio) result = measured;
    if (result.ratio < MAX_LINEAR_RATIO) break;
  }
  return result!;
}

export { repeatTo } from '../unit/regexInventory';
