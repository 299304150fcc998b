/**
 * The one place where engine positions become protocol positions. The engine speaks 1-based lines and
 * columns in UTF-16 code units of the text it parsed (without a byte order mark); the protocol speaks 0-based
 * lines and characters in UTF-16 code units (its default encoding, which this server announces) of the
 * editor's text. A byte order mark the editor kept in its text shifts the first line by one.
 */
import type { Position, Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";

/** An engine span: 1-based, end exclusive. */
export interface EngineSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** How the linted source sits in the editor's text. */
export interface SourceFrame {
  /** 1 when the editor's text starts with a byte order mark the engine stripped. */
  bomShift: 0 | 1;
}

export const NO_FRAME: SourceFrame = { bomShift: 0 };

function toPosition(line: number, column: number, frame: SourceFrame): Position {
  const l = Math.max(0, line - 1);
  return { line: l, character: Math.max(0, column - 1) + (l === 0 ? frame.bomShift : 0) };
}

export function spanToRange(span: EngineSpan, frame: SourceFrame = NO_FRAME): Range {
  return { start: toPosition(span.line, span.column, frame), end: toPosition(span.endLine, span.endColumn, frame) };
}

/** A `[start, end)` range of source offsets (fixes, suggestions) as a range of the editor's text. */
export function offsetsToRange(document: TextDocument, range: readonly [number, number], frame: SourceFrame = NO_FRAME): Range {
  return { start: document.positionAt(range[0] + frame.bomShift), end: document.positionAt(range[1] + frame.bomShift) };
}

/** The source offset of a protocol position (for hover), or -1 on the byte order mark itself. */
export function sourceOffsetAt(document: TextDocument, position: Position, frame: SourceFrame = NO_FRAME): number {
  return document.offsetAt(position) - frame.bomShift;
}

/** True when `position` lies inside `range` (ends inclusive, so a cursor just after a finding still counts). */
export function contains(range: Range, position: Position): boolean {
  return !before(position, range.start) && !before(range.end, position);
}

/** True when two ranges share at least one position (touching counts). */
export function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
