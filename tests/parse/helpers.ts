import { expect } from "vitest";
import type { Format, PromptDocument, Range } from "../../src/model/document.js";
import { parseDocument } from "../../src/parse/index.js";

export function parse(path: string, format: Format, source: string): PromptDocument {
  return parseDocument({ path, source, format, bom: false });
}

/** Line/column of both ends of a range, 1-based, end exclusive. */
export function where(doc: PromptDocument, range: Range) {
  const s = doc.lines.positionAt(range[0]);
  const e = doc.lines.positionAt(range[1]);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** Every segment lies inside the source and its map is monotonic and in bounds. */
export function expectWellFormed(doc: PromptDocument): void {
  const n = doc.source.length;
  for (const seg of doc.segments) {
    expect(seg.range[0]).toBeGreaterThanOrEqual(0);
    expect(seg.range[1]).toBeLessThanOrEqual(n);
    expect(seg.range[0]).toBeLessThanOrEqual(seg.range[1]);
    if (seg.map.isVerbatim) expect(seg.text).toBe(doc.source.slice(seg.range[0], seg.range[1]));
    let previous = -1;
    for (let i = 0; i <= seg.text.length; i += Math.max(1, Math.floor(seg.text.length / 50))) {
      const at = seg.map.toSource(i);
      expect(at).toBeGreaterThanOrEqual(previous);
      expect(at).toBeLessThanOrEqual(n);
      previous = at;
    }
  }
  for (const list of [doc.variables, doc.tags, doc.comments, doc.problems]) {
    for (const item of list) expect(item.range[1]).toBeLessThanOrEqual(n);
  }
}
