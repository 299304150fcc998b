/**
 * Scoring for the PII benchmark: precision and recall per type, from labelled values (our fixtures) or from
 * labelled character spans (the presidio corpora). Pure functions, unit-tested.
 */
import type { PiiType } from "./types.js";

export interface Counts {
  /** Predictions that are right. */
  tp: number;
  /** Predictions that are wrong. */
  fp: number;
  /** Gold items no prediction found. */
  fn: number;
  /** Gold items some prediction found (differs from `tp` only in span scoring, where one prediction may cover several gold parts). */
  found?: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
}

/** Precision and recall; an empty denominator scores 1 (nothing to get wrong). */
export function score(c: Counts): Scores {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const found = c.found ?? c.tp;
  const recall = found + c.fn === 0 ? 1 : found / (found + c.fn);
  return { ...c, precision, recall };
}

/** A labelled or predicted value at a line of a file. */
export interface LineValue {
  file: string;
  type: PiiType;
  line: number;
  value: string;
}

function norm(value: string): string {
  return value.replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * Matches predictions to labels one-to-one: same file, type and line, and one value contains the other
 * (detectors may include or leave out a trailing unit or city). Exact-value matches are paired first.
 */
export function scoreLineValues(predicted: readonly LineValue[], gold: readonly LineValue[]): Map<PiiType, Counts> {
  const counts = new Map<PiiType, Counts>();
  const get = (t: PiiType) => {
    let c = counts.get(t);
    if (!c) counts.set(t, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  const used = new Set<number>();
  const pending: LineValue[] = [];
  const sameSlot = (p: LineValue, g: LineValue) => p.file === g.file && p.type === g.type && p.line === g.line;
  for (const p of predicted) {
    const k = gold.findIndex((g, i) => !used.has(i) && sameSlot(p, g) && norm(g.value) === norm(p.value));
    if (k === -1) pending.push(p);
    else {
      used.add(k);
      get(p.type).tp++;
    }
  }
  for (const p of pending) {
    const pv = norm(p.value);
    const k = gold.findIndex((g, i) => {
      if (used.has(i) || !sameSlot(p, g)) return false;
      const gv = norm(g.value);
      return gv.includes(pv) || pv.includes(gv);
    });
    if (k === -1) get(p.type).fp++;
    else {
      used.add(k);
      get(p.type).tp++;
    }
  }
  gold.forEach((g, i) => {
    if (!used.has(i)) get(g.type).fn++;
  });
  return counts;
}

export interface Span {
  type: PiiType;
  start: number;
  end: number;
}

/**
 * Span scoring for one text: a prediction is a true positive when it overlaps a gold span of its type, a gold
 * span is found when some prediction of its type overlaps it. Gold data often splits one address into parts
 * (number + street, unit, city, ZIP), so overlap is the fair test.
 */
export function scoreSpans(predicted: readonly Span[], gold: readonly Span[], into: Map<PiiType, Counts> = new Map()): Map<PiiType, Counts> {
  const get = (t: PiiType) => {
    let c = into.get(t);
    if (!c) into.set(t, (c = { tp: 0, fp: 0, fn: 0, found: 0 }));
    return c;
  };
  const overlaps = (a: Span, b: Span) => a.type === b.type && a.start < b.end && b.start < a.end;
  for (const p of predicted) {
    if (gold.some((g) => overlaps(p, g))) get(p.type).tp++;
    else get(p.type).fp++;
  }
  for (const g of gold) {
    const c = get(g.type);
    if (predicted.some((p) => overlaps(p, g))) c.found = (c.found ?? 0) + 1;
    else c.fn++;
  }
  return into;
}

/** Adds counts of `b` into `a`. */
export function addCounts(a: Map<PiiType, Counts>, b: Map<PiiType, Counts>): Map<PiiType, Counts> {
  for (const [t, c] of b) {
    const x = a.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    const sum: Counts = { tp: x.tp + c.tp, fp: x.fp + c.fp, fn: x.fn + c.fn };
    if (x.found !== undefined || c.found !== undefined) sum.found = (x.found ?? x.tp) + (c.found ?? c.tp);
    a.set(t, sum);
  }
  return a;
}

/** 32-bit FNV-1a over UTF-16 code units: a stable hash for splitting labelled data. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The frozen split of a labelled corpus: an item whose key hashes to 0, 1 or 2 (mod 10) is held out (about 30%).
 * Detectors are tuned on the rest only; the held-out part is scored, never read while tuning. Keys are chosen so
 * that near-copies land on the same side (for generated sentences, the template they came from).
 */
export function isHeldOut(key: string): boolean {
  return fnv1a(key) % 10 < 3;
}
