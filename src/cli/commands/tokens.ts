/**
 * `promptvet tokens [files] --format json|table`: per file, the target model, its encoding (exact or ≈),
 * tokens per role and in total, the delta against the base ref, and the cost per call and per month.
 * A prompt that extends or includes other files is counted composed, as the model receives it (and as
 * `promptvet forks` counts it); its base-ref figure is the composition at the base ref.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { composePrompt, defaultComposeRoot } from "../../compose/index.js";
import { composedDocumentOf, composesOtherFiles } from "../../compose/document.js";
import { readWorkingTreeFile } from "../../compose/read.js";
import { decodeFile } from "../../files/decode.js";
import { findRepoRoot, readBlobAt } from "../../files/git.js";
import type { Format } from "../../model/document.js";
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
  /** The folders a composed prompt may read (default: its repository, else its folder). */
  composeRoots?: (absPath: string) => Promise<string[]>;
}

export interface TokensFileResult {
  file: string;
  stats?: TokenStats;
  /** For a prompt that extends or includes other files: every file of the composed prompt that was counted. */
  composedFrom?: string[];
  /** Why a prompt that composes other files was counted alone. */
  composeError?: string;
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
      const readAtBase = args.baseRef && repoRoot ? blobReader(repoRoot, args.baseRef) : undefined;
      const settings = { ...(args.settings ?? {}), ...((await args.settingsFor?.(abs)) ?? {}) };
      if (composesOtherFiles(document)) {
        const roots = (await args.composeRoots?.(abs)) ?? [defaultComposeRoot(abs)];
        try {
          const composed = await composePrompt(abs, (p) => (p === abs ? decoded.text : readWorkingTreeFile(p)), { roots });
          const counted = (await composedDocumentOf(composed, abs, format)).document;
          const baseSource = readAtBase ? await composedAt(abs, format, roots, readAtBase) : undefined;
          const composedFrom = composed.files.map((f) => path.relative(args.cwd, f).split(path.sep).join("/"));
          results.push({ file: rel, stats: await computeTokenStats(counted, settings, baseSource), composedFrom });
          continue;
        } catch (error) {
          if ((error as Error).name !== "ComposeError") throw error;
          const stats = await computeTokenStats(document, settings, readAtBase ? await readAtBase(abs) : undefined);
          results.push({ file: rel, stats, composeError: (error as Error).message.split("\n")[0] });
          continue;
        }
      }
      results.push({ file: rel, stats: await computeTokenStats(document, settings, readAtBase ? await readAtBase(abs) : undefined) });
    } catch (error) {
      results.push({ file: rel, error: (error as Error).message.split("\n")[0] });
    }
  }
  args.stdout.write(args.format === "json" ? `${JSON.stringify(results, null, 2)}\n` : renderTable(results, args.baseRef !== undefined));
  return results.some((r) => r.error) ? 2 : 0;
}

/** Reads files as they are at `ref` (undefined for a file that did not exist there or is not text). */
function blobReader(repoRoot: string, ref: string): (absPath: string) => Promise<string | undefined> {
  return async (absPath) => {
    const rel = path.relative(repoRoot, absPath);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
    const blob = await readBlobAt(repoRoot, ref, rel);
    if (!blob) return undefined;
    const decoded = decodeFile(blob, MAX_BYTES);
    return decoded.kind === "text" ? decoded.text : undefined;
  };
}

/** The composed prompt's text at the base ref, as a document source; undefined when it cannot be composed there. */
async function composedAt(abs: string, format: Format, roots: string[], read: (p: string) => Promise<string | undefined>): Promise<string | undefined> {
  if ((await read(abs)) === undefined) return undefined;
  try {
    const composed = await composePrompt(abs, read, { roots });
    return (await composedDocumentOf(composed, abs, format)).document.source;
  } catch (error) {
    if ((error as Error).name === "ComposeError") return undefined;
    throw error;
  }
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
    if (r.composedFrom) notes.add(`${r.file}: counted composed with ${r.composedFrom.filter((f) => f !== r.file).join(", ")}, as the model receives it (as \`promptvet forks\` counts it)`);
    if (r.composeError) notes.add(`${r.file}: counted alone, it cannot be composed: ${r.composeError}`);
    if (s.assumed) for (const [name, what] of Object.entries(s.assumed)) notes.add(`${r.file}: ${name} = ${what}`);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => [...row[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  if (notes.size > 0) out.push("", ...[...notes].map((n) => `note: ${n}`));
  return `${out.join("\n")}\n`;
}
