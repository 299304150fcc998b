import { describe, expect, it } from "vitest";
import { decodeFile, firstInvalidUtf8 } from "../../src/files/decode.js";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("decodeFile", () => {
  it("decodes UTF-8 and strips a BOM, remembering it", () => {
    expect(decodeFile(bytes([0xef, 0xbb, 0xbf], "héllo"), 1000)).toEqual({ kind: "text", text: "héllo", bom: true });
    expect(decodeFile(bytes("plain"), 1000)).toEqual({ kind: "text", text: "plain", bom: false });
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
});
