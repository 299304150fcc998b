import { describe, expect, it } from "vitest";
import { decodeFile, encodeText, firstInvalidUtf8 } from "../../src/files/decode.js";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("decodeFile", () => {
  it("decodes UTF-8 and strips a BOM, remembering it", () => {
    expect(decodeFile(bytes([0xef, 0xbb, 0xbf], "héllo"), 1000)).toEqual({ kind: "text", text: "héllo", bom: true, encoding: "utf-8" });
    expect(decodeFile(bytes("plain"), 1000)).toEqual({ kind: "text", text: "plain", bom: false, encoding: "utf-8" });
  });

  it("names the line and column of the first invalid byte", () => {
    const result = decodeFile(bytes("line one\r\nab", [0xff], "cd"), 1000);
    expect(result).toEqual({ kind: "invalid-utf8", line: 2, column: 3, byteOffset: 12 });
  });

  it("rejects overlong encodings, surrogates and truncated sequences", () => {
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from("ok €😀", "utf8"))).toBe(Buffer.byteLength("ok €😀"));
  });

  it("spots binary files and files over the size limit", () => {
    expect(decodeFile(bytes("PK", [0, 0, 1]), 1000).kind).toBe("binary");
    expect(decodeFile(Buffer.alloc(2000, 0x61), 1000)).toEqual({ kind: "too-large", bytes: 2000, limit: 1000 });
  });

  it("decodes UTF-16 with a byte order mark (little and big endian) as text, and writes it back the same way", () => {
    const text = "# Café 😀\r\nline two\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le).swap16();
    expect(decodeFile(le, 1000)).toEqual({ kind: "text", text, bom: false, encoding: "utf-16le" });
    expect(decodeFile(be, 1000)).toEqual({ kind: "text", text, bom: false, encoding: "utf-16be" });
    expect(encodeText(text, { bom: false, encoding: "utf-16le" })).toEqual(le);
    expect(encodeText(text, { bom: false, encoding: "utf-16be" })).toEqual(be);
    expect(encodeText("é", { bom: true, encoding: "utf-8" })).toEqual(bytes([0xef, 0xbb, 0xbf], "é"));
  });

  it("names the line and column of a lone surrogate or an odd last byte in UTF-16", () => {
    const lone = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ab\ncd", "utf16le"), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    expect(decodeFile(lone, 1000)).toEqual({ kind: "invalid-utf16", encoding: "utf-16le", line: 2, column: 3, byteOffset: 12 });
    const odd = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("ab", "utf16le").swap16(), Buffer.from([0x00])]);
    expect(decodeFile(odd, 1000)).toEqual({ kind: "invalid-utf16", encoding: "utf-16be", line: 1, column: 3, byteOffset: 6 });
    const lowFirst = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x00, 0xdc])]);
    expect(decodeFile(lowFirst, 1000)).toMatchObject({ kind: "invalid-utf16", byteOffset: 2 });
  });

  it("keeps UTF-16 without a BOM, UTF-32 and NUL characters in UTF-16 binary", () => {
    expect(decodeFile(Buffer.from("no bom here", "utf16le"), 1000).kind).toBe("binary");
    expect(decodeFile(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 1000).kind).toBe("binary");
    expect(decodeFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a\0b", "utf16le")]), 1000)).toEqual({ kind: "binary", reason: "contains NUL characters" });
  });
});
