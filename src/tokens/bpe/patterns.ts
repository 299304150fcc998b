/**
 * The pre-tokenizer of each OpenAI encoding: the regex that splits text into the pieces that byte-pair
 * encoding then merges. These are tiktoken's patterns in JavaScript syntax (possessive quantifiers and
 * inline `(?i)` spelled out; with these alternatives the matches are the same).
 *
 * tiktoken runs them with Rust's regex crate, where `\s` is Unicode White_Space; JavaScript's `\s` also
 * matches U+FEFF and misses U+0085, so a BOM inside a line would split differently and count 1-2 tokens
 * off. Every `\s`/`\S` is rewritten to Rust's set before the pattern is compiled.
 */

const CONTRACTION = String.raw`'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE])`;
const UPPER = String.raw`[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`;
const LOWER = String.raw`[\p{Ll}\p{Lm}\p{Lo}\p{M}]`;

const R50K = String.raw`'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`;
const CL100K = String.raw`${CONTRACTION}|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s+$|\s*[\r\n]|\s+(?!\S)|\s`;
const O200K = [
  String.raw`[^\r\n\p{L}\p{N}]?${UPPER}*${LOWER}+(?:${CONTRACTION})?`,
  String.raw`[^\r\n\p{L}\p{N}]?${UPPER}+${LOWER}*(?:${CONTRACTION})?`,
  String.raw`\p{N}{1,3}`,
  String.raw` ?[^\s\p{L}\p{N}]+[\r\n/]*`,
  String.raw`\s*[\r\n]+`,
  String.raw`\s+(?!\S)`,
  String.raw`\s+`,
].join("|");

/** Pre-tokenizer source of each BPE table (o200k_harmony uses o200k_base's). */
export const SPLIT_PATTERNS: Readonly<Record<string, string>> = {
  o200k_base: O200K,
  cl100k_base: CL100K,
  p50k_base: R50K,
  r50k_base: R50K,
};

/** A fresh global Unicode regex for an encoding's pieces, with Rust's whitespace set. */
export function splitRegex(encoding: string): RegExp {
  const source = SPLIT_PATTERNS[encoding];
  if (source === undefined) throw new Error(`promptvet: no pre-tokenizer pattern for "${encoding}"`);
  return withRustWhitespace(new RegExp(source, "gu"));
}

// Unicode White_Space, as Rust's regex crate defines `\s`.
const RUST_WS = "\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/** Rewrites `\s`/`\S` of a regex (inside and outside character classes) to Rust's whitespace set. */
export function withRustWhitespace(re: RegExp): RegExp {
  const src = re.source;
  let out = "";
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === "\\") {
      const next = src[i + 1];
      if (next === "s") out += inClass ? RUST_WS : `[${RUST_WS}]`;
      else if (next === "S" && !inClass) out += `[^${RUST_WS}]`;
      else out += c + (next ?? "");
      i++;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  return new RegExp(out, re.flags);
}
