import path from "node:path";
import type { LintMessage, LintResult } from "../rule-api/types.js";
import { LineIndex } from "../model/line-index.js";
import type { FormatContext } from "./types.js";
import { displayPath, sortedMessages } from "./util.js";

/** Escaping of a workflow command's message, as the Actions runner reads it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escaping of a workflow command property value: the data rules plus the `:` and `,` separators. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

type Level = "error" | "warning" | "notice";

function command(level: Level, properties: [string, string | number | undefined][], message: string): string {
  const props = properties
    .filter((p): p is [string, string | number] => p[1] !== undefined && p[1] !== "")
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${level}${props ? " " + props : ""}::${escapeData(message)}`;
}

/**
 * GitHub Actions workflow commands: one annotation per finding on the changed file, with its
 * help hint and related locations in the body. Paths are relative to `srcRoot` (the repository
 * root, where annotations resolve), defaulting to `cwd`.
 */
export function formatGithub(results: LintResult[], context: FormatContext): string {
  const root = path.resolve(context.srcRoot ?? context.cwd);
  const rel = (p: string) => displayPath(path.resolve(context.cwd, p), root);
  const out: string[] = [];

  for (const result of results) {
    const file = rel(result.filePath);
    const lines = typeof result.source === "string" ? new LineIndex(result.source) : undefined;
    for (const m of sortedMessages(result.messages)) {
      const level: Level = m.fatal || m.severity === 2 ? "error" : "warning";
      const body = [m.message];
      const help = (m.ruleId ? context.rules.get(m.ruleId)?.docs.help : undefined) ?? m.help;
      if (help) body.push(`help: ${help}`);
      for (const r of m.related ?? []) body.push(`related: ${rel(r.filePath ?? result.filePath)}:${r.line}:${r.column} ${r.message}`);
      out.push(command(level, [["file", file], ...positionOf(m, lines), ["title", m.ruleId ?? "promptvet"]], body.join("\n")));
    }
  }

  const summary = context.summary;
  for (const { changed, dependents } of summary?.affected ?? []) {
    for (const dependent of dependents) {
      out.push(
        command("notice", [["file", rel(dependent)], ["title", "promptvet: affected prompt"]], `This prompt includes ${rel(changed)}, which changed: its text as sent to the model changed too.`),
      );
    }
  }
  for (const file of summary?.eval?.files ?? []) {
    for (const regression of file.regressions) {
      out.push(
        command(
          "warning",
          [["file", rel(file.filePath)], ["title", "promptvet: smoke eval regression"]],
          `Case "${regression.case}" regressed (${regression.kind}): ${regression.detail}`,
        ),
      );
    }
  }
  return out.length > 0 ? out.join("\n") + "\n" : "";
}

/** Line and columns; columns only on one-line ranges, the only ones annotations accept them for. */
function positionOf(m: LintMessage, lines: LineIndex | undefined): [string, number | undefined][] {
  if (!(m.line >= 1)) return [];
  let endLine = Math.max(m.line, m.endLine);
  let endColumn: number | undefined = m.endColumn;
  // A range that ends at column 1 took the line break before it: it ends on the line above.
  if (endLine > m.line && endColumn <= 1) {
    endLine--;
    endColumn = lines ? lines.lineText(endLine).length + 1 : undefined;
  }
  if (endLine > m.line) return [["line", m.line], ["endLine", endLine]];
  if (endColumn === undefined) return [["line", m.line], ["endLine", endLine]];
  return [["line", m.line], ["col", m.column], ["endLine", endLine], ["endColumn", Math.max(m.column, endColumn)]];
}
