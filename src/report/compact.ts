import type { LintResult } from "../rule-api/types.js";
import type { FormatContext } from "./types.js";
import { displayPath, oneLine, severityName, sortedMessages } from "./util.js";

/** One line per finding, `path:line:col: severity rule-id message`: easy to grep and to parse. */
export function formatCompact(results: LintResult[], context: FormatContext): string {
  const out: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd);
    for (const m of sortedMessages(result.messages)) {
      const line = m.line >= 1 ? m.line : 1;
      const column = m.column >= 1 ? m.column : 1;
      const rule = m.fatal ? "fatal" : (m.ruleId ?? "promptvet");
      out.push(`${file}:${line}:${column}: ${severityName(m)} ${rule} ${oneLine(m.message)}`);
    }
  }
  return out.length > 0 ? out.join("\n") + "\n" : "";
}
