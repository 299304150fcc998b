/**
 * What to mask in the source before any of it is printed (code frames) or hashed (SARIF fingerprints).
 * Masking only the flagged ranges is not enough: a frame shows the lines around a finding, and those lines
 * hold the partner of a flagged key (an AWS secret next to its id), the same value again, a key body no rule
 * matched, or a `password:` line.
 */
import type { LineIndex } from "../model/line-index.js";
import type { Range } from "../model/document.js";
import { findCredentialShapes, mergeRanges } from "./credential-shapes.js";
import { findPersonalShapes } from "./personal-shapes.js";
import type { SensitiveValues } from "./sensitive-values.js";
import { appendAll } from "../util/append.js";

/**
 * Lines around a sensitive finding where any credential-like token is masked. Code frames show two lines
 * of context; one more covers a frame drawn for a neighbouring finding.
 */
export const FRAME_NEIGHBOURHOOD_LINES = 3;

/**
 * Ranges of `source` to mask: the flagged ranges, every occurrence of every sensitive value, credential
 * shapes anywhere, and weaker credential shapes on the lines around each flagged range and each credential
 * shape (a key id no rule reported still has its secret on the same line). Around a flagged range, personal
 * shapes too (numbers, postcodes, known names): what a detector missed beside its hit stays hidden; likewise
 * around each of `framed` (every finding of a file that holds personal data: a frame drawn for a whitespace
 * warning shows the same lines).
 */
export function frameMaskRanges(source: string, lines: LineIndex, flagged: readonly Range[], values: SensitiveValues, framed: readonly Range[] = []): Range[] {
  const ranges: Range[] = [...flagged];
  for (const { range } of values.occurrences(source)) ranges.push(range);
  const strong = findCredentialShapes(source, "strong");
  appendAll(ranges, strong);
  for (const [from, to] of neighbourhoods(lines, [...flagged, ...strong])) {
    for (const [s, e] of findCredentialShapes(source.slice(from, to), "weak")) ranges.push([from + s, from + e]);
  }
  for (const [from, to] of neighbourhoods(lines, [...flagged, ...framed])) {
    for (const [s, e] of findPersonalShapes(source.slice(from, to))) ranges.push([from + s, from + e]);
  }
  return mergeRanges(ranges);
}

/** Source ranges of the lines within FRAME_NEIGHBOURHOOD_LINES of each flagged range, merged. */
function neighbourhoods(lines: LineIndex, flagged: readonly Range[]): Range[] {
  const spans: Range[] = [];
  for (const [start, end] of flagged) {
    const first = Math.max(1, lines.positionAt(start).line - FRAME_NEIGHBOURHOOD_LINES);
    const last = Math.min(lines.lineCount, lines.positionAt(end).line + FRAME_NEIGHBOURHOOD_LINES);
    spans.push([lines.lineStarts[first - 1] ?? 0, lines.lineEnd(last)]);
  }
  return mergeRanges(spans);
}
