/**
 * Turns a file's bytes into text, or says precisely why it cannot: binary content, invalid UTF-8 (with the
 * line and column of the first bad byte), or a size over the limit. A UTF-8 BOM is stripped and remembered.
 */
export type Decoded =
  | { kind: "text"; text: string; bom: boolean }
  | { kind: "binary"; reason: string }
  | { kind: "invalid-utf8"; line: number; column: number; byteOffset: number }
  | { kind: "too-large"; bytes: number; limit: number };

const BINARY_SNIFF_BYTES = 8000;

export function decodeFile(bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) return { kind: "too-large", bytes: bytes.length, limit: maxBytes };
  // Git's own heuristic: a NUL byte near the start means binary.
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { kind: "binary", reason: "contains NUL bytes" };

  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    return { kind: "text", text, bom };
  } catch {
    const byteOffset = firstInvalidUtf8(body);
    const { line, column } = positionOfByte(body, byteOffset);
    return { kind: "invalid-utf8", line, column, byteOffset: byteOffset + (bom ? 3 : 0) };
  }
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based line and column (in characters of the valid text before it) of a byte offset. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < before.length; i++) {
    const c = before.charCodeAt(i);
    if (c === 10 || (c === 13 && before.charCodeAt(i + 1) !== 10)) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: before.length - lastBreak };
}
