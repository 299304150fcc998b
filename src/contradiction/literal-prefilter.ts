/**
 * Literal prefilters for regular expressions: the strings of which every match of an expression holds at least
 * one. A clause that holds none of them cannot match, so the expression is not run on it. Most clauses name none of
 * the extractor's values, and a lower-case `includes` costs a fraction of a scan that tries dozens of alternatives at
 * every position.
 *
 * The analysis reads the expression's source and keeps only what it is sure of: any construct it does not model
 * (classes, escapes, back-references, optional parts) counts as "anything", which only makes the filter pass more
 * clauses. Anchors and negative lookarounds add no literals; what a positive lookaround asserts ("named like" before
 * an example file name) must be in the text too, so it is one of the parts a match needs.
 */

type Node =
  | { t: "lit"; s: string }
  | { t: "any" }
  | { t: "empty" }
  | { t: "alt"; xs: Node[] }
  | { t: "seq"; xs: Node[] }
  | { t: "rep"; x: Node; min: number }
  /** A positive lookaround: its text is in the subject, next to the match but not inside it. */
  | { t: "look"; x: Node };

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
      let lookaround: "positive" | "negative" | undefined;
      if (this.src.startsWith("?:", this.i)) this.i += 2;
      else if (/^\?<?[=!]/.test(this.src.slice(this.i, this.i + 3))) {
        const behind = this.src[this.i + 1] === "<";
        lookaround = this.src[this.i + (behind ? 2 : 1)] === "=" ? "positive" : "negative";
        this.i += behind ? 3 : 2;
      } else if (this.src.startsWith("?<", this.i)) this.i = this.src.indexOf(">", this.i) + 1; // named group
      const inner = this.alternation();
      if (this.src[this.i] !== ")") throw new Error(`unclosed group at ${this.i}`);
      this.i++;
      if (lookaround === "negative") return { t: "empty" };
      return lookaround === "positive" ? { t: "look", x: inner } : inner;
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
      // A quantified lookaround asserts nothing more than once, and `{0}` of it asserts nothing.
      return node.min >= 1 && node.x.t !== "look" ? literalsOf(node.x) : undefined;
    case "look":
      return literalsOf(node.x);
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
      // whose shortest literal is longest filters best. A lookaround's text is taken only when it is clearly longer
      // than the match's own ("named like" before `[a-z]+(?:-[a-z]+)+`, whose own part is "-"): short phrases after
      // a name (" only" after a language) are more common in prompts than the names themselves. Between parts as
      // long, one holding a common short word loses: "in|into|using|use" is in nearly every clause, "kg|grams" not.
      const parts: { literals: string[]; score: number }[] = [];
      let run = "";
      const flush = () => {
        if (run) parts.push({ literals: [run], score: partScore([run]) });
        run = "";
      };
      for (const x of node.xs) {
        if (x.t === "lit") run += x.s;
        else if (x.t === "empty") flush();
        else {
          flush();
          const sub = literalsOf(x);
          if (sub) parts.push({ literals: sub, score: partScore(sub) - (x.t === "look" ? 1.5 : 0) });
        }
      }
      flush();
      let best: string[] | undefined;
      let bestScore = -Infinity;
      for (const part of parts) {
        if (part.score > bestScore) {
          best = part.literals;
          bestScore = part.score;
        }
      }
      return best;
    }
  }
}

/**
 * Characters a literal may hold: printable ASCII, and the Latin-1 signs ("°" in "°C"), which have no case, so an
 * expression matches each only as itself and lower-casing the text keeps it. Not "µ", whose upper case is Greek.
 */
export const OUTSIDE_SAFE_CHARACTERS = /[^\x20-\x7e\u00a0-\u00b4\u00b6-\u00bf]/;

/** Short words found in most sentences of a prompt: a part that needs only one of them filters little. */
const COMMON_SHORT_WORDS = new Set(["a", "an", "as", "at", "be", "by", "do", "if", "in", "is", "it", "no", "not", "of", "on", "or", "so", "the", "to", "use", "we", "you"]);

/** How well a part's literals filter: its shortest literal's length, less half a character for a common word. */
function partScore(literals: readonly string[]): number {
  return Math.min(...literals.map((s) => s.length)) - (literals.some((s) => COMMON_SHORT_WORDS.has(s.toLowerCase())) ? 0.5 : 0);
}

/**
 * The lower-case literals of which every match of `re` holds one, or undefined when no such set is known (then the
 * expression must always run). Unicode expressions and literals with letters outside ASCII are not filtered:
 * lower-casing the text is then not sure to keep what the expression compares. A case-sensitive expression is: the text holds an
 * ASCII literal as written, so the lower-cased text holds it lower-cased (each character is lower-cased on its own).
 */
export function requiredLiterals(re: RegExp): readonly string[] | undefined {
  if (re.unicode || re.flags.includes("v")) return undefined;
  let literals: string[] | undefined;
  try {
    literals = literalsOf(new Parser(re.source).parse());
  } catch {
    return undefined;
  }
  if (!literals || literals.some((s) => s === "" || OUTSIDE_SAFE_CHARACTERS.test(s))) return undefined;
  return [...new Set(literals.map((s) => s.toLowerCase()))];
}

/**
 * A digest of an expression's source and flags (32-bit FNV-1a): precomputed literals are used only for the
 * expression they were worked out from. Characters outside ASCII count as the `\uXXXX` escapes the build writes
 * for them in the bundle (scripts/build.mjs, asciiOnly), so an expression has one digest in the sources and in
 * the bundle.
 */
export function expressionDigest(re: RegExp): number {
  let text = `${re.source}/${re.flags}`;
  if (/[^\x00-\x7f]/.test(text)) {
    text = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes: string, char: string) => {
      const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
      return `${kept}\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
    });
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Whether `lowerText` (the text, lower-cased) may match an expression with these required literals. */
export function mayMatch(literals: readonly string[] | undefined, lowerText: string): boolean {
  if (!literals) return true;
  for (const s of literals) if (lowerText.includes(s)) return true;
  return false;
}

/**
 * Finds, in one pass over a lower-case text, which of several literal sets it touches: an Aho-Corasick automaton
 * over the literals, so each position of the text costs a table look-up (and now and then a step back along a
 * failure link) however many literals there are and however many share a prefix. Indexing literals by their first
 * two characters and comparing each candidate at each position cost several times more on prompts, where pairs
 * such as "re", "co" or "st" start dozens of literals. The transitions are not completed into a full table: the
 * automaton is built on a run's first clause, where a loop over every state and character would cost more than a
 * commit's scanning.
 */
export class LiteralScanner {
  /** Literals with a character outside ASCII, looked for whole (requiredLiterals keeps none of them). */
  private readonly singles: { literal: string; sets: number[] }[] = [];
  private readonly unfiltered: number[] = [];
  /** Character class of each ASCII code: 0 for characters no literal holds. */
  private readonly classOf = new Uint8Array(128);
  /** Row width of `child`: the number of character classes. */
  private readonly width: number;
  /** `child[state * width + class]`: the trie's child of a state for a character class, 0 for none. */
  private readonly child: Int32Array;
  /** The state for the longest proper suffix of a state's string that is in the trie. */
  private readonly fail: Int32Array;
  /** The sets completed on entering a state are `outSets[outStart[state] .. outStart[state + 1])`. */
  private readonly outStart: Int32Array;
  private readonly outSets: Int32Array;

  constructor(private readonly sets: readonly (readonly string[] | undefined)[]) {
    const entries = new Map<string, number[]>();
    sets.forEach((literals, i) => {
      if (!literals) this.unfiltered.push(i);
      else
        for (const literal of literals) {
          const ids = entries.get(literal);
          if (!ids) entries.set(literal, [i]);
          else if (!ids.includes(i)) ids.push(i);
        }
    });
    let reach = 1;
    let classes = 1;
    let trieChars = 0;
    const trieLiterals: [string, number[]][] = [];
    for (const [literal, ids] of entries) {
      reach = Math.max(reach, literal.length);
      let ascii = literal.length > 0;
      for (let k = 0; k < literal.length && ascii; k++) ascii = literal.charCodeAt(k) < 128;
      if (!ascii) {
        this.singles.push({ literal, sets: ids });
        continue;
      }
      trieLiterals.push([literal, ids]);
      trieChars += literal.length;
      for (let k = 0; k < literal.length; k++) {
        const c = literal.charCodeAt(k);
        if (this.classOf[c] === 0) this.classOf[c] = classes++;
      }
    }
    this.reach = reach;
    this.width = classes;
    // The trie; each state's parent, class and depth, for the failure links below.
    const capacity = trieChars + 1;
    const child = new Int32Array(capacity * classes);
    const parent = new Int32Array(capacity);
    const via = new Int32Array(capacity);
    const depth = new Int32Array(capacity);
    const own = new Map<number, number[]>();
    let count = 1;
    let deepest = 0;
    for (const [literal, ids] of trieLiterals) {
      let state = 0;
      for (let k = 0; k < literal.length; k++) {
        const cls = this.classOf[literal.charCodeAt(k)]!;
        const slot = state * classes + cls;
        if (child[slot] === 0) {
          child[slot] = count;
          parent[count] = state;
          via[count] = cls;
          depth[count] = k + 1;
          count++;
        }
        state = child[slot]!;
      }
      deepest = Math.max(deepest, literal.length);
      own.set(state, ids);
    }
    // States by depth: a state's failure link is shallower, so it is known when the state is reached.
    const byDepth = new Int32Array(count);
    const firstAt = new Int32Array(deepest + 2);
    for (let s = 1; s < count; s++) firstAt[depth[s]! + 1]!++;
    for (let d = 1; d <= deepest + 1; d++) firstAt[d]! += firstAt[d - 1]!;
    const filled = firstAt.slice();
    for (let s = 1; s < count; s++) byDepth[filled[depth[s]!]!++] = s;
    const fail = new Int32Array(count);
    const outputs: number[][] = new Array(count);
    outputs[0] = [];
    for (let k = 0; k < count - 1; k++) {
      const s = byDepth[k]!;
      const p = parent[s]!;
      const cls = via[s]!;
      if (p !== 0) {
        let f = fail[p]!;
        while (f !== 0 && child[f * classes + cls] === 0) f = fail[f]!;
        fail[s] = child[f * classes + cls]!;
      }
      const mine = own.get(s);
      const inherited = outputs[fail[s]!]!;
      outputs[s] = !mine ? inherited : inherited.length === 0 ? mine : [...new Set([...mine, ...inherited])];
    }
    this.child = child.slice(0, count * classes);
    this.fail = fail;
    this.outStart = new Int32Array(count + 1);
    let total = 0;
    for (let s = 0; s < count; s++) {
      this.outStart[s] = total;
      total += outputs[s]!.length;
    }
    this.outStart[count] = total;
    this.outSets = new Int32Array(total);
    for (let s = 0, at = 0; s < count; s++) for (const id of outputs[s]!) this.outSets[at++] = id;
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
    const { classOf, child, fail, outStart, outSets, width } = this;
    // This runs at every position of every clause of a prompt: typed arrays and no allocation.
    let state = 0;
    for (let at = 0; at < lowerText.length; at++) {
      const c = lowerText.charCodeAt(at);
      const cls = c < 128 ? classOf[c]! : 0;
      if (cls === 0) {
        // No literal holds this character: nothing matched so far can continue through it.
        state = 0;
        continue;
      }
      let next = child[state * width + cls]!;
      while (next === 0 && state !== 0) {
        state = fail[state]!;
        next = child[state * width + cls]!;
      }
      state = next;
      const to = outStart[state + 1]!;
      for (let k = outStart[state]!; k < to; k++) hit[outSets[k]!] = 1;
    }
    return hit;
  }
}
