/**
 * How the time of a function grows with the size of its input, measured so that it holds on a shared, loaded
 * machine. Time is this process's CPU time, not wall-clock time: with a dozen processes on two cores, a 100 ms
 * run is preempted many times and a 1 ms run rarely, so wall-clock ratios mostly measure the load. Runs come in
 * batches of a few milliseconds (per-call mean), after a warm-up; the fastest batch counts (interference only
 * ever adds time), and the large input is re-run only while the ratio looks too high.
 *
 * One effect is not about the algorithm: at 10,000 characters most of what a run allocates dies young, at 100,000
 * part of it is promoted and collected again (and libraries such as markdown-it grow per-line arrays), a step in
 * the cost per character. So a tenfold ratio over the limit gets a second opinion from the local growth between
 * half the large size and the large size, where that step is behind: linear gives 2, n log n a little more,
 * quadratic 4. When that step falls between half the large size and the large size, a third opinion compares
 * twice the large size with the large size. The result is a ratio between sizes, never a time limit.
 */

/** CPU time of this process in milliseconds (all its threads: the garbage collector's work counts too). */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

export interface GrowthOptions {
  small?: number;
  large?: number;
  /** Highest acceptable time ratio between the large and the small size (per tenfold size: 10 is linear, 100 quadratic). */
  limit?: number;
  /** Highest acceptable ratio between the large size and half of it (2 is linear, 2.8 n^1.5, 4 quadratic). */
  doublingLimit?: number;
  /** Time under which the large run counts as fast whatever the ratio: timer noise and fixed costs dominate there. */
  noiseMs?: number;
  /** Attempts at the large size before the ratio is accepted as measured... */
  attempts?: number;
  /** ...unless the large runs have taken this long in all (a slow subject's noise is a small part of its time). */
  budgetMs?: number;
}

export interface Growth {
  smallMs: number;
  largeMs: number;
  /** Time ratio, normalised to a tenfold size ratio (the generators cut to whole items). */
  ratio: number;
  /** Time ratio between the large size and half of it, normalised to a twofold size ratio; measured only when `ratio` is over the limit. */
  doubling?: number;
  /** Time ratio between twice the large size and the large size; measured only when `doubling` is over its limit too. */
  nextDoubling?: number;
  ok: boolean;
}

/** Untimed preparation (parsing a document for a detector), then the timed run. */
export interface Subject<T> {
  prepare(text: string): T;
  run(prepared: T): unknown;
}

async function timeOnce<T>(subject: Subject<T>, text: string): Promise<number> {
  const prepared = subject.prepare(text);
  const started = cpuMs();
  const result = subject.run(prepared);
  if (result instanceof Promise) await result;
  return cpuMs() - started;
}

/**
 * Per-call time of one batch: runs until `minMs` have passed (at least one run). A batch amortises the garbage
 * collections a run leaves behind at the rate the size really causes them; the fastest single run of a small
 * input is the one no collection hit, which would flatter the small size against the large one.
 */
async function timeBatch<T>(subject: Subject<T>, text: string, minMs: number): Promise<number> {
  let total = 0;
  let calls = 0;
  while ((total < minMs && calls < 1_000) || calls === 0) {
    total += await timeOnce(subject, text);
    calls++;
  }
  return total / calls;
}

/** The fastest of up to `attempts` batches, stopping as soon as `good` holds or the batches have used `budgetMs`. */
async function timeBest<T>(subject: Subject<T>, text: string, minMs: number, attempts: number, budgetMs: number, good: (ms: number) => boolean): Promise<number> {
  let best = Infinity;
  let spent = 0;
  for (let attempt = 0; attempt < attempts && spent < budgetMs; attempt++) {
    const ms = await timeBatch(subject, text, minMs);
    spent += Math.max(ms, minMs);
    best = Math.min(best, ms);
    if (good(best)) break;
  }
  return best;
}

/** Batches of at least this many milliseconds: long enough for the clock and for a young collection or two. */
const BATCH_MS = 4;

/**
 * The growth of `subject` between `small` and `large`. A failing measurement is taken again from the start, up
 * to `rounds` times in all, and the first passing one counts: a process that shares two cores with a dozen
 * others can lose a whole measurement to a burst of load, while a super-linear subject fails every round.
 */
export async function measureGrowth<T>(subject: Subject<T>, make: (n: number) => string, options: GrowthOptions & { rounds?: number } = {}): Promise<Growth> {
  const rounds = options.rounds ?? 3;
  let growth = await measureOnce(subject, make, options);
  for (let round = 1; round < rounds && !growth.ok; round++) growth = await measureOnce(subject, make, options);
  return growth;
}

async function measureOnce<T>(subject: Subject<T>, make: (n: number) => string, options: GrowthOptions): Promise<Growth> {
  const { small = 10_000, large = 100_000, limit = 15, doublingLimit = 3, noiseMs = 2, attempts = 6, budgetMs = 1_500 } = options;
  const smallText = make(small);
  const largeText = make(large);
  // Warm-up: the first calls compile and load lexicons, tokenizers and lazily built tables.
  await timeOnce(subject, smallText);
  const smallMs = await timeBest(subject, smallText, BATCH_MS, 2, Infinity, () => false);
  const tenfold = largeText.length / smallText.length;
  const ratioOf = (ms: number) => ((ms / Math.max(smallMs, 1e-3)) * 10) / tenfold;
  // Another process or a collection can still land in one batch: retry while it looks too slow.
  const largeMs = await timeBest(subject, largeText, BATCH_MS, attempts, budgetMs, (ms) => ratioOf(ms) <= limit || ms <= noiseMs);
  const ratio = ratioOf(largeMs);
  if (ratio <= limit || largeMs <= noiseMs) return { smallMs, largeMs, ratio, ok: true };

  const halfText = make(Math.round(large / 2));
  const halfMs = await timeBest(subject, halfText, BATCH_MS, attempts, budgetMs, () => false);
  const doubling = ((largeMs / Math.max(halfMs, 1e-3)) * 2) / (largeText.length / halfText.length);
  if (doubling <= doublingLimit) return { smallMs, largeMs, ratio, doubling, ok: true };

  // A step is not a slope: past some working-set size (tens of thousands of objects) the cost per item can rise
  // once, on some machines several times over between 50k and 100k characters, and then stays. Super-linear
  // work grows as fast again at the next doubling; a step does not.
  const doubleText = make(large * 2);
  const doubleMs = await timeBest(subject, doubleText, BATCH_MS, attempts, budgetMs * 2, () => false);
  const nextDoubling = ((doubleMs / Math.max(largeMs, 1e-3)) * 2) / (doubleText.length / largeText.length);
  return { smallMs, largeMs, ratio, doubling, nextDoubling, ok: nextDoubling <= doublingLimit };
}

export function describeGrowth(g: Growth): string {
  const local = (g.doubling === undefined ? "" : `, ${g.doubling.toFixed(2)} from 50k to 100k`) + (g.nextDoubling === undefined ? "" : `, ${g.nextDoubling.toFixed(2)} from 100k to 200k`);
  return `${g.smallMs.toFixed(2)} ms at 10k, ${g.largeMs.toFixed(1)} ms at 100k: ratio ${g.ratio.toFixed(1)}${local}`;
}

/** The fastest of `runs` timed runs (after one untimed), in CPU milliseconds. */
export async function fastest<T>(subject: Subject<T>, text: string, runs: number): Promise<number> {
  await timeOnce(subject, text);
  return timeBest(subject, text, 0, runs, Infinity, () => false);
}
