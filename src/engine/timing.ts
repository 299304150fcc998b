/**
 * `PROMPTVET_TIMING=1`: where a run's time went, printed to stderr after the report (as ESLint's TIMING).
 * Rule times include what a rule awaits (reading a base prompt, loading a tokenizer on first use).
 */
export interface RunTiming {
  /** Milliseconds from process start to the start of the lint (Node start-up and loading promptvet). */
  startup: number;
  /** Finding the files and their config. */
  collect: number;
  /** Reading files (from disk or git). */
  read: number;
  /** Parsing files into documents. */
  parse: number;
  /** Full markdown trees parsed for rules that declare `needs: ["mdast"]` (part of their rule time). */
  fullMdast: { count: number; ms: number };
  /** Per rule id: create() and every visitor call. */
  rules: Map<string, number>;
  /** Writing the reports. */
  report: number;
  /** The whole run, from process start. */
  total: number;
}

export function newRunTiming(): RunTiming {
  return { startup: 0, collect: 0, read: 0, parse: 0, fullMdast: { count: 0, ms: 0 }, rules: new Map(), report: 0, total: 0 };
}

export function addRuleTime(timing: RunTiming, ruleId: string, ms: number): void {
  timing.rules.set(ruleId, (timing.rules.get(ruleId) ?? 0) + ms);
}

/** Phases, then rules by category and the slowest rules. */
export function formatTiming(timing: RunTiming, topRules = 12): string {
  const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
  const ruleTotal = [...timing.rules.values()].reduce((a, b) => a + b, 0);
  const other = timing.total - timing.startup - timing.collect - timing.read - timing.parse - ruleTotal - timing.report;
  const lines = [
    "promptvet timing (PROMPTVET_TIMING)",
    `  start-up (node + promptvet)  ${ms(timing.startup)}`,
    `  files and config             ${ms(timing.collect)}`,
    `  read files                   ${ms(timing.read)}`,
    `  parse                        ${ms(timing.parse)}`,
    `  rules                        ${ms(ruleTotal)}`,
    ...(timing.fullMdast.count > 0 ? [`    full markdown trees (${timing.fullMdast.count})`.padEnd(31) + ms(timing.fullMdast.ms)] : []),
    `  report                       ${ms(timing.report)}`,
    `  other (git, cache, waiting)  ${ms(Math.max(0, other))}`,
    `  total                        ${ms(timing.total)}`,
  ];
  const byCategory = new Map<string, number>();
  for (const [id, t] of timing.rules) {
    const category = id.includes("/") ? id.slice(0, id.indexOf("/")) : id;
    byCategory.set(category, (byCategory.get(category) ?? 0) + t);
  }
  lines.push("  rules by category:");
  for (const [category, t] of [...byCategory].sort((a, b) => b[1] - a[1])) lines.push(`    ${category.padEnd(26)} ${ms(t)}`);
  lines.push("  slowest rules:");
  for (const [id, t] of [...timing.rules].sort((a, b) => b[1] - a[1]).slice(0, topRules)) lines.push(`    ${id.padEnd(26)} ${ms(t)}`);
  return `${lines.join("\n")}\n`;
}
