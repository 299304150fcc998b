/** Small text utilities for directive extraction: sentences, clauses, number words, stems. All linear-time. */

export type Span = [start: number, end: number];

/**
 * The matches of a global regular expression, as `text.matchAll(re)` yields them, collected up front.
 * `matchAll` clones the expression on every call, which costs more than the search itself for the short
 * clauses scanned here. The expression's `lastIndex` is restored, and since every match is collected before the
 * caller's loop body runs, that body may use the same expression again.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const saved = re.lastIndex;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place: step past it as matchAll does.
    if (m[0] === "") re.lastIndex = advanceIndex(text, re.lastIndex, re.unicode || re.flags.includes("v"));
  }
  re.lastIndex = saved;
  return out;
}

function advanceIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}

/** JavaScript's `\s` for one UTF-16 code unit: ASCII answered directly, anything else by the regex itself. */
function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(String.fromCharCode(c));
}
const SPACE = /\s/;

/** Number of maximal whitespace runs: `text.split(/\s+/).length` is one more than this. */
export function whitespaceRuns(text: string): number {
  let runs = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (space && !inSpace) runs++;
    inSpace = space;
  }
  return runs;
}

/** Number of maximal non-whitespace runs: `text.split(/\s+/).filter(Boolean).length`. */
export function wordRuns(text: string): number {
  let runs = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const word = !isSpaceCode(text.charCodeAt(i));
    if (word && !inWord) runs++;
    inWord = word;
  }
  return runs;
}

const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|Mr|Mrs|Ms|Dr|St|No|Fig|cf|al)|\b[A-Z])\.$/;

/**
 * Sentence spans of a block. Line breaks inside a paragraph end a sentence when the next line starts like a
 * new one (prompts often put one rule per line without punctuation).
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const n = text.length;
  const pushSpan = (s: number, e: number) => {
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push([s, e]);
  };
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    // Only line breaks and . ! ? matter; comparing code units avoids a one-character string per position.
    if (code === 10) {
      pushSpan(start, i);
      start = i + 1;
      continue;
    }
    if (code === 46 || code === 33 || code === 63) {
      const c = text[i]!;
      let j = i + 1;
      while (j < n && /["'”’)\]*_]/.test(text[j]!)) j++;
      if (j < n && !/\s/.test(text[j]!)) continue;
      if (c === "." && ABBREVIATION.test(text.slice(Math.max(start, i - 8), i + 1))) continue;
      if (c === "." && /\d$/.test(text.slice(i - 1, i)) && /^\s*\d/.test(text.slice(j, j + 3))) continue;
      pushSpan(start, j);
      start = j;
      i = j - 1;
    }
  }
  pushSpan(start, n);
  return spans;
}

const CLAUSE_BREAK =
  /;|\s(?:but|whereas|although|though)\s|,\s*(?:and|or|then|so)?\s*(?=(?:always|never|do not|don't|avoid|please|make sure|ensure|you (?:must|should|may|can)|but)\b)|\s(?:and|or)\s+(?=(?:always|never|do not|don't)\b)|:\s+|\s[—–]\s|\s-\s/gi;

/** Clause spans inside a sentence span. */
export function splitClauses(text: string, sentence: Span, raw?: string): Span[] {
  const [s0, e0] = sentence;
  const slice = text.slice(s0, e0);
  const out: Span[] = [];
  let last = 0;
  for (const m of allMatches(CLAUSE_BREAK, slice)) {
    const idx = m.index!;
    if (idx > last) out.push([s0 + last, s0 + idx]);
    last = idx + m[0].length;
    // "Naming: `snake_case`": the blanks after a colon can be a masked code span; the clause starts where the raw text does.
    if (raw && slice.charCodeAt(idx) === 58) last = Math.min(last, rawSpaceEnd(raw, s0 + idx + 1, s0 + last) - s0);
  }
  if (last < slice.length) out.push([s0 + last, e0]);
  // A clause whose words are all masked is kept when one of them is a code span ("Package manager: `pnpm`").
  return out.filter(([s, e]) => /[A-Za-z]/.test(text.slice(s, e)) || (raw !== undefined && CODE_SPAN_WORD.test(raw.slice(s, e))));
}

const CODE_SPAN_WORD = /`[^`A-Za-z]{0,40}[A-Za-z]/;

/** The end of the run of whitespace in `raw` from `from`, no further than `to`. */
function rawSpaceEnd(raw: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(raw[i]!)) i++;
  return i;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, single: 1, "a single": 1, two: 2, "a couple of": 2, couple: 2, three: 3, four: 4, five: 5, six: 6,
  seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, hundred: 100, "a hundred": 100, "one hundred": 100, "two hundred": 200, "three hundred": 300,
  "five hundred": 500, thousand: 1000, "a thousand": 1000,
};

export const NUMBER_PATTERN =
  "\\d{1,6}(?:,\\d{3})?|a single|one hundred|two hundred|three hundred|five hundred|a hundred|a thousand|a couple of|zero|one|single|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand";

export function parseNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/,/g, "");
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

/** A crude stem that makes "pricing", "prices" and "price" meet; enough to compare topic words. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

export function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}

export function truncate(text: string, max = 60): string {
  // Emphasis markers are not words of the rule ("**Package manager**: npm").
  const t = text.replace(/\*\*|__/g, "").replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
