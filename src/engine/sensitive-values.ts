/**
 * The secret and personal values found in one file, as text to look for elsewhere: in messages that quote
 * the prompt (a contradiction message quotes a whole sentence, key included), and in the rest of the file
 * (the same value on the next line of a code frame).
 *
 * Lookup is an Aho–Corasick automaton over UTF-16 code units: one pass over the text whatever the number of
 * values, so a few-shot file with thousands of addresses that share a prefix costs the same per character as
 * one with a single key. (Grapheme-aware matchers exist, but a value must match even when a combining mark
 * follows it, and they cost about ten times more per character.) ASCII letters are folded so an address
 * matches in any case; other values are then checked case-sensitively.
 */
import type { Range } from "../model/document.js";
import { maskValue } from "../rule-api/mask.js";

/** Shorter values are left alone: masking every "Ann" in a file would hide the text, not a secret. */
export const MIN_VALUE_LENGTH = 4;

/**
 * Quotes are cut to a few dozen characters; a cut value leaves its start before the ellipsis (or three dots,
 * or the closing quote of V8's JSON error excerpt `"{"a": ghp_R8mK2x"...`).
 */
const CUT_MARKS = /["']?(?:\u2026|\.\.\.)/g;

/** Where each cut mark starts: an exec loop, not `matchAll` (a text of ellipses would make a match array per mark). */
function cutMarks(text: string): number[] {
  const marks: number[] = [];
  CUT_MARKS.lastIndex = 0;
  for (let m = CUT_MARKS.exec(text); m !== null; m = CUT_MARKS.exec(text)) marks.push(m.index);
  return marks;
}
/** `…w2AA` after a value's start is its masked form (see maskValue), not a quote cut inside it. */
const MASKED_TAIL = /^\u2026[A-Za-z0-9_\-+/=.@]{1,4}(?![A-Za-z0-9])/;

interface Entry {
  value: string;
  /** Compared case-insensitively (email addresses); other values must match exactly. */
  anyCase: boolean;
}

function fold(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

export interface ValueMatch {
  range: Range;
  value: string;
}

/**
 * The automaton: a trie of the folded values with failure and output links. Nodes live in flat number
 * arrays (first child, next sibling): most nodes have one child, and an object per node is garbage that
 * costs more than the search.
 */
class Automaton {
  private readonly code: number[] = [-1];
  private readonly firstChild: number[] = [-1];
  private readonly nextSibling: number[] = [-1];
  private readonly depth: number[] = [0];
  /** A value whose folded form starts with the node's path (for cut quotes). */
  private readonly through: number[] = [-1];
  /** First value that ends at the node (-1: none); further ones chain through `nextEnd`. */
  private readonly firstEnd: number[] = [-1];
  private readonly nextEnd: number[];
  private fail: Int32Array = new Int32Array(1);
  /** Nearest node on the failure chain (excluding itself) where a value ends. */
  private outLink: Int32Array = new Int32Array(1);

  constructor(private readonly entries: readonly Entry[]) {
    this.nextEnd = new Array<number>(entries.length).fill(-1);
    entries.forEach((entry, index) => this.insert(entry.value, index));
    this.link();
  }

  private step(node: number, code: number): number {
    for (let k = this.firstChild[node]!; k !== -1; k = this.nextSibling[k]!) if (this.code[k] === code) return k;
    return -1;
  }

  private insert(value: string, index: number): void {
    let node = 0;
    for (let i = 0; i < value.length; i++) {
      const code = fold(value.charCodeAt(i));
      let child = this.step(node, code);
      if (child === -1) {
        child = this.depth.length;
        this.code.push(code);
        this.firstChild.push(-1);
        this.nextSibling.push(this.firstChild[node]!);
        this.firstChild[node] = child;
        this.depth.push(this.depth[node]! + 1);
        this.through.push(index);
        this.firstEnd.push(-1);
      }
      node = child;
    }
    this.nextEnd[index] = this.firstEnd[node]!;
    this.firstEnd[node] = index;
  }

  private link(): void {
    const n = this.depth.length;
    this.fail = new Int32Array(n);
    this.outLink = new Int32Array(n).fill(-1);
    const queue: number[] = [];
    for (let k = this.firstChild[0]!; k !== -1; k = this.nextSibling[k]!) queue.push(k);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (let child = this.firstChild[node]!; child !== -1; child = this.nextSibling[child]!) {
        const c = this.code[child]!;
        let f = this.fail[node]!;
        while (f !== 0 && this.step(f, c) === -1) f = this.fail[f]!;
        const target = this.step(f, c);
        const fc = target !== -1 && target !== child ? target : 0;
        this.fail[child] = fc;
        this.outLink[child] = this.firstEnd[fc] !== -1 ? fc : this.outLink[fc]!;
        queue.push(child);
      }
    }
  }

  /**
   * Calls `onMatch` for every value occurrence and `onCut` at each of `cutAt` (ascending offsets) with the
   * longest stretch before it that starts some value.
   */
  scan(text: string, onMatch: (start: number, entry: number) => void, cutAt: readonly number[] = [], onCut?: (start: number, end: number, entry: number) => void): void {
    let node = 0;
    let cut = 0;
    for (let i = 0; i <= text.length; i++) {
      while (cut < cutAt.length && cutAt[cut]! === i) {
        if (onCut && this.depth[node]! > 0) onCut(i - this.depth[node]!, i, this.through[node]!);
        cut++;
      }
      if (i === text.length) break;
      const c = fold(text.charCodeAt(i));
      let next = this.step(node, c);
      while (next === -1 && node !== 0) {
        node = this.fail[node]!;
        next = this.step(node, c);
      }
      node = next === -1 ? 0 : next;
      for (let out = this.firstEnd[node] !== -1 ? node : this.outLink[node]!; out !== -1; out = this.outLink[out]!) {
        for (let entry = this.firstEnd[out]!; entry !== -1; entry = this.nextEnd[entry]!) onMatch(i + 1 - this.entries[entry]!.value.length, entry);
      }
    }
  }
}

export class SensitiveValues {
  private readonly entries: Entry[] = [];
  private readonly seen = new Set<string>();
  private automaton: Automaton | undefined;

  get size(): number {
    return this.entries.length;
  }

  /** Adds a value as found and in the forms quotes and encodings give it. */
  add(raw: string): void {
    const value = raw.trim();
    this.addExact(value);
    // Quotes collapse whitespace runs (a multi-line address, a key body) into single spaces.
    if (/\s/.test(value)) this.addExact(value.replace(/\s+/g, " "));
    // A value found in a JSON string's raw text (`jane\u0040x.com`) reads decoded in messages.
    if (value.includes("\\")) {
      try {
        const decoded = JSON.parse(`"${value.replace(/"/g, '\\"')}"`) as string;
        this.addExact(decoded);
        if (/\s/.test(decoded)) this.addExact(decoded.replace(/\s+/g, " "));
      } catch {
        // Not a JSON escape sequence: the raw form is enough.
      }
    }
  }

  private addExact(value: string): void {
    if (value.length < MIN_VALUE_LENGTH || this.seen.has(value)) return;
    this.seen.add(value);
    this.entries.push({ value, anyCase: value.includes("@") });
    this.automaton = undefined;
  }

  private matcher(): Automaton | undefined {
    if (this.entries.length === 0) return undefined;
    this.automaton ??= new Automaton(this.entries);
    return this.automaton;
  }

  /** Every occurrence of every value in `text` (ranges may overlap; callers merge). */
  occurrences(text: string): ValueMatch[] {
    const out: ValueMatch[] = [];
    this.matcher()?.scan(text, (start, index) => {
      const entry = this.entries[index]!;
      if (entry.anyCase || text.startsWith(entry.value, start)) out.push({ range: [start, start + entry.value.length], value: entry.value });
    });
    return out;
  }

  /**
   * Values cut short by a quote: the start of a value (four characters at least) right before an ellipsis,
   * as in `… key sk-proj-Xa82k…`.
   */
  cutBeforeEllipsis(text: string): ValueMatch[] {
    const out: ValueMatch[] = [];
    const matcher = this.matcher();
    if (!matcher) return out;
    const marks = cutMarks(text);
    if (marks.length === 0) return out;
    matcher.scan(text, () => undefined, marks, (start, end, index) => {
      const value = this.entries[index]!.value;
      if (end - start < MIN_VALUE_LENGTH || end - start >= value.length) return;
      // The masked form itself (`sk-proj-…bX4w`) shows a value's start before its ellipsis on purpose.
      if (MASKED_TAIL.test(text.slice(end)) && maskValue(value).startsWith(text.slice(start, end))) return;
      out.push({ range: [start, end], value });
    });
    return out;
  }
}
