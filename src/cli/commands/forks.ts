/**
 * `promptvet forks [paths] --format table|json|markdown`: each base prompt with its forks and, per fork,
 * how far it drifted: tokens and lines against the base (both composed, as the model reads them),
 * sections overridden, appended, added and removed, and the model it pins.
 */
import path from "node:path";
import { UsageError } from "../../files/collect.js";
import { collectForks, type BaseGroup, type ForkEntry } from "../../forks/collect.js";
import { composeRootsFor } from "../../compose/boundary.js";

export interface ForksCommandArgs {
  cwd: string;
  /** Files or folders to look in (default: the working directory). */
  paths: string[];
  format: string;
  stdout: NodeJS.WritableStream;
  settings: Record<string, unknown>;
  /** The folders a fork's composition may read (default: its repository, else the working directory). */
  composeRoots?: (file: string) => Promise<string[]>;
}

const FORMATS = ["table", "json", "markdown"] as const;

/** Returns the exit code: 0, or 1 when a fork cannot be composed (missing base or partial, cycle). */
export async function runForksCommand(args: ForksCommandArgs): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(args.format)) {
    throw new UsageError(`forks --format expects ${FORMATS.join(", ")}, got "${args.format}"`);
  }
  const roots = args.paths.length > 0 ? args.paths.map((p) => path.resolve(args.cwd, p)) : [args.cwd];
  const groups = await collectForks(roots, args.settings, args.composeRoots ?? (async (file) => composeRootsFor(file, args.cwd)));
  const rel = (p: string) => {
    const r = path.relative(args.cwd, p).split(path.sep).join("/");
    return r === "" ? "." : r;
  };
  const text = args.format === "json" ? renderJson(groups, rel) : args.format === "markdown" ? renderMarkdown(groups, rel) : renderTable(groups, rel);
  args.stdout.write(text);
  return groups.some((g) => g.forks.some((f) => f.error)) ? 1 : 0;
}

type Rel = (p: string) => string;

export function renderJson(groups: readonly BaseGroup[], rel: Rel): string {
  const out = {
    bases: groups.map((g) => ({
      base: rel(g.base),
      exists: g.exists,
      model: g.model ?? null,
      forks: g.forks.map((f) => forkJson(f, rel)),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function forkJson(f: ForkEntry, rel: Rel) {
  if (!f.drift) return { fork: rel(f.fork), kind: f.kind, error: f.error ? { ...f.error, filePath: rel(f.error.filePath) } : null };
  const d = f.drift;
  return {
    fork: rel(f.fork),
    kind: f.kind,
    tokens: { counted: "composed", base: d.tokens.base, fork: d.tokens.fork, delta: d.tokens.delta, percent: round(d.tokens.percent), tokenizer: d.tokens.tokenizer, exact: d.tokens.exact },
    lines: { base: d.lines.baseLines, fork: d.lines.forkLines, added: d.lines.added, removed: d.lines.removed, changed: d.lines.changed, percent: round(d.linePercent) },
    sections: d.sections,
    model: { fork: d.model.fork ?? null, base: d.model.base ?? null, pinned: d.model.pinned, reason: d.model.reason ?? null },
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function approx(exact: boolean): string {
  return exact ? "" : "≈";
}

function tokensCell(f: ForkEntry): string {
  const t = f.drift!.tokens;
  const sign = t.delta >= 0 ? "+" : "−";
  return `${approx(t.exact)}${t.base} → ${approx(t.exact)}${t.fork} (${sign}${Math.abs(t.delta)}, ${sign}${Math.round(t.percent)}%)`;
}

function linesCell(f: ForkEntry): string {
  const l = f.drift!.lines;
  return `+${l.added} −${l.removed} ~${l.changed} of ${l.baseLines} (${Math.round(f.drift!.linePercent)}%)`;
}

function listCell(items: readonly string[]): string {
  return items.length === 0 ? "-" : items.join(", ");
}

function modelCell(f: ForkEntry): string {
  const m = f.drift!.model;
  if (!m.fork) return "-";
  if (!m.pinned || m.fork === m.base) return m.pinned ? m.fork : `${m.fork} (inherited)`;
  return m.reason ? `${m.fork} (reason: ${m.reason})` : `${m.fork} (differs from base, no reason)`;
}

const COLUMNS = ["fork", "kind", "tokens base → fork", "lines +/−/~", "overridden", "appended", "added", "removed", "model"];

function rowsOf(group: BaseGroup, rel: Rel): string[][] {
  return group.forks.map((f) => {
    if (!f.drift) {
      const e = f.error;
      return [rel(f.fork), f.kind, `error: ${e ? `${rel(e.filePath)}:${e.line}:${e.column} ${e.message}` : "cannot compose"}`, "", "", "", "", "", ""];
    }
    const s = f.drift.sections;
    return [rel(f.fork), f.kind, tokensCell(f), linesCell(f), listCell(s.overridden), listCell(s.appended), listCell(s.added), listCell(s.removed), modelCell(f)];
  });
}

function baseTitle(group: BaseGroup, rel: Rel): string {
  const details = [group.model ? `model ${group.model}` : "no model pinned", `${group.forks.length} fork${group.forks.length === 1 ? "" : "s"}`];
  if (!group.exists) details.unshift("missing");
  return `${rel(group.base)} (${details.join(", ")})`;
}

/** What the token figures are, so they are not read as the fork file's own size. */
const TOKENS_NOTE = "Tokens count each prompt composed with its base and partials, as the model receives it (as `promptvet tokens` does).";

function hasApproximation(groups: readonly BaseGroup[]): boolean {
  return groups.some((g) => g.forks.some((f) => f.drift && !f.drift.tokens.exact));
}

export function renderTable(groups: readonly BaseGroup[], rel: Rel): string {
  if (groups.length === 0) return "No forks found: no prompt declares `extends:` or `forked_from:`.\n";
  const out: string[] = [];
  for (const group of groups) {
    out.push(baseTitle(group, rel));
    const rows = [COLUMNS, ...rowsOf(group, rel)];
    const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
    for (const row of rows) {
      out.push(`  ${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]! + (cell.length - [...cell].length)))).join("  ")}`.trimEnd());
    }
    out.push("");
  }
  out.push(TOKENS_NOTE, "");
  if (hasApproximation(groups)) out.push("≈ approximate token count: no exact tokenizer is known for that model.", "");
  return `${out.join("\n")}`;
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ").replace(/([*_`[\]<>])/g, "\\$1");
}

export function renderMarkdown(groups: readonly BaseGroup[], rel: Rel): string {
  const out: string[] = ["## Prompt forks", ""];
  if (groups.length === 0) {
    out.push("No forks found: no prompt declares `extends:` or `forked_from:`.", "");
    return out.join("\n");
  }
  for (const group of groups) {
    out.push(`### ${escapeCell(baseTitle(group, rel))}`, "");
    out.push(`| ${COLUMNS.join(" | ")} |`, `| ${COLUMNS.map(() => "---").join(" | ")} |`);
    for (const row of rowsOf(group, rel)) out.push(`| ${row.map((c) => escapeCell(c || " ")).join(" | ")} |`);
    out.push("");
  }
  out.push(TOKENS_NOTE, "");
  if (hasApproximation(groups)) out.push("≈ approximate token count: no exact tokenizer is known for that model.", "");
  return out.join("\n");
}
