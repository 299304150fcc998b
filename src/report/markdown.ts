import path from "node:path";
import type { LintResult } from "../rule-api/types.js";
import type { EvalSummary, FormatContext, TokenStats } from "./types.js";
import { displayPath, plural, ruleDocsUrl, severityName, sortedMessages, tokenStats, totals } from "./util.js";

/** Rows in the full findings list; past this the comment says how many were left out. */
const MAX_FINDINGS = 100;
/** Rows in any other table. */
const MAX_ROWS = 200;

/**
 * Escapes text for GitHub-flavoured markdown, in a paragraph or a table cell: markdown punctuation,
 * raw HTML, pipes, line breaks, and `@` (so a message never pings anyone).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_{}[\]()#+!|~^$]/g, (c) => `\\${c}`)
    .replace(/@/g, "@\u200b")
    .replace(/\r\n|\r|\n/g, "<br>");
}

/**
 * A summary for a pull request comment or `$GITHUB_STEP_SUMMARY`: counts, findings by rule and by
 * file, token and cost deltas, smoke-eval results against the baseline, prompts affected by a
 * changed include, deleted prompts. No source text: only rule messages, which are masked.
 */
export function formatMarkdown(results: LintResult[], context: FormatContext): string {
  const t = totals(results);
  const summary = context.summary ?? {};
  const rel = (p: string) => displayPath(path.resolve(context.cwd, p), context.cwd);
  const out: string[] = ["## promptvet", ""];

  const problems = t.errors + t.warnings;
  const scope = summary.baseRef ? ` (changes since \`${summary.baseRef.replace(/`/g, "")}\`)` : "";
  if (problems === 0) {
    out.push(`✅ **No problems** in ${plural(t.files, "prompt file")}${scope}.`);
  } else {
    const icon = t.errors > 0 ? "❌" : "⚠️";
    out.push(
      `${icon} **${plural(problems, "problem")}** (${plural(t.errors, "error")}, ${plural(t.warnings, "warning")}) in ${t.filesWithProblems} of ${plural(t.files, "prompt file")}${scope}.`,
    );
  }
  const notes: string[] = [];
  if (t.fixableErrors + t.fixableWarnings > 0) notes.push(`${t.fixableErrors + t.fixableWarnings} fixable with \`promptvet --fix\``);
  if (t.suppressed > 0) notes.push(`${plural(t.suppressed, "finding")} silenced by inline directives`);
  if (notes.length > 0) out.push("", notes.join(" · ") + ".");

  const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => ({ file: rel(r.filePath), message: m.message })));
  if (fatal.length > 0) {
    out.push("", "### Could not be linted", "");
    for (const f of fatal.slice(0, MAX_ROWS)) out.push(`- ${escapeMarkdown(f.file)}: ${escapeMarkdown(f.message)}`);
  }

  if (problems > 0) {
    const byRule = new Map<string, { errors: number; warnings: number }>();
    const byFile: { file: string; errors: number; warnings: number }[] = [];
    for (const r of results) {
      let errors = 0;
      let warnings = 0;
      for (const m of r.messages) {
        if (m.fatal) continue;
        const key = m.ruleId ?? "(none)";
        const row = byRule.get(key) ?? { errors: 0, warnings: 0 };
        if (m.severity === 2) (row.errors++, errors++);
        else (row.warnings++, warnings++);
        byRule.set(key, row);
      }
      if (errors + warnings > 0) byFile.push({ file: rel(r.filePath), errors, warnings });
    }
    const ruleRows = [...byRule].sort((a, b) => b[1].errors - a[1].errors || b[1].warnings - a[1].warnings || a[0].localeCompare(b[0]));
    if (ruleRows.length > 0) {
      out.push("", "### By rule", "", "| Rule | Errors | Warnings |", "| --- | ---: | ---: |");
      for (const [id, c] of ruleRows.slice(0, MAX_ROWS)) out.push(`| ${ruleCell(id, context)} | ${c.errors} | ${c.warnings} |`);
    }
    if (byFile.length > 0) {
      out.push("", "### By file", "", "| File | Errors | Warnings |", "| --- | ---: | ---: |");
      byFile.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.file.localeCompare(b.file));
      for (const f of byFile.slice(0, MAX_ROWS)) out.push(`| ${escapeMarkdown(f.file)} | ${f.errors} | ${f.warnings} |`);
      if (byFile.length > MAX_ROWS) out.push("", `…and ${byFile.length - MAX_ROWS} more files.`);
    }

    const findings = results.flatMap((r) => sortedMessages(r.messages).filter((m) => !m.fatal).map((m) => ({ file: rel(r.filePath), m })));
    if (findings.length > 0) {
      out.push("", `<details><summary>All findings (${findings.length})</summary>`, "");
      out.push("| Location | Severity | Rule | Message |", "| --- | --- | --- | --- |");
      for (const { file, m } of findings.slice(0, MAX_FINDINGS)) {
        out.push(`| ${escapeMarkdown(`${file}:${m.line}:${m.column}`)} | ${severityName(m)} | ${ruleCell(m.ruleId ?? "", context)} | ${escapeMarkdown(m.message)} |`);
      }
      if (findings.length > MAX_FINDINGS) out.push("", `…and ${findings.length - MAX_FINDINGS} more; run promptvet locally for the full list.`);
      out.push("", "</details>");
    }
  }

  const tokenRows = results
    .map((r) => ({ file: rel(r.filePath), stats: tokenStats(r) }))
    .filter((row): row is { file: string; stats: TokenStats } => row.stats !== undefined)
    .sort((a, b) => a.file.localeCompare(b.file));
  if (tokenRows.length > 0) {
    out.push("", "### Tokens and cost", "");
    out.push("| Prompt | Model | Tokens | Change | Cost per call | Cost per month |", "| --- | --- | ---: | ---: | ---: | ---: |");
    for (const { file, stats } of tokenRows.slice(0, MAX_ROWS)) {
      const approx = stats.exact ? "" : "≈";
      out.push(
        `| ${escapeMarkdown(file)} | ${escapeMarkdown(stats.model)} | ${approx}${count(stats.total)} | ${tokenDelta(stats)} | ${money(stats.costPerCall, stats.baseCostPerCall)} | ${money(stats.costPerMonth, stats.baseCostPerMonth)} |`,
      );
    }
    if (tokenRows.some((r) => !r.stats.exact)) out.push("", "≈ approximate count: no exact tokenizer is known for that model.");
    const assumed = tokenRows.filter((r) => r.stats.assumed && Object.keys(r.stats.assumed).length > 0);
    for (const { file, stats } of assumed.slice(0, MAX_ROWS)) {
      const list = Object.entries(stats.assumed!).map(([k, v]) => `${escapeMarkdown(k)} = ${escapeMarkdown(v)}`).join(", ");
      out.push("", `Assumed for ${escapeMarkdown(file)}: ${list}.`);
    }
  }

  if (summary.eval) out.push(...evalSection(summary.eval, rel));

  if (summary.affected && summary.affected.length > 0) {
    out.push("", "### Prompts affected by a changed include", "");
    for (const { changed, dependents } of summary.affected.slice(0, MAX_ROWS)) {
      out.push(`- ${escapeMarkdown(rel(changed))} → ${dependents.map((d) => escapeMarkdown(rel(d))).join(", ") || "no dependents"}`);
    }
  }
  if (summary.deleted && summary.deleted.length > 0) {
    out.push("", "### Deleted prompts", "");
    for (const file of summary.deleted.slice(0, MAX_ROWS)) out.push(`- ${escapeMarkdown(rel(file))}`);
  }

  out.push("", `<sub>promptvet ${escapeMarkdown(context.toolVersion)}</sub>`, "");
  return out.join("\n");
}

function evalSection(ev: EvalSummary, rel: (p: string) => string): string[] {
  const out = ["", "### Smoke eval", ""];
  if (ev.skipped) {
    out.push(`Skipped: ${escapeMarkdown(ev.skipped)}.`);
    return out;
  }
  const parts = [
    `${plural(ev.calls, "call")} (${ev.cached} cached, ${plural(ev.retries, "retry", "retries")})`,
    `${count(ev.tokens.input)} input and ${count(ev.tokens.output)} output tokens`,
  ];
  if (ev.cost !== undefined) parts.push(`${money(ev.cost)} spent`);
  out.push(parts.join(" · ") + ".");
  if (ev.files.length === 0) return out;

  out.push("", "| Prompt | Passed | Failed | Baseline | Median latency |", "| --- | ---: | ---: | --- | ---: |");
  for (const f of ev.files.slice(0, MAX_ROWS)) {
    const b = f.baseline;
    const baseline = b ? `${b.passed}/${b.passed + b.failed} on ${escapeMarkdown(b.model)}${b.stale ? " (stale)" : ""}` : "none";
    const latency =
      f.medianLatencyMs === undefined ? "" : `${Math.round(f.medianLatencyMs)} ms${f.baseMedianLatencyMs !== undefined ? ` (was ${Math.round(f.baseMedianLatencyMs)} ms)` : ""}`;
    const failed = f.regressions.length > 0 ? `${f.failed} ⚠️` : String(f.failed);
    out.push(`| ${escapeMarkdown(rel(f.filePath))} | ${f.passed}/${f.cases} | ${failed} | ${baseline} | ${latency} |`);
  }
  const regressions = ev.files.flatMap((f) => f.regressions.map((r) => ({ file: rel(f.filePath), ...r })));
  if (regressions.length > 0) {
    out.push("", `**${plural(regressions.length, "regression")} against the baseline:**`, "");
    for (const r of regressions.slice(0, MAX_ROWS)) {
      out.push(`- ${escapeMarkdown(r.file)}, case ${escapeMarkdown(r.case)} (${escapeMarkdown(r.kind)}): ${escapeMarkdown(r.detail)}`);
    }
  }
  return out;
}

function ruleCell(id: string, context: FormatContext): string {
  const url = id ? ruleDocsUrl(context, id) : undefined;
  // Characters that would end the link target or the table cell are percent-encoded.
  const target = url?.replace(/[()\s|<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return target ? `[${escapeMarkdown(id)}](${target})` : escapeMarkdown(id);
}

function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function tokenDelta(stats: TokenStats): string {
  if (stats.baseTotal === undefined) return "new";
  const d = stats.total - stats.baseTotal;
  if (d === 0) return "±0";
  const pct = stats.baseTotal > 0 ? ` (${signed((d / stats.baseTotal) * 100, 1)}%)` : "";
  return `${d > 0 ? "+" : "−"}${count(Math.abs(d))}${pct}`;
}

function signed(n: number, digits: number): string {
  return `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toFixed(digits)}`;
}

function money(value: number | undefined, base?: number): string {
  if (value === undefined) return "";
  // `\$`: a bare dollar pair would start GitHub's inline math.
  const fmt = (n: number) => `\\$${n < 0.01 ? n.toFixed(4) : n < 100 ? n.toFixed(2) : Math.round(n).toLocaleString("en-US")}`;
  if (base === undefined) return fmt(value);
  const d = value - base;
  if (d === 0) return `${fmt(value)} (±0)`;
  return `${fmt(value)} (${d > 0 ? "+" : "−"}${fmt(Math.abs(d))})`;
}
