/**
 * Which pairs of directives cannot both be obeyed in one response, and which say the same thing twice.
 * Pure functions over `Directive` lists, so a fork can be compared with its base file as easily as a file
 * with itself.
 */
import type { Directive } from "./directives.js";
import { formatsCompatible, KIND_NAMES, UNIT_IN_WORDS, verbosityClash, type Dimension } from "./vocabulary.js";

export interface Conflict {
  /** The directive that comes later (the one reported). */
  later: Directive;
  /** The earlier directive it contradicts. */
  earlier: Directive;
  /** Benchmark/message kind: `format`, `length`, `lists`... */
  kind: Dimension;
}

/** Two directives can meet in one response: same scope, neither conditional, different sentences. */
export function comparable(a: Directive, b: Directive): boolean {
  if (a.conditional || b.conditional) return false;
  if (a.scope !== b.scope) {
    const universalAgainst = (x: Directive, y: Directive) => x.universal && x.dimension === y.dimension && y.polarity === 1;
    if (!universalAgainst(a, b) && !universalAgainst(b, a)) return false;
  }
  // A narrow prohibition ("no links to competitor sites") leaves room for a general requirement; a general
  // prohibition does not leave room for a narrow requirement.
  // "these links", "on them": the rule is about things named elsewhere, which we cannot compare.
  if (a.qualifier === "(referent)" || b.qualifier === "(referent)") return false;
  if (a.dimension === b.dimension && a.polarity !== b.polarity) {
    const neg = a.polarity === -1 ? a : b;
    const pos = a.polarity === -1 ? b : a;
    if (neg.qualifier && neg.qualifier !== pos.qualifier) return false;
  }
  if (a.filePath === b.filePath && a.range[0] === b.range[0]) return false;
  return true;
}

function wordsInterval(d: Directive): [number, number] | undefined {
  if (!d.bound || d.dimension !== "length") return undefined;
  const factor = UNIT_IN_WORDS[d.bound.unit];
  if (!factor) return undefined;
  return [d.bound.min * factor[0], d.bound.max === Infinity ? Infinity : d.bound.max * factor[1]];
}

function disjoint(a: [number, number], b: [number, number]): boolean {
  return a[1] < a[0] || b[1] < b[0] ? false : a[1] < b[0] || b[1] < a[0];
}

const WHOLE_FORMATS = new Set(["json", "yaml", "xml", "csv"]);

/** The kind of contradiction between two comparable directives, or undefined when both can be obeyed. */
export function conflictKind(a: Directive, b: Directive): Dimension | undefined {
  const bothStrong = !a.permissive && !b.permissive;
  // Same value, opposite polarity: "use emoji" vs "never use emoji". A permission clashes with a prohibition.
  if (a.dimension === b.dimension && a.value === b.value && a.polarity !== b.polarity && !a.bound && !b.bound) {
    const positive = a.polarity === 1 ? a : b;
    const negative = a.polarity === 1 ? b : a;
    if (negative.permissive) return undefined;
    if (a.dimension === "disclosure" || a.dimension === "persona") return a.dimension;
    void positive;
    return a.dimension;
  }
  if (a.polarity !== 1 || b.polarity !== 1) {
    // A prohibition of "any tool" against the use of a named one; a prohibited topic named more narrowly.
    if (a.dimension === "tools" && b.dimension === "tools" && a.polarity !== b.polarity) {
      const neg = a.polarity === -1 ? a : b;
      const pos = a.polarity === -1 ? b : a;
      if (neg.value === "*" && !neg.permissive) return "tools";
      if (pos.value === "*" && pos.permissive) return undefined;
    }
    if (a.dimension === "disclosure" && b.dimension === "disclosure" && a.polarity !== b.polarity && a.topic && b.topic) {
      const neg = a.polarity === -1 ? a : b;
      if (neg.permissive) return undefined;
      const [small, large] = a.topic.length <= b.topic.length ? [a.topic, b.topic] : [b.topic, a.topic];
      if (small.every((w) => large.includes(w))) return "disclosure";
    }
    return undefined;
  }
  // Both positive from here on.
  if (a.dimension === "format" && b.dimension === "format") {
    if (!bothStrong) return undefined;
    if ((a.exclusive || b.exclusive) && !formatsCompatible(a.value, b.value)) return "format";
    return undefined;
  }
  const pair = (x: Dimension, y: Dimension) => (a.dimension === x && b.dimension === y ? [a, b] : b.dimension === x && a.dimension === y ? [b, a] : undefined);
  const fl = pair("format", "lists");
  if (fl && bothStrong) {
    const [format] = fl as [Directive, Directive];
    if (format.exclusive && (format.value === "prose" || format.value === "plaintext" || WHOLE_FORMATS.has(format.value))) return WHOLE_FORMATS.has(format.value) ? "format" : "lists";
  }
  if (a.dimension === "verbosity" && b.dimension === "verbosity" && verbosityClash(a.value, b.value) && bothStrong) return "verbosity";
  const vl = pair("verbosity", "length");
  if (vl && bothStrong) {
    const [verbosity, length] = vl as [Directive, Directive];
    const words = wordsInterval(length);
    if (words) {
      if ((verbosity.value === "brief" || verbosity.value === "concise") && words[0] >= 250) return "length";
      if ((verbosity.value === "detailed" || verbosity.value === "thorough") && words[1] <= 60) return "length";
    }
  }
  if (a.dimension === "length" && b.dimension === "length" && bothStrong) {
    const wa = wordsInterval(a);
    const wb = wordsInterval(b);
    if (wa && wb && disjoint(wa, wb)) return "length";
  }
  if (a.dimension === "count" && b.dimension === "count" && a.value === b.value && a.bound && b.bound && bothStrong) {
    if (disjoint([a.bound.min, a.bound.max], [b.bound.min, b.bound.max])) return "count";
  }
  if (a.dimension === "language" && b.dimension === "language" && a.value !== b.value && bothStrong) return "language";
  if (a.dimension === "tone" && b.dimension === "tone" && a.value !== b.value && bothStrong) return "tone";
  if (a.dimension === "persona" && b.dimension === "persona" && a.value !== b.value) return "persona";
  return undefined;
}

/**
 * Contradictions inside one list (`findConflicts(a)`) or between a file and another one such as its base
 * (`findConflicts(a, b)`: every directive of `a` against every directive of `b`, reported on `a`).
 * At most one conflict is reported per later sentence and kind.
 */
export function findConflicts(a: readonly Directive[], b?: readonly Directive[]): Conflict[] {
  return searchConflicts(a, b).conflicts;
}

/**
 * Pairs compared before a search gives up. Only pairs that could conflict are compared (same kind family and
 * scope): the largest published system prompts need a few hundred, and this budget costs tens of milliseconds.
 */
export const MAX_COMPARED_PAIRS = 50_000;

export interface ConflictSearch {
  conflicts: Conflict[];
  /** The later directive at which the budget ran out: it and those after it were not fully compared. */
  stoppedAt?: Directive;
  /** Pairs compared. */
  compared: number;
}

/**
 * `conflictKind` only ever sets a directive against one of the same dimension, or format against lists and
 * verbosity against length; `comparable` only lets directives of different scopes meet when one is a universal
 * prohibition of the other's dimension. Directives are indexed by that, so a search compares the pairs that
 * could conflict, in the order a comparison of every pair would (the first conflict of a kind wins), and a
 * property test holds it equal to that comparison.
 */
const FAMILY: Partial<Record<Dimension, Dimension>> = { lists: "format", length: "verbosity" };

class CandidateIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly universals = new Map<Dimension, number[]>();
  private readonly positives = new Map<Dimension, number[]>();

  constructor(private readonly directives: readonly Directive[]) {}

  add(i: number): void {
    const d = this.directives[i]!;
    if (d.conditional) return; // never comparable
    push(this.buckets, `${FAMILY[d.dimension] ?? d.dimension}\0${d.scope}`, i);
    if (d.universal) push(this.universals, d.dimension, i);
    if (d.polarity === 1) push(this.positives, d.dimension, i);
  }

  /** Indexes (ascending, below `end`) of the directives that `later` could conflict with, written into `out`. */
  candidates(later: Directive, end: number, out: number[]): number[] {
    out.length = 0;
    if (later.conditional) return out;
    const same = this.buckets.get(`${FAMILY[later.dimension] ?? later.dimension}\0${later.scope}`) ?? [];
    const universals = later.polarity === 1 ? this.universals.get(later.dimension) : undefined;
    const positives = later.universal ? this.positives.get(later.dimension) : undefined;
    const across = universals && positives ? [...new Set([...universals, ...positives])].sort((x, y) => x - y) : (universals ?? positives ?? []);
    // Merge the two ascending lists; same-scope directives of `across` are in `same` already.
    let s = 0;
    let c = 0;
    for (;;) {
      while (c < across.length && this.directives[across[c]!]!.scope === later.scope) c++;
      const x = s < same.length ? same[s]! : Infinity;
      const y = c < across.length ? across[c]! : Infinity;
      const next = x < y ? x : y;
      if (next >= end) return out;
      out.push(next);
      if (next === x) s++;
      else c++;
    }
  }
}

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** `findConflicts` with its budget: stops after `maxPairs` compared pairs and says where. */
export function searchConflicts(a: readonly Directive[], b?: readonly Directive[], maxPairs = MAX_COMPARED_PAIRS): ConflictSearch {
  const conflicts: Conflict[] = [];
  const reported = new Set<string>();
  let compared = 0;
  const consider = (later: Directive, earlier: Directive) => {
    compared++;
    if (!comparable(later, earlier)) return;
    const kind = conflictKind(later, earlier);
    if (!kind) return;
    const key = `${later.filePath ?? ""}:${later.range[0]}:${KIND_NAMES[kind]}`;
    if (reported.has(key)) return;
    reported.add(key);
    conflicts.push({ later, earlier, kind });
  };
  const earlier = b ?? [...a].sort((x, y) => x.range[0] - y.range[0]);
  const later = b ? a : earlier;
  const index = new CandidateIndex(earlier);
  if (b) for (let i = 0; i < b.length; i++) index.add(i);
  const candidates: number[] = [];
  for (let j = 0; j < later.length; j++) {
    const x = later[j]!;
    for (const i of index.candidates(x, b ? b.length : j, candidates)) {
      if (compared >= maxPairs) return { conflicts, stoppedAt: x, compared };
      consider(x, earlier[i]!);
    }
    if (!b) index.add(j);
  }
  return { conflicts, compared };
}

export interface Duplicate {
  later: Directive;
  earlier: Directive;
}

function sameClaim(a: Directive, b: Directive): boolean {
  if (a.dimension !== b.dimension || a.value !== b.value || a.polarity !== b.polarity || a.permissive !== b.permissive) return false;
  if (a.qualifier !== b.qualifier) return false;
  // Prohibitions may be fragments ("No emoji."); requirements must be commands on both sides.
  if (a.polarity === 1 && !(a.command && b.command) && !a.bound) return false;
  if (a.bound || b.bound) return Boolean(a.bound && b.bound && a.bound.min === b.bound.min && a.bound.max === b.bound.max);
  if (a.dimension === "format" && a.exclusive !== b.exclusive) return false;
  return true;
}

/** A sentence that states little besides its rule: only such sentences can repeat one another. */
function isShortRule(d: Directive): boolean {
  const words = d.sentence.match(/[A-Za-z][\w'-]*/g) ?? [];
  return words.length > 0 && words.length <= 12;
}

/**
 * The same rule stated twice in different short sentences (same dimension, value, polarity, bound and scope).
 * Long sentences that merely touch the same value say more than the rule, so they are not repetitions.
 */
export function findDuplicates(directives: readonly Directive[]): Duplicate[] {
  const sorted = [...directives].sort((x, y) => x.range[0] - y.range[0]);
  // Two scopes only meet through a universal rule against a requirement, and the same claim has one polarity:
  // a repetition across scopes needs a universal requirement, which the extractor never makes (its universal
  // rules are prohibitions). Should one appear, every pair is compared.
  if (sorted.some((d) => d.universal && d.polarity === 1)) return duplicatesPairwise(sorted);
  // Every directive that can repeat another is filed under everything `comparable` and `sameClaim` compare, so
  // the earliest repetition is the first entry of its key from another sentence: one lookup per directive.
  const out: Duplicate[] = [];
  const reported = new Set<number>();
  const byClaim = new Map<string, Directive[]>();
  for (const later of sorted) {
    if (!canRepeat(later)) continue;
    const key = claimKey(later);
    const earlier = byClaim.get(key);
    if (!reported.has(later.range[0])) {
      const first = earlier?.find((d) => d.range[0] !== later.range[0]);
      if (first) {
        out.push({ later, earlier: first });
        reported.add(later.range[0]);
      }
    }
    if (earlier) {
      // The first two entries from different sentences answer any later directive.
      if (earlier.length < 2 && earlier[0]!.range[0] !== later.range[0]) earlier.push(later);
    } else byClaim.set(key, [later]);
  }
  return out;
}

/** Every pair compared, for directives in source order: the fallback above, and the index's reference in tests. */
export function duplicatesPairwise(sorted: readonly Directive[]): Duplicate[] {
  const out: Duplicate[] = [];
  const reported = new Set<number>();
  for (let j = 0; j < sorted.length; j++) {
    const later = sorted[j]!;
    if (reported.has(later.range[0])) continue;
    for (let i = 0; i < j; i++) {
      const earlier = sorted[i]!;
      if (earlier.range[0] === later.range[0]) continue;
      if (!comparable(later, earlier) || !sameClaim(later, earlier)) continue;
      if (!isShortRule(later) || !isShortRule(earlier)) continue;
      out.push({ later, earlier });
      reported.add(later.range[0]);
      break;
    }
  }
  return out;
}

/** Can be half of a repetition: comparable with something, a short rule, and a command if it is a requirement. */
function canRepeat(d: Directive): boolean {
  if (d.conditional || d.qualifier === "(referent)" || !isShortRule(d)) return false;
  return !(d.polarity === 1 && !d.bound && !d.command);
}

/** Everything two repetitions in one scope share. */
function claimKey(d: Directive): string {
  return JSON.stringify([d.scope, d.dimension, d.value, d.polarity, d.permissive, d.qualifier ?? null, d.bound ? [d.bound.min, d.bound.max] : null, d.dimension === "format" ? d.exclusive : null]);
}
