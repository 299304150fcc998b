import path from "node:path";
import type { LintMessage, LintResult } from "../rule-api/types.js";
import type { FormatContext } from "./types.js";
import { safeFix, safeSuggestions } from "./util.js";

/**
 * ESLint's JSON shape, so tools that read `eslint -f json` read this too. The linted text and the
 * fixed output are left out: they may be large, and the output is not masked.
 */
export function formatJson(results: LintResult[], context: FormatContext): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: path.resolve(context.cwd, r.filePath),
      messages: r.messages.map(jsonMessage),
      suppressedMessages: r.suppressedMessages.map(jsonMessage),
      errorCount: r.errorCount,
      fatalErrorCount: r.fatalErrorCount,
      warningCount: r.warningCount,
      fixableErrorCount: r.fixableErrorCount,
      fixableWarningCount: r.fixableWarningCount,
      usedDeprecatedRules: [],
    })),
  );
}

function jsonMessage(m: LintMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  };
  if (m.messageId !== undefined) out["messageId"] = m.messageId;
  if (m.fatal) out["fatal"] = true;
  const fix = safeFix(m);
  if (fix) out["fix"] = fix;
  const suggestions = safeSuggestions(m);
  if (suggestions) out["suggestions"] = suggestions;
  if (m.related && m.related.length > 0) out["related"] = m.related;
  if (m.sensitive) out["sensitive"] = true;
  if (m.suppressions) out["suppressions"] = m.suppressions;
  return out;
}
