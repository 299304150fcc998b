/**
 * Source maps for YAML scalars. A scalar's decoded value differs from its source text (quotes, escapes,
 * line folding, block indentation), so each decoded UTF-16 unit gets the source offset where it starts.
 * Each decoder is checked against the value the `yaml` package produced; if they ever disagree, a
 * monotonic alignment takes over, so a map is always valid even for constructs decoded differently here.
 */
import type { DecodedString } from "./json-string.js";

export type ScalarStyle = "PLAIN" | "QUOTE_SINGLE" | "QUOTE_DOUBLE" | "BLOCK_LITERAL" | "BLOCK_FOLDED";

class Out {
  parts: string[] = [];
  offsets: number[] = [];
  push(text: string, offset: number): void {
    for (let k = 0; k < text.length; k++) {
      this.parts.push(text[k]!);
      this.offsets.push(offset);
    }
  }
  result(end: number): DecodedString {
    const table = new Int32Array(this.offsets.length + 1);
    table.set(this.offsets);
    table[this.offsets.length] = end;
    return { text: this.parts.join(""), table };
  }
}

const DOUBLE_ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b", " ": " ",
  '"': '"', "/": "/", "\\": "\\", N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029",
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

const isBlank = (c: string | undefined) => c === " " || c === "\t";
const isBreak = (c: string | undefined) => c === "\n" || c === "\r";

/** Decodes a flow scalar (plain, single- or double-quoted) in `source[start, end)`, quotes included. */
function decodeFlow(source: string, start: number, end: number, style: "PLAIN" | "QUOTE_SINGLE" | "QUOTE_DOUBLE"): DecodedString {
  const out = new Out();
  let i = start;
  let stop = end;
  if (style !== "PLAIN") {
    i++;
    if (source[end - 1] === (style === "QUOTE_SINGLE" ? "'" : '"') && end - 1 > start) stop = end - 1;
  }
  let pendingBlanks: number[] = [];
  const flushBlanks = () => {
    for (const at of pendingBlanks) out.push(source[at]!, at);
    pendingBlanks = [];
  };
  while (i < stop) {
    const c = source[i]!;
    if (isBlank(c)) {
      pendingBlanks.push(i);
      i++;
      continue;
    }
    if (isBreak(c)) {
      pendingBlanks = [];
      const breaks: number[] = [];
      while (i < stop && (isBlank(source[i]) || isBreak(source[i]))) {
        if (source[i] === "\r" && source[i + 1] === "\n") i++;
        if (isBreak(source[i])) breaks.push(i);
        i++;
      }
      if (breaks.length === 1) out.push(" ", breaks[0]!);
      else for (let k = 1; k < breaks.length; k++) out.push("\n", breaks[k]!);
      continue;
    }
    flushBlanks();
    if (style === "QUOTE_SINGLE" && c === "'" && source[i + 1] === "'") {
      out.push("'", i);
      i += 2;
      continue;
    }
    if (style === "QUOTE_DOUBLE" && c === "\\") {
      const next = source[i + 1];
      if (isBreak(next)) {
        // Escaped line break: joins lines without a space; leading blanks of the next line are dropped.
        i += 1;
        if (source[i] === "\r" && source[i + 1] === "\n") i++;
        i++;
        while (i < stop && isBlank(source[i])) i++;
        continue;
      }
      if (next !== undefined && next in DOUBLE_ESCAPES) {
        out.push(DOUBLE_ESCAPES[next]!, i);
        i += 2;
        continue;
      }
      const hexLength = next === undefined ? undefined : HEX_LENGTH[next];
      if (hexLength !== undefined) {
        const hex = source.slice(i + 2, i + 2 + hexLength);
        if (hex.length === hexLength && /^[0-9a-fA-F]+$/.test(hex)) {
          out.push(String.fromCodePoint(parseInt(hex, 16)), i);
          i += 2 + hexLength;
          continue;
        }
      }
      out.push("\\", i);
      i++;
      continue;
    }
    const code = source.charCodeAt(i);
    out.push(c, i);
    i++;
    // Keep astral characters whole: the second unit maps to itself.
    if (code >= 0xd800 && code <= 0xdbff && i < stop) {
      out.push(source[i]!, i);
      i++;
    }
  }
  return out.result(stop);
}

/** Decodes a block scalar (`|` or `>`) whose header indicator starts at `start`. */
function decodeBlock(source: string, start: number, end: number, folded: boolean): DecodedString {
  // Header: indicator, optional indentation/chomping indicators, optional comment, line break.
  let i = start + 1;
  let chomp: "clip" | "strip" | "keep" = "clip";
  let explicitIndent = 0;
  while (i < end && !isBreak(source[i]) && source[i] !== " " && source[i] !== "\t" && source[i] !== "#") {
    const c = source[i]!;
    if (c === "-") chomp = "strip";
    else if (c === "+") chomp = "keep";
    else if (c >= "1" && c <= "9") explicitIndent = Number(c);
    i++;
  }
  while (i < end && !isBreak(source[i])) i++;
  if (source[i] === "\r" && source[i + 1] === "\n") i++;
  i++;
  // The block's parent indentation: the indentation of the line holding the header.
  let lineStart = start;
  while (lineStart > 0 && !isBreak(source[lineStart - 1])) lineStart--;
  let parentIndent = 0;
  while (source[lineStart + parentIndent] === " ") parentIndent++;
  const lineList: { start: number; end: number; breakAt: number }[] = [];
  let p = i;
  while (p < end) {
    let e = p;
    while (e < end && !isBreak(source[e])) e++;
    lineList.push({ start: p, end: e, breakAt: e });
    if (e >= end) break;
    p = source[e] === "\r" && source[e + 1] === "\n" ? e + 2 : e + 1;
  }
  let indent = explicitIndent ? parentIndent + explicitIndent : 0;
  if (!indent) {
    for (const line of lineList) {
      let k = line.start;
      while (k < line.end && source[k] === " ") k++;
      if (k < line.end) {
        indent = k - line.start;
        break;
      }
    }
  }
  const out = new Out();
  // Trailing break handling is done at the end, so collect content lines first.
  let trailingBreaks: number[] = [];
  let previousWasNormalText = false;
  let sawContent = false;
  let pendingFoldBreak = -1;
  for (const line of lineList) {
    const contentStart = Math.min(line.start + indent, line.end);
    let hasText = false;
    for (let k = line.start; k < line.end; k++) {
      if (source[k] !== " ") {
        hasText = true;
        break;
      }
    }
    if (!hasText) {
      trailingBreaks.push(line.breakAt);
      continue;
    }
    const moreIndented = source[contentStart] === " " || source[contentStart] === "\t";
    if (sawContent) {
      if (folded && previousWasNormalText && !moreIndented && trailingBreaks.length === 0) {
        out.push(" ", pendingFoldBreak);
      } else if (folded && previousWasNormalText && !moreIndented) {
        for (const at of trailingBreaks) out.push("\n", at);
      } else {
        out.push("\n", pendingFoldBreak);
        for (const at of trailingBreaks) out.push("\n", at);
      }
    } else {
      for (const at of trailingBreaks) out.push("\n", at);
    }
    trailingBreaks = [];
    for (let k = contentStart; k < line.end; k++) out.push(source[k]!, k);
    sawContent = true;
    previousWasNormalText = !moreIndented;
    pendingFoldBreak = line.breakAt;
  }
  if (sawContent && chomp !== "strip" && pendingFoldBreak < end) out.push("\n", pendingFoldBreak);
  if (chomp === "keep") for (const at of trailingBreaks) out.push("\n", at);
  return out.result(end);
}

/**
 * Decoded text and table for a scalar with `value` (as the `yaml` package decoded it) at `source[start, end)`.
 * Falls back to an alignment when this decoder and the package disagree.
 */
export function mapYamlScalar(source: string, start: number, end: number, style: ScalarStyle | undefined, value: string): DecodedString {
  let decoded: DecodedString | undefined;
  try {
    if (style === "BLOCK_LITERAL" || style === "BLOCK_FOLDED") decoded = decodeBlock(source, start, end, style === "BLOCK_FOLDED");
    else decoded = decodeFlow(source, start, end, style ?? "PLAIN");
  } catch {
    decoded = undefined;
  }
  if (decoded && decoded.text === value) return decoded;
  return align(source, start, end, value);
}

/**
 * Monotonic alignment of `value` against `source[start, end)`: equal characters advance both sides,
 * anything else maps to the current source position. Linear in both lengths.
 */
export function align(source: string, start: number, end: number, value: string): DecodedString {
  const table = new Int32Array(value.length + 1);
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    let k = j;
    // Look a short way ahead (quotes, indentation, escape prefixes) for the same character.
    const limit = Math.min(end, j + 12);
    while (k < limit && source[k] !== c) k++;
    if (k < limit) {
      table[i] = k;
      j = k + 1;
    } else {
      table[i] = Math.min(j, end);
      if (j < end && (c === " " || c === "\n")) j++;
    }
  }
  table[value.length] = end;
  for (let i = 1; i < table.length; i++) if (table[i]! < table[i - 1]!) table[i] = table[i - 1]!;
  return { text: value, table };
}
