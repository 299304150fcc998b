import type { Range } from "./document.js";

/**
 * Maps offsets in a segment's text back to offsets in the file's source.
 *
 * Most segments are verbatim slices of the source, so a base offset is enough. Decoded strings (JSON
 * escapes, YAML quoted scalars) need a table: entry i is the source offset where decoded character i
 * starts, and the extra last entry is where the encoded string ends. That way `\u00e9` (six source
 * characters) maps to one decoded character, and a finding after it lands on the right raw column.
 */
export class OffsetMap {
  private constructor(
    private readonly base: number,
    private readonly table: Int32Array | undefined,
  ) {}

  /** A verbatim slice of the source that starts at `base`. */
  static verbatim(base: number): OffsetMap {
    return new OffsetMap(base, undefined);
  }

  /** A decoded string; `table.length` must be `decoded.length + 1`. */
  static fromTable(table: Int32Array | number[]): OffsetMap {
    return new OffsetMap(0, table instanceof Int32Array ? table : Int32Array.from(table));
  }

  get isVerbatim(): boolean {
    return this.table === undefined;
  }

  /** Source offset of a segment offset (used for start positions). */
  toSource(offset: number): number {
    if (!this.table) return this.base + offset;
    const i = Math.max(0, Math.min(offset, this.table.length - 1));
    return this.table[i]!;
  }

  /** Source range covering a segment range; an escape sequence is covered whole. */
  rangeToSource(range: Range): Range {
    const start = this.toSource(range[0]);
    if (range[1] <= range[0]) return [start, start];
    return [start, this.toSource(range[1])];
  }
}
