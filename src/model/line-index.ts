/**
 * Converts between UTF-16 offsets in a source text and 1-based line/column pairs.
 * Lines end at "\n", "\r\n" or a lone "\r", so a file with mixed endings still maps exactly.
 */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units (as ESLint and mdast do). */
  column: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Position of an offset; offsets past the end clamp to the end of the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - this.lineStarts[lo]! + 1 };
  }

  /** Offset of a 1-based position; columns past the line end clamp to it. */
  offsetAt(position: Position): number {
    const lineIdx = Math.max(0, Math.min(position.line - 1, this.lineStarts.length - 1));
    const start = this.lineStarts[lineIdx]!;
    const end = this.lineEnd(lineIdx + 1);
    return Math.min(start + Math.max(0, position.column - 1), end);
  }

  /** Offset just past the last content character of a 1-based line (before its line break). */
  lineEnd(line: number): number {
    const next = this.lineStarts[line];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Content of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return "";
    return this.text.slice(start, this.lineEnd(line));
  }
}
