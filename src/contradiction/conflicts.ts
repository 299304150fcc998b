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
function comparable(a: Directive, b: Directive): boolean {
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
  const conflicts: Conflict[] = [];
  const reported = new Set<string>();
  const consider = (later: Directive, earlier: Directive) => {
    if (!comparable(later, earlier)) return;
    const kind = conflictKind(later, earlier);
    if (!kind) return;
    const key = `${later.filePath ?? ""}:${later.range[0]}:${KIND_NAMES[kind]}`;
    if (reported.has(key)) return;
    reported.add(key);
    conflicts.push({ later, earlier, kind });
  };
  if (b) {
    for (const x of a) for (const y of b) consider(x, y);
  } else {
    const sorted = [...a].sort((x, y) => x.range[0] - y.range[0]);
    for (let j = 0; j < sorted.length; j++) for (let i = 0; i < j; i++) consider(sorted[j]!, sorted[i]!);
  }
  return conflicts;
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
  const out: Duplicate[] = [];
  const reported = new Set<number>();
  const sorted = [...directives].sort((x, y) => x.range[0] - y.range[0]);
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
