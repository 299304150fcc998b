/**
 * A rule lists at most `MAX_LISTED_PER_RULE` findings per file; the rest become one summary finding.
 *
 * Why: a generated or pasted file can hold a problem on every line (50,000 carriage returns, a zero-width space
 * between every word). Nobody reads the 50,001st identical finding, yet each one costs a message, masking, a
 * place in every report and in the cache, and a 100 KB file would take several times as long as a normal one.
 * The findings past the limit are recorded cheaply (an offset, a severity, a fix) and summarised once, so
 * `--fix` still repairs every one of them, directives still silence them, and the counts stay exact in the
 * summary's message.
 */
import type { PromptDocument } from "../model/document.js";
import type { Fix, LintMessage, ReportDescriptor } from "../rule-api/types.js";

export const MAX_LISTED_PER_RULE = 500;

/** A finding past the limit: enough to place it, silence it with a directive and fix it. */
interface UnlistedReport {
  offset: number;
  severity: 1 | 2;
  fix?: Fix;
}

/** The findings of each rule in one file that were not listed. */
export class UnlistedReports {
  private readonly byRule = new Map<string, UnlistedReport[]>();

  add(ruleId: string, descriptor: ReportDescriptor, severity: 1 | 2, sourceLength: number): void {
    let reports = this.byRule.get(ruleId);
    if (!reports) this.byRule.set(ruleId, (reports = []));
    const offset = Math.max(0, Math.min(descriptor.range[0], sourceLength));
    reports.push({ offset, severity: descriptor.severity ?? severity, ...(descriptor.fix ? { fix: { range: [descriptor.fix.range[0], descriptor.fix.range[1]], text: descriptor.fix.text } } : {}) });
  }

  get size(): number {
    return this.byRule.size;
  }

  /**
   * One finding per rule for its unlisted reports that no directive silences, placed at the first of them.
   * `silenced` says whether a directive covers a report (and marks that directive used).
   */
  summaries(document: PromptDocument, silenced: (ruleId: string, line: number, offset: number) => boolean): LintMessage[] {
    const out: LintMessage[] = [];
    for (const [ruleId, reports] of this.byRule) {
      const kept = reports.filter((r) => !silenced(ruleId, document.lines.positionAt(r.offset).line, r.offset));
      if (kept.length === 0) continue;
      kept.sort((a, b) => a.offset - b.offset);
      const at = document.lines.positionAt(kept[0]!.offset);
      const fixes = kept.flatMap((r) => (r.fix ? [r.fix] : []));
      const fix = mergeFixes(document.source, fixes);
      const count = kept.length.toLocaleString("en-US");
      const fixable = fixes.length === kept.length ? " --fix repairs them with the listed ones." : fixes.length > 0 ? " --fix repairs those it can." : "";
      const message: LintMessage = {
        ruleId,
        severity: kept.some((r) => r.severity === 2) ? 2 : 1,
        message: `${count} more ${kept.length === 1 ? "finding" : "findings"} of this rule in this file, from here on, are not listed one by one (a rule lists at most ${MAX_LISTED_PER_RULE.toLocaleString("en-US")} per file).${fixable}`,
        line: at.line,
        column: at.column,
        endLine: at.line,
        endColumn: at.column,
      };
      if (fix) message.fix = fix;
      out.push(message);
    }
    return out;
  }
}

/**
 * The fixes as one edit from the first fix's start to the last one's end, leaving the text between them as it
 * is. A fix that overlaps an earlier one is left out: the next fix pass lints again and finds it.
 */
export function mergeFixes(source: string, fixes: readonly Fix[]): Fix | undefined {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let text = "";
  let start = -1;
  let cursor = -1;
  for (const { range, text: replacement } of sorted) {
    const [from, to] = range;
    if (from < 0 || to > source.length || from > to) continue;
    if (start < 0) {
      start = cursor = from;
    } else if (from < cursor || (from === cursor && from === to)) {
      continue;
    }
    text += source.slice(cursor, from) + replacement;
    cursor = to;
  }
  if (start < 0) return undefined;
  return { range: [start, cursor], text };
}
