/**
 * Decodes a JSON string literal and records, for every decoded UTF-16 unit, the source offset where its
 * encoding starts (`\u00e9` is six source characters for one decoded one). The extra last entry is the
 * offset of the closing quote, so `table.length === text.length + 1` as `OffsetMap.fromTable` expects.
 */
export interface DecodedString {
  text: string;
  table: Int32Array;
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/**
 * `start` is the offset of the opening quote, `end` the offset just past the closing quote (or the end of
 * the token when unterminated). Invalid escapes are kept verbatim: the parser reports them elsewhere.
 */
export function decodeJsonString(source: string, start: number, end: number): DecodedString {
  const contentStart = start + 1;
  let contentEnd = end;
  if (end - 1 > start && source.charCodeAt(end - 1) === 34 && !isEscaped(source, start + 1, end - 1)) contentEnd = end - 1;
  const table = new Int32Array(contentEnd - contentStart + 1);
  const parts: string[] = [];
  let n = 0;
  let chunkStart = contentStart;
  let i = contentStart;
  const flush = (to: number) => {
    if (to > chunkStart) parts.push(source.slice(chunkStart, to));
  };
  while (i < contentEnd) {
    const c = source.charCodeAt(i);
    if (c !== 92 /* \ */) {
      table[n++] = i;
      i++;
      continue;
    }
    flush(i);
    const next = source[i + 1];
    if (next !== undefined && next in SIMPLE_ESCAPES && i + 1 < contentEnd) {
      parts.push(SIMPLE_ESCAPES[next]!);
      table[n++] = i;
      i += 2;
    } else if (next === "u" && i + 6 <= contentEnd && isHex4(source, i + 2)) {
      parts.push(String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16)));
      table[n++] = i;
      i += 6;
    } else {
      // Invalid escape: keep the backslash as written.
      parts.push("\\");
      table[n++] = i;
      i += 1;
    }
    chunkStart = i;
  }
  flush(contentEnd);
  table[n] = contentEnd;
  return { text: parts.join(""), table: n + 1 === table.length ? table : table.slice(0, n + 1) };
}

function isHex4(source: string, at: number): boolean {
  for (let k = 0; k < 4; k++) {
    const c = source.charCodeAt(at + k);
    const hex = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
    if (!hex) return false;
  }
  return true;
}

/** True when the character at `at` is preceded by an odd number of backslashes (from `min`). */
function isEscaped(source: string, min: number, at: number): boolean {
  let count = 0;
  for (let i = at - 1; i >= min && source.charCodeAt(i) === 92; i--) count++;
  return count % 2 === 1;
}

/**
 * Ranges of `\uD800`–`\uDFFF` escapes that do not form a high-low pair. JSON.parse accepts them, but the
 * string they make is not Unicode: it cannot be written as UTF-8, and APIs reject or mangle it. In JSON a
 * backslash only ever appears inside strings, so the raw text can be scanned without parsing it.
 */
export function loneSurrogateEscapes(source: string): [number, number][] {
  const lone: [number, number][] = [];
  let pendingHigh = -1;
  for (let i = source.indexOf("\\"); i !== -1; i = source.indexOf("\\", i)) {
    const unit = source[i + 1] === "u" ? hexUnit(source, i + 2) : -1;
    if (pendingHigh !== -1 && !(pendingHigh + 6 === i && unit >= 0xdc00 && unit <= 0xdfff)) lone.push([pendingHigh, pendingHigh + 6]);
    const pairedLow = pendingHigh !== -1 && pendingHigh + 6 === i && unit >= 0xdc00 && unit <= 0xdfff;
    pendingHigh = -1;
    if (unit >= 0xd800 && unit <= 0xdbff) pendingHigh = i;
    else if (unit >= 0xdc00 && unit <= 0xdfff && !pairedLow) lone.push([i, i + 6]);
    i += unit === -1 ? 2 : 6;
  }
  if (pendingHigh !== -1) lone.push([pendingHigh, pendingHigh + 6]);
  return lone;
}

function hexUnit(source: string, at: number): number {
  const hex = source.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(hex) ? Number.parseInt(hex, 16) : -1;
}
