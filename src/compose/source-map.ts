/**
 * A source map for text assembled from several files. The composed text is a sequence of pieces; each
 * piece is a verbatim slice of one file (or a few synthetic characters such as a separating newline,
 * attributed to the reference that caused them). Any composed offset maps back to `{ filePath, offset }`.
 */
import type { Range } from "../model/document.js";

export interface Piece {
  /** Offsets in the composed text, `[start, end)`. */
  start: number;
  end: number;
  filePath: string;
  /** Offset in `filePath` (BOM removed) of the piece's first character. */
  sourceStart: number;
  /** Inserted by composition (a separator), not copied from the file: maps to a fixed point. */
  synthetic?: boolean;
}

export interface SourceLocation {
  filePath: string;
  offset: number;
  synthetic?: boolean;
}

/** Composed text plus its pieces: the value every composition step takes and returns. */
export interface MappedText {
  text: string;
  pieces: Piece[];
}

export class MappedTextBuilder {
  private text = "";
  private readonly pieces: Piece[] = [];

  get length(): number {
    return this.text.length;
  }

  /** The text so far (to decide whether a separator is needed). */
  get value(): string {
    return this.text;
  }

  /** Appends `source.slice(from, to)` of `filePath`. */
  appendSource(filePath: string, source: string, from: number, to: number): void {
    if (to <= from) return;
    this.push({ start: this.text.length, end: this.text.length + (to - from), filePath, sourceStart: from });
    this.text += source.slice(from, to);
  }

  /** Appends characters that no file holds, attributed to `anchor`. */
  appendSynthetic(text: string, anchor: SourceLocation): void {
    if (text === "") return;
    this.push({ start: this.text.length, end: this.text.length + text.length, filePath: anchor.filePath, sourceStart: anchor.offset, synthetic: true });
    this.text += text;
  }

  /** Appends `mapped.text.slice(from, to)`, keeping where each character came from. */
  appendMapped(mapped: MappedText, from = 0, to = mapped.text.length): void {
    if (to <= from) return;
    const shift = this.text.length - from;
    for (const p of mapped.pieces) {
      if (p.end <= from || p.start >= to) continue;
      const start = Math.max(p.start, from);
      const end = Math.min(p.end, to);
      this.push({
        start: start + shift,
        end: end + shift,
        filePath: p.filePath,
        sourceStart: p.synthetic ? p.sourceStart : p.sourceStart + (start - p.start),
        synthetic: p.synthetic,
      });
    }
    this.text += mapped.text.slice(from, to);
  }

  /** Makes sure the text ends with a blank line (or is empty), so the next block starts a paragraph. */
  ensureBlankLine(anchor: SourceLocation): void {
    if (this.text === "") return;
    if (this.text.endsWith("\n\n")) return;
    this.appendSynthetic(this.text.endsWith("\n") ? "\n" : "\n\n", anchor);
  }

  build(): MappedText {
    return { text: this.text, pieces: [...this.pieces] };
  }

  private push(piece: Piece): void {
    const last = this.pieces[this.pieces.length - 1];
    // Merge with the previous piece when it continues the same file slice: fewer pieces, faster lookups.
    if (
      last && !last.synthetic && !piece.synthetic && last.filePath === piece.filePath && last.end === piece.start &&
      last.sourceStart + (last.end - last.start) === piece.sourceStart
    ) {
      last.end = piece.end;
      return;
    }
    this.pieces.push(piece);
  }
}

/** Index of the piece holding `offset` (the last piece for offsets at or past the end). */
function pieceAt(pieces: readonly Piece[], offset: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where a composed offset came from. */
export function locateOffset(mapped: MappedText, offset: number): SourceLocation | undefined {
  if (mapped.pieces.length === 0) return undefined;
  const clamped = Math.max(0, Math.min(offset, mapped.text.length));
  let i = pieceAt(mapped.pieces, clamped);
  // An offset at the end of a piece belongs to the next one, unless this is the last piece.
  while (i + 1 < mapped.pieces.length && mapped.pieces[i]!.end <= clamped) i++;
  const p = mapped.pieces[i]!;
  if (p.synthetic) return { filePath: p.filePath, offset: p.sourceStart, synthetic: true };
  return { filePath: p.filePath, offset: p.sourceStart + Math.min(clamped - p.start, p.end - p.start) };
}

/**
 * Where a composed range came from. A range that crosses into another file is cut at the end of the
 * piece its start lies in: a finding is reported in one file.
 */
export function locateRange(mapped: MappedText, range: Range): { filePath: string; range: Range; synthetic?: boolean } | undefined {
  const start = locateOffset(mapped, range[0]);
  if (!start) return undefined;
  if (start.synthetic) return { filePath: start.filePath, range: [start.offset, start.offset], synthetic: true };
  const i = pieceAt(mapped.pieces, Math.max(0, Math.min(range[0], mapped.text.length)));
  let piece = mapped.pieces[i]!;
  if (piece.end <= range[0] && i + 1 < mapped.pieces.length) piece = mapped.pieces[i + 1]!;
  const end = Math.min(range[1], piece.end);
  return { filePath: start.filePath, range: [start.offset, start.offset + Math.max(0, end - Math.max(range[0], piece.start))] };
}
