import path from "node:path";
import type { LintMessage, LintResult, RuleMeta } from "../../src/rule-api/types.js";
import { maskRanges } from "../../src/rule-api/mask.js";
import { LineIndex } from "../../src/model/line-index.js";
import type { FormatContext } from "../../src/report/types.js";

export const CWD = path.resolve("/repo/project");

export const RULES = new Map<string, RuleMeta>(
  (
    [
      {
        id: "pii/email",
        category: "pii",
        hasSuggestions: true,
        docs: { description: "Disallow real email addresses in prompts", help: "Use a placeholder such as {{email}}.", recommended: "error" },
        messages: { found: "Unexpected email address {{masked}}, expected a placeholder." },
      },
      {
        id: "secrets/api-key",
        category: "secrets",
        docs: { description: "Disallow API keys in prompts.", recommended: "error" },
        messages: { found: "Unexpected API key {{masked}}, expected an environment variable." },
      },
      {
        id: "hygiene/trailing-space",
        category: "hygiene",
        fixable: true,
        docs: { description: "Disallow trailing whitespace", recommended: "warn" },
        messages: { found: "Unexpected trailing whitespace, expected none." },
      },
      {
        id: "contradiction/tone",
        category: "contradiction",
        docs: { description: "Disallow contradictory tone instructions", recommended: false },
        messages: { found: "Unexpected contradiction with line {{line}}." },
      },
    ] satisfies RuleMeta[]
  ).map((m) => [m.id, m]),
);

export function context(overrides: Partial<FormatContext> = {}): FormatContext {
  return { cwd: CWD, color: false, rules: RULES, toolVersion: "0.1.0", ...overrides };
}

/** A finding located by a substring of the source (the nth occurrence), so positions are computed, not typed. */
export interface Finding {
  ruleId: string | null;
  severity?: 1 | 2;
  message: string;
  find?: string;
  nth?: number;
  fix?: { text: string };
  suggest?: { desc: string; text: string }[];
  related?: LintMessage["related"];
  sensitive?: boolean;
  fatal?: boolean;
  suppressed?: string;
}

export function locate(source: string, find: string, nth = 1): [number, number] {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = source.indexOf(find, at + 1);
    if (at === -1) throw new Error(`fixture: "${find}" #${nth} not in source`);
  }
  return [at, at + find.length];
}

/**
 * Builds a result the way the engine does: positions from offsets, sensitive ranges masked in
 * `source`, counts derived from the messages.
 */
export function result(relPath: string, rawSource: string | undefined, findings: Finding[], stats?: Record<string, unknown>): LintResult {
  const lines = rawSource !== undefined ? new LineIndex(rawSource) : undefined;
  const messages: LintMessage[] = [];
  const suppressedMessages: LintMessage[] = [];
  const sensitiveRanges: [number, number][] = [];
  for (const f of findings) {
    const m: LintMessage = { ruleId: f.ruleId, severity: f.severity ?? 2, message: f.message, line: 0, column: 0, endLine: 0, endColumn: 0 };
    if (f.find && lines && rawSource !== undefined) {
      const range = locate(rawSource, f.find, f.nth);
      const s = lines.positionAt(range[0]);
      const e = lines.positionAt(range[1]);
      Object.assign(m, { line: s.line, column: s.column, endLine: e.line, endColumn: e.column });
      if (f.fix) m.fix = { range, text: f.fix.text };
      if (f.suggest) m.suggestions = f.suggest.map((s) => ({ desc: s.desc, fix: { range, text: s.text } }));
      if (f.sensitive) sensitiveRanges.push(range);
    }
    if (f.fatal) m.fatal = true;
    if (f.sensitive) m.sensitive = true;
    if (f.related) m.related = f.related;
    if (f.suppressed !== undefined) {
      suppressedMessages.push({ ...m, suppressions: [{ kind: "directive", justification: f.suppressed }] });
    } else {
      messages.push(m);
    }
  }
  const count = (pred: (m: LintMessage) => boolean) => messages.filter(pred).length;
  return {
    filePath: path.join(CWD, relPath),
    messages,
    suppressedMessages,
    errorCount: count((m) => m.severity === 2),
    warningCount: count((m) => m.severity === 1),
    fatalErrorCount: count((m) => m.fatal === true),
    fixableErrorCount: count((m) => m.severity === 2 && m.fix !== undefined),
    fixableWarningCount: count((m) => m.severity === 1 && m.fix !== undefined),
    ...(rawSource !== undefined ? { source: maskRanges(rawSource, sensitiveRanges) } : {}),
    ...(stats ? { stats } : {}),
  };
}

export const SUPPORT_SOURCE = [
  "---",
  "model: gpt-4o",
  "---",
  "# Support assistant",
  "",
  "You are a friendly support agent.   ",
  "Always answer formally.",
  "Contact jane.doe@example.com for refunds.",
  "Be casual and use slang.",
  "",
].join("\n");

/** A realistic mixed result set used by several format tests. */
export function sampleResults(): LintResult[] {
  return [
    result("prompts/support.md", SUPPORT_SOURCE, [
      { ruleId: "hygiene/trailing-space", severity: 1, message: "Unexpected trailing whitespace, expected none.", find: "   \n", fix: { text: "\n" } },
      { ruleId: "pii/email", message: "Unexpected email address j…m, expected a placeholder.", find: "jane.doe@example.com", sensitive: true, suggest: [{ desc: "Replace with {{email}}", text: "{{email}}" }] },
      {
        ruleId: "contradiction/tone",
        severity: 1,
        message: "Unexpected contradiction with line 7.",
        find: "Be casual and use slang.",
        related: [{ line: 7, column: 1, endLine: 7, endColumn: 24, message: "Formal tone requested here" }],
      },
    ]),
    result("prompts/clean.md", "Just a clean prompt.\n", []),
    result("prompts/broken.md", undefined, [{ ruleId: null, message: "Cannot read file: invalid UTF-8 at byte 12.", fatal: true }]),
  ];
}
