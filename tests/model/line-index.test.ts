import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/model/line-index.js";
import { OffsetMap } from "../../src/model/offset-map.js";

describe("LineIndex", () => {
  it("maps offsets to 1-based lines and columns across LF, CRLF and lone CR", () => {
    const text = "ab\r\ncd\ref\ngh";
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(4);
    expect(index.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(index.positionAt(text.indexOf("c"))).toEqual({ line: 2, column: 1 });
    expect(index.positionAt(text.indexOf("f"))).toEqual({ line: 3, column: 2 });
    expect(index.positionAt(text.indexOf("h"))).toEqual({ line: 4, column: 2 });
    expect(index.lineText(1)).toBe("ab");
    expect(index.lineText(3)).toBe("ef");
    expect(index.positionAt(999)).toEqual({ line: 4, column: 3 });
  });

  it("offsetAt inverts positionAt for every offset of any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "\n", "\r", "\r\n", "é", "😀") }), (text) => {
        const index = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const pos = index.positionAt(offset);
          // Offsets between \r and \n of a CRLF have no column of their own; every other offset round-trips.
          if (text[offset - 1] === "\r" && text[offset] === "\n") continue;
          expect(index.offsetAt(pos)).toBe(offset);
        }
      }),
    );
  });
});

describe("OffsetMap", () => {
  it("maps verbatim segments by their base offset", () => {
    const map = OffsetMap.verbatim(10);
    expect(map.toSource(0)).toBe(10);
    expect(map.rangeToSource([2, 5])).toEqual([12, 15]);
  });

  it("maps decoded strings through a table, covering an escape whole", () => {
    // raw: C a f \ u 0 0 e 9 !   decoded: C a f é !
    const map = OffsetMap.fromTable([0, 1, 2, 3, 9, 10]);
    expect(map.toSource(3)).toBe(3);
    expect(map.rangeToSource([3, 4])).toEqual([3, 9]);
    expect(map.rangeToSource([4, 5])).toEqual([9, 10]);
  });
});
