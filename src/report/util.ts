import path from "node:path";
import type { Fix, LintMessage, LintResult, Suggestion } from "../rule-api/types.js";
import type { FormatContext, TokenStats } from "./types.js";
import { byCodeUnit } from "../util/compare.js";

/** Stands in for fix or suggestion text of a sensitive finding: that text may hold the value itself. */
export const REDACTED = "[redacted]";

/** `filePath` relative to `base` with `/` separators; absolute (still with `/`) when it lies outside `base`. */
export function displayPath(filePath: string, base: string): string {
  const rel = path.relative(base, filePath);
  if (rel === "") return path.basename(filePath);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return toPosix(filePath);
  return toPosix(rel);
}

export function isOutside(filePath: string, base: string): boolean {
  const rel = path.relative(base, filePath);
  return rel.startsWith("..") || path.isAbsolute(rel);
}

export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

export function severityName(message: LintMessage): "error" | "warning" {
  return message.fatal || message.severity === 2 ? "error" : "warning";
}

/**
 * URL of a rule's docs: its own `docs.url` when it has one; none for a plugin's rule without one (promptvet's
 * docs cannot describe it); else promptvet's docs base, when configured.
 */
export function ruleDocsUrl(context: FormatContext, ruleId: string): string | undefined {
  const meta = context.rules.get(ruleId);
  if (meta?.docs.url) return meta.docs.url;
  if (meta?.plugin) return undefined;
  const base = context.docsBaseUrl;
  if (!base) return undefined;
  if (base.includes("{id}")) return base.split("{id}").join(ruleId);
  return `${base.replace(/\/+$/, "")}/${ruleId}.md`;
}

/** The fix to show for a message: sensitive findings keep the range but never the replacement text. */
export function safeFix(message: LintMessage): Fix | undefined {
  if (!message.fix) return undefined;
  const range: [number, number] = [message.fix.range[0], message.fix.range[1]];
  return { range, text: message.sensitive ? REDACTED : message.fix.text };
}

export function safeSuggestions(message: LintMessage): Suggestion[] | undefined {
  if (!message.suggestions) return undefined;
  return message.suggestions.map((s) => ({
    ...(s.messageId !== undefined ? { messageId: s.messageId } : {}),
    desc: s.desc,
    fix: { range: [s.fix.range[0], s.fix.range[1]] as [number, number], text: message.sensitive ? REDACTED : s.fix.text },
  }));
}

/**
 * Makes control characters visible so a prompt file cannot move the cursor, clear the screen or
 * forge colours in a terminal (ESC, C1 controls, DEL). Tabs are kept; line breaks are the caller's.
 */
export function visibleControls(text: string): string {
  // One character class, no quantifier nesting: linear on any input.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀..␟
    if (code === 0x7f) return "\u2421"; // ␡
    return "\ufffd";
  });
}

/** One line for logs: line breaks become spaces. */
export function oneLine(text: string): string {
  return visibleControls(text.replace(/\r\n|\r|\n/g, " "));
}

export interface Totals {
  files: number;
  filesWithProblems: number;
  errors: number;
  warnings: number;
  fatal: number;
  fixableErrors: number;
  fixableWarnings: number;
  suppressed: number;
}

export function totals(results: readonly LintResult[]): Totals {
  const t: Totals = { files: results.length, filesWithProblems: 0, errors: 0, warnings: 0, fatal: 0, fixableErrors: 0, fixableWarnings: 0, suppressed: 0 };
  for (const r of results) {
    t.errors += r.errorCount;
    t.warnings += r.warningCount;
    t.fatal += r.fatalErrorCount;
    t.fixableErrors += r.fixableErrorCount;
    t.fixableWarnings += r.fixableWarningCount;
    t.suppressed += r.suppressedMessages.length;
    if (r.messages.length > 0) t.filesWithProblems++;
  }
  return t;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Token stats of a result, when a producer put a well-formed object under `stats.tokens`. */
export function tokenStats(result: LintResult): TokenStats | undefined {
  const t = result.stats?.["tokens"] as Partial<TokenStats> | undefined;
  if (!t || typeof t !== "object") return undefined;
  if (typeof t.model !== "string" || typeof t.total !== "number" || !Number.isFinite(t.total)) return undefined;
  return {
    model: t.model,
    encoding: typeof t.encoding === "string" ? t.encoding : "",
    exact: t.exact === true,
    total: t.total,
    byRole: t.byRole && typeof t.byRole === "object" ? t.byRole : {},
    ...(num(t.baseTotal) !== undefined ? { baseTotal: t.baseTotal } : {}),
    ...(num(t.costPerCall) !== undefined ? { costPerCall: t.costPerCall } : {}),
    ...(num(t.baseCostPerCall) !== undefined ? { baseCostPerCall: t.baseCostPerCall } : {}),
    ...(num(t.costPerMonth) !== undefined ? { costPerMonth: t.costPerMonth } : {}),
    ...(num(t.baseCostPerMonth) !== undefined ? { baseCostPerMonth: t.baseCostPerMonth } : {}),
    ...(t.assumed && typeof t.assumed === "object" ? { assumed: t.assumed } : {}),
  };
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Findings in a stable order: file, then position, then rule. */
export function sortedMessages(messages: readonly LintMessage[]): LintMessage[] {
  return [...messages].sort(
    (a, b) => a.line - b.line || a.column - b.column || byCodeUnit(a.ruleId ?? "", b.ruleId ?? ""),
  );
}
