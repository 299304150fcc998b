/**
 * `promptvet tokens [files] --format json|table`: per file, the target model, its encoding (exact or ≈),
 * tokens per role and in total, the delta against the base ref, and the cost per call and per month.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { decodeFile } from "../../files/decode.js";
import { findRepoRoot, readBlobAt } from "../../files/git.js";
import { detectFormat } from "../../parse/detect.js";
import { parseDocument } from "../../parse/index.js";
import { formatDelta, formatEncoding, formatTokens, formatUsd } from "../../tokens/format.js";
import { computeTokenStats, type TokenStats } from "../../tokens/stats.js";

export interface TokensCommandArgs {
  files: string[];
  format: "json" | "table";
  cwd: string;
  /** Compare with the file at this ref (e.g. HEAD, origin/main). */
  baseRef?: string;
  stdout: NodeJS.WritableStream;
  /** Resolved config settings; until the CLI passes per-file settings, one object for every file. */
  settings?: Record<string, unknown>;
  /** Per-file settings (wins over `settings`), from the config resolver. */
  settingsFor?: (absPath: string) => Promise<Record<string, unknown>>;
}

export interface TokensFileResult {
  file: string;
  stats?: TokenStats;
  error?: string;
}

const MAX_BYTES = 10 * 1024 * 1024;

/** Returns the exit code: 0, or 2 when a file could not be read or parsed. */
export async function runTokensCommand(args: TokensCommandArgs): Promise<number> {
  const repoRoot = args.baseRef ? findRepoRoot(args.cwd) : undefined;
  const results: TokensFileResult[] = [];
  for (const file of args.files) {
    const abs = path.resolve(args.cwd, file);
    const rel = path.relative(args.cwd, abs).split(path.sep).join("/");
    try {
      const format = detectFormat(abs) ?? "text";
      const decoded = decodeFile(await fs.readFile(abs), MAX_BYTES);
      if (decoded.kind !== "text") {
        results.push({ file: rel, error: `not a UTF-8 text file (${decoded.kind})` });
        continue;
      }
      const document = parseDocument({ path: abs, source: decoded.text, format, bom: decoded.bom });
      let baseSource: string | undefined;
      if (args.baseRef && repoRoot) {
        const blob = await readBlobAt(repoRoot, args.baseRef, path.relative(repoRoot, abs));
        if (blob) {
          const base = decodeFile(blob, MAX_BYTES);
          if (base.kind === "text") baseSource = base.text;
        }
      }
      const settings = { ...(args.settings ?? {}), ...((await args.settingsFor?.(abs)) ?? {}) };
      results.push({ file: rel, stats: await computeTokenStats(document, settings, baseSource) });
    } catch (error) {
      results.push({ file: rel, error: (error as Error).message.split("\n")[0] });
    }
  }
  args.stdout.write(args.format === "json" ? `${JSON.stringify(results, null, 2)}\n` : renderTable(results, args.baseRef !== undefined));
  return results.some((r) => r.error) ? 2 : 0;
}

const ROLE_ORDER = ["system", "instruction", "user", "assistant", "tool", "examples"];

export function renderTable(results: readonly TokensFileResult[], compared = false): string {
  const header = ["file", "model", "encoding", "by role", "total", "Δ base", "$/call", "$/month"];
  const rows: string[][] = [];
  const notes = new Set<string>();
  for (const r of results) {
    if (!r.stats) {
      rows.push([r.file, "-", "-", `error: ${r.error ?? "unknown"}`, "-", "-", "-", "-"]);
      continue;
    }
    const s = r.stats;
    const roles = Object.keys(s.byRole)
      .sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b))
      .map((k) => `${k} ${formatTokens(s.byRole[k]!, s.exact)}`)
      .join(", ");
    const delta = !compared ? "-" : s.baseTotal === undefined ? "new" : formatDelta(s.total - s.baseTotal, s.exact);
    rows.push([
      r.file,
      s.model,
      formatEncoding(s.encoding, s.exact),
      roles || "-",
      formatTokens(s.total, s.exact),
      delta,
      s.costPerCall === undefined ? "-" : formatUsd(s.costPerCall),
      s.costPerMonth === undefined ? "-" : formatUsd(s.costPerMonth) + (s.baseCostPerMonth === undefined ? "" : ` (${s.costPerMonth >= s.baseCostPerMonth ? "+" : "-"}${formatUsd(Math.abs(s.costPerMonth - s.baseCostPerMonth))})`),
    ]);
    if (!s.exact) notes.add("≈ marks an approximation: this model's tokenizer is not published (see data/models.json).");
    if (s.assumed) for (const [name, what] of Object.entries(s.assumed)) notes.add(`${r.file}: ${name} = ${what}`);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => [...row[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  if (notes.size > 0) out.push("", ...[...notes].map((n) => `note: ${n}`));
  return `${out.join("\n")}\n`;
}
