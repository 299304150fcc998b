/**
 * Finds credentials anywhere in a PromptDocument with two scans and no double reports:
 *
 * 1. The decoded segments (JSON/JSONL strings, quoted YAML scalars: segments whose map is not verbatim),
 *    joined into one text and scanned once. A key written with escapes (`\u0041IzaSy…`, or glued to a `\n`
 *    escape) is only visible decoded, and the segment map turns decoded offsets back into raw columns.
 * 2. The raw source, once. It covers everything else: markdown prose and code blocks (verbatim segments are
 *    plain slices of the source), frontmatter keys, JSON keys, comments, text outside any segment.
 *
 * A raw hit that overlaps a decoded segment is dropped: inside an encoded string the decoded view is the
 * truth, and the raw view sees escape sequences (`\n`, `\"`) as letters of the key.
 */
import type { PromptDocument, Range, Segment, SegmentRole } from "../model/document.js";
import { scanSecrets } from "./scan.js";

export interface DocumentSecret {
  kind: string;
  ruleId: string;
  /** Source range of the secret. */
  range: Range;
  /** Role of the segment it sits in, when it sits in one. */
  role?: SegmentRole;
}

/** Maps a range inside a segment to the source (the rule passes `context.segmentRange`). */
export type SegmentRangeMapper = (segment: Segment, range: Range) => Range;

/** Separator between decoded segments: no detector pattern crosses a blank line. */
const SEPARATOR = "\n\n";

export async function findDocumentSecrets(
  document: PromptDocument,
  segmentRange: SegmentRangeMapper = (segment, range) => segment.map.rangeToSource(range),
): Promise<DocumentSecret[]> {
  const found: DocumentSecret[] = [];

  const decoded = document.segments.filter((s) => !s.map.isVerbatim && s.text.length > 0);
  if (decoded.length > 0) {
    const starts: number[] = [];
    let combined = "";
    for (const segment of decoded) {
      if (combined.length > 0) combined += SEPARATOR;
      starts.push(combined.length);
      combined += segment.text;
    }
    for (const match of await scanSecrets(combined, document.path)) {
      const index = lastAtOrBefore(starts, match.start);
      const segment = decoded[index]!;
      const base = starts[index]!;
      // A match that runs past its segment joined two strings: not one secret.
      if (match.end > base + segment.text.length) continue;
      found.push({
        kind: match.kind,
        ruleId: match.ruleId,
        range: segmentRange(segment, [match.start - base, match.end - base]),
        role: segment.role,
      });
    }
  }

  const decodedRanges = decoded.map((s) => s.range);
  for (const match of await scanSecrets(document.source, document.path)) {
    if (decodedRanges.some(([s, e]) => match.start < e && match.end > s)) continue;
    found.push({
      kind: match.kind,
      ruleId: match.ruleId,
      range: [match.start, match.end],
      role: roleAt(document.segments, match.start, match.end),
    });
  }

  return found.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

/** Index of the last entry `<= value` in an ascending array (the array is never empty here). */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Role of the innermost segment that contains the range, if any. */
function roleAt(segments: readonly Segment[], start: number, end: number): SegmentRole | undefined {
  let best: Segment | undefined;
  for (const segment of segments) {
    const [s, e] = segment.range;
    if (s <= start && end <= e && (!best || e - s < best.range[1] - best.range[0])) best = segment;
  }
  return best?.role;
}
