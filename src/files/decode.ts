/**
 * Turns a file's bytes into text, or says precisely why it cannot: binary content, invalid UTF-8 or UTF-16
 * (with the line and column of the first bad byte), or a size over the limit. A UTF-8 BOM is stripped and
 * remembered; a UTF-16 BOM (little or big endian) selects that encoding, as editors and PowerShell's `>` write
 * it, so such a file is linted like any other instead of passing as "binary" with its secrets unseen.
 */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

export type Decoded =
  | { kind: "text"; text: string; /** A UTF-8 byte order mark was stripped. */ bom: boolean; encoding: TextEncoding }
  | { kind: "binary"; reason: string }
  | { kind: "invalid-utf8"; line: number; column: number; byteOffset: number }
  | { kind: "invalid-utf16"; encoding: "utf-16le" | "utf-16be"; line: number; column: number; byteOffset: number }
  | { kind: "too-large"; bytes: number; limit: number };

const BINARY_SNIFF_BYTES = 8000;

export function decodeFile(bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) return { kind: "too-large", bytes: bytes.length, limit: maxBytes };
  const utf16 = utf16Encoding(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);
  // Git's own heuristic: a NUL byte near the start means binary.
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) return { kind: "binary", reason: "contains NUL bytes" };

  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    return { kind: "text", text, bom, encoding: "utf-8" };
  } catch {
    const byteOffset = firstInvalidUtf8(body);
    const { line, column } = positionInText(new TextDecoder("utf-8").decode(body.subarray(0, byteOffset)));
    return { kind: "invalid-utf8", line, column, byteOffset: byteOffset + (bom ? 3 : 0) };
  }
}

/** The bytes a fixed text is written back as: the encoding it was read in, with the BOM it had. */
export function encodeText(text: string, decoded: { bom: boolean; encoding: TextEncoding }): Buffer {
  if (decoded.encoding === "utf-8") return Buffer.from(decoded.bom ? `\uFEFF${text}` : text, "utf8");
  const bytes = Buffer.from(`\uFEFF${text}`, "utf16le");
  if (decoded.encoding === "utf-16be") bytes.swap16();
  return bytes;
}

/** UTF-16 announced by its byte order mark (a UTF-32 little-endian BOM starts with the same two bytes: not UTF-16). */
function utf16Encoding(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0 && bytes[3] === 0 ? undefined : "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): Decoded {
  const bad = firstInvalidUtf16(bytes, encoding);
  if (bad !== undefined) {
    const before = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes.subarray(0, bad - (bad % 2)));
    return { kind: "invalid-utf16", encoding, byteOffset: bad, ...positionInText(before) };
  }
  const text = new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  // UTF-16 text has NUL bytes by nature; a NUL character in it still means binary, as in UTF-8.
  if (text.slice(0, BINARY_SNIFF_BYTES).includes("\0")) return { kind: "binary", reason: "contains NUL characters" };
  return { kind: "text", text, bom: false, encoding };
}

/** Byte offset of the first unit that is not part of valid UTF-16 (an odd last byte, a lone surrogate), after the BOM. */
export function firstInvalidUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): number | undefined {
  const unitAt = encoding === "utf-16le" ? (i: number) => bytes[i]! | (bytes[i + 1]! << 8) : (i: number) => (bytes[i]! << 8) | bytes[i + 1]!;
  const end = bytes.length - (bytes.length % 2);
  for (let i = 2; i < end; i += 2) {
    const unit = unitAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 2 < end ? unitAt(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return end < bytes.length ? end : undefined;
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

/** 1-based line and column (in UTF-16 units) just past `before`, the valid text before a bad byte. */
function positionInText(before: string): { line: number; column: number } {
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
