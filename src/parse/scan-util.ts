/**
 * `indexOf` that remembers its last answer per needle, so a scanner that searches for a closing delimiter
 * from every opening one (think 100,000 unclosed `{{`) stays linear instead of rescanning to the end each time.
 */
export class Finder {
  private readonly cache = new Map<string, { from: number; at: number }>();

  constructor(
    private readonly text: string,
    private readonly end: number,
  ) {}

  indexOf(needle: string, from: number): number {
    const hit = this.cache.get(needle);
    if (hit && hit.from <= from && (hit.at === -1 || hit.at >= from)) return hit.at;
    let at = this.text.indexOf(needle, from);
    if (at !== -1 && at + needle.length > this.end) at = -1;
    this.cache.set(needle, { from, at });
    return at;
  }
}

export const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
export const isIdentPart = (c: number) => isIdentStart(c) || (c >= 48 && c <= 57);

/**
 * Parsers for nested data (yaml, jsonc-parser) recurse once per level; past a few thousand levels V8 can
 * die outright (a RegExp compiled deep in the stack reports "out of memory", which cannot be caught).
 * Inputs nested deeper than this are reported instead of parsed.
 */
export const MAX_NESTING = 512;

/** Deepest `[`/`{` nesting in `text` (JSON strings skipped when `jsonStrings`); stops counting past the limit. */
export function bracketDepth(text: string, jsonStrings: boolean): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > max) {
        max = depth;
        if (max > MAX_NESTING) return max;
      }
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
    else if (c === 34 && jsonStrings) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
    }
  }
  return max;
}
