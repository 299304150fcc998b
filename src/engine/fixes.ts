import type { Fix, LintMessage } from "../rule-api/types.js";

export interface FixOutcome {
  output: string;
  /** Number of fixes applied. */
  applied: number;
}

/**
 * Applies non-overlapping fixes, earliest first. A fix that overlaps one already taken waits for the next
 * pass (the caller re-lints and tries again), so each fix only ever touches its own range.
 */
export function applyFixes(source: string, messages: readonly LintMessage[], filter?: (m: LintMessage) => boolean): FixOutcome {
  const fixes: Fix[] = messages
    .filter((m) => m.fix && (!filter || filter(m)))
    .map((m) => m.fix!)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = "";
  let cursor = 0;
  let applied = 0;
  let lastEnd = -1;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    if (start < 0 || end > source.length || start > end) continue;
    // Touching ranges are fine; overlapping ones are not. Two insertions at one point would be ambiguous.
    if (start < lastEnd || (start === lastEnd && start === end)) continue;
    output += source.slice(cursor, start) + fix.text;
    cursor = end;
    lastEnd = end;
    applied++;
  }
  output += source.slice(cursor);
  return { output, applied };
}
