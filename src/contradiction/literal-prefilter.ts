/**
 * Literal prefilters for regular expressions: the strings of which every match of an expression holds at least
 * one. A clause that holds none of them cannot match, so the expression is not run on it. Most clauses name none of
 * the extractor's values, and a lower-case `includes` costs a fraction of a scan that tries dozens of alternatives at
 * every position.
 *
 * The analysis reads the expression's source and keeps only what it is sure of: any construct it does not model
 * (classes, escapes, back-references, optional parts) counts as "anything", which only makes the filter pass more
 * clauses. Lookarounds and anchors add no literals.
 */

type Node =
  | { t: "lit"; s: string }
  | { t: "any" }
  | { t: "empty" }
  | { t: "alt"; xs: Node[] }
  | { t: "seq"; xs: Node[] }
  | { t: "rep"; x: Node; min: number };

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i !== this.src.length) throw new Error(`unexpected ${this.src[this.i]} at ${this.i}`);
    return node;
  }

  private alternation(): Node {
    const xs = [this.sequence()];
    while (this.src[this.i] === "|") {
      this.i++;
      xs.push(this.sequence());
    }
    return xs.length === 1 ? xs[0]! : { t: "alt", xs };
  }

  private sequence(): Node {
    const xs: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const atom = this.atom();
      xs.push(this.quantified(atom));
    }
    return { t: "seq", xs };
  }

  private quantified(atom: Node): Node {
    const c = this.src[this.i];
    let min: number | undefined;
    if (c === "?" || c === "*") min = 0;
    else if (c === "+") min = 1;
    else if (c === "{") {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.src.slice(this.i));
      if (m) {
        min = Number(m[1]);
        this.i += m[0].length - 1;
      }
    }
    if (min === undefined) return atom;
    this.i++;
    if (this.src[this.i] === "?") this.i++; // lazy
    return { t: "rep", x: atom, min };
  }

  private atom(): Node {
    const c = this.src[this.i]!;
    if (c === "(") {
      this.i++;
      let lookaround = false;
      if (this.src.startsWith("?:", this.i)) this.i += 2;
      else if (/^\?<?[=!]/.test(this.src.slice(this.i, this.i + 3))) {
        lookaround = true;
        this.i += this.src[this.i + 1] === "<" ? 3 : 2;
      } else if (this.src.startsWith("?<", this.i)) this.i = this.src.indexOf(">", this.i) + 1; // named group
      const inner = this.alternation();
      if (this.src[this.i] !== ")") throw new Error(`unclosed group at ${this.i}`);
      this.i++;
      return lookaround ? { t: "empty" } : inner;
    }
    if (c === "[") {
      this.i++;
      while (this.i < this.src.length && this.src[this.i] !== "]") this.i += this.src[this.i] === "\\" ? 2 : 1;
      this.i++;
      return { t: "any" };
    }
    if (c === "\\") {
      const e = this.src[this.i + 1]!;
      this.i += 2;
      if (e === "b" || e === "B") return { t: "empty" };
      if (/[dDwWsSnrtfv0-9]/.test(e)) return { t: "any" };
      // \uXXXX, \xXX, \cX, \k<name>: some character, not modelled. (Only expressions without the `u` flag are
      // read, where `\p` is a plain "p" and a brace that starts no count is a plain brace.)
      if (e === "u" || e === "x" || e === "c" || e === "k") {
        const operand = { u: /^(?:\{[0-9a-fA-F]*\}|[0-9a-fA-F]{4})/, x: /^[0-9a-fA-F]{2}/, c: /^[A-Za-z]/, k: /^<[^>]*>/ }[e];
        const m = operand.exec(this.src.slice(this.i));
        if (m) this.i += m[0].length;
        return { t: "any" };
      }
      return { t: "lit", s: e };
    }
    this.i++;
    if (c === "^" || c === "$") return { t: "empty" };
    if (c === ".") return { t: "any" };
    return { t: "lit", s: c };
  }
}

/** Strings one of which every match holds; undefined when the analysis finds none it is sure of. */
function literalsOf(node: Node): string[] | undefined {
  switch (node.t) {
    case "lit":
      return [node.s];
    case "any":
    case "empty":
      return undefined;
    case "rep":
      return node.min >= 1 ? literalsOf(node.x) : undefined;
    case "alt": {
      const out: string[] = [];
      for (const x of node.xs) {
        const sub = literalsOf(x);
        if (!sub) return undefined;
        out.push(...sub);
      }
      return out;
    }
    case "seq": {
      // Runs of plain characters are one literal ("table" in `tables?`); of the parts that must appear, the one
      // whose shortest literal is longest filters best.
      const parts: string[][] = [];
      let run = "";
      const flush = () => {
        if (run) parts.push([run]);
        run = "";
      };
      for (const x of node.xs) {
        if (x.t === "lit") run += x.s;
        else if (x.t === "empty") flush();
        else {
          flush();
          const sub = literalsOf(x);
          if (sub) parts.push(sub);
        }
      }
      flush();
      let best: string[] | undefined;
      let bestScore = 0;
      for (const part of parts) {
        const score = Math.min(...part.map((s) => s.length));
        if (score > bestScore) {
          best = part;
          bestScore = score;
        }
      }
      return best;
    }
  }
}

/**
 * The lower-case literals of which every match of `re` holds one, or undefined when no such set is known (then the
 * expression must always run). Case-sensitive expressions, Unicode ones and literals outside ASCII are not
 * filtered: lower-casing the text is then not sure to keep what the expression compares.
 */
export function requiredLiterals(re: RegExp): readonly string[] | undefined {
  if (!re.ignoreCase || re.unicode || re.flags.includes("v")) return undefined;
  let literals: string[] | undefined;
  try {
    literals = literalsOf(new Parser(re.source).parse());
  } catch {
    return undefined;
  }
  if (!literals || literals.some((s) => s === "" || /[^\x20-\x7e]/.test(s))) return undefined;
  return [...new Set(literals.map((s) => s.toLowerCase()))];
}

/** Whether `lowerText` (the text, lower-cased) may match an expression with these required literals. */
export function mayMatch(literals: readonly string[] | undefined, lowerText: string): boolean {
  if (!literals) return true;
  for (const s of literals) if (lowerText.includes(s)) return true;
  return false;
}

/**
 * Finds, in one pass over a lower-case text, which of several literal sets it touches. Literals are indexed by their
 * first two characters, so each position of the text costs one map look-up however many sets there are.
 */
export class LiteralScanner {
  /** Literals of two characters or more, by their first two characters (both ASCII: `c0 * 128 + c1`). */
  private readonly byPair: ({ literal: string; sets: number[] }[] | undefined)[] = new Array(128 * 128);
  private readonly singles: { literal: string; sets: number[] }[] = [];
  private readonly unfiltered: number[] = [];

  constructor(private readonly sets: readonly (readonly string[] | undefined)[]) {
    const entries = new Map<string, number[]>();
    sets.forEach((literals, i) => {
      if (!literals) this.unfiltered.push(i);
      else for (const literal of literals) entries.set(literal, [...(entries.get(literal) ?? []), i]);
    });
    let reach = 1;
    for (const [literal, ids] of entries) {
      reach = Math.max(reach, literal.length);
      const c0 = literal.charCodeAt(0);
      const c1 = literal.charCodeAt(1);
      // Literals are ASCII (requiredLiterals keeps no other); anything else is looked for whole.
      if (literal.length < 2 || c0 >= 128 || c1 >= 128) this.singles.push({ literal, sets: ids });
      else (this.byPair[c0 * 128 + c1] ??= []).push({ literal, sets: ids });
    }
    this.reach = reach;
  }

  /** The longest literal: an edit of the text can only add literals that overlap it within this many characters. */
  readonly reach: number;

  /** For each set, 1 when `lowerText` holds one of its literals or the set has none (then it may always match). */
  scan(lowerText: string): Uint8Array {
    return this.scanInto(new Uint8Array(this.sets.length), lowerText);
  }

  /** Marks in `hit` (indexed like the sets) the sets that `lowerText` touches, leaving the marks already there. */
  scanInto(hit: Uint8Array, lowerText: string): Uint8Array {
    for (const i of this.unfiltered) hit[i] = 1;
    for (const { literal, sets } of this.singles) if (lowerText.includes(literal)) for (const i of sets) hit[i] = 1;
    let c1 = lowerText.charCodeAt(0);
    for (let at = 0; at + 1 < lowerText.length; at++) {
      const c0 = c1;
      c1 = lowerText.charCodeAt(at + 1);
      if (c0 >= 128 || c1 >= 128) continue;
      const list = this.byPair[c0 * 128 + c1];
      if (list === undefined) continue;
      // Indexed loops, and no comparison for a literal whose only set is already marked: this runs at every
      // position of every clause of a prompt.
      for (let k = 0; k < list.length; k++) {
        const { literal, sets } = list[k]!;
        if (sets.length === 1 && hit[sets[0]!] === 1) continue;
        if (!lowerText.startsWith(literal, at)) continue;
        for (let j = 0; j < sets.length; j++) hit[sets[j]!] = 1;
      }
    }
    return hit;
  }
}
