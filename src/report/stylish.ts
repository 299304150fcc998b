import pc from "picocolors";
import type { LintMessage, LintResult } from "../rule-api/types.js";
import { LineIndex } from "../model/line-index.js";
import { codeFrame } from "./code-frame.js";
import type { FormatContext } from "./types.js";
import { displayPath, plural, sortedMessages, totals, visibleControls } from "./util.js";

/**
 * ESLint's stylish layout (a header per file, one row per finding, a summary) with a code frame,
 * a `help:` hint and related locations under each finding.
 */
export function formatStylish(results: LintResult[], context: FormatContext): string {
  const c = pc.createColors(context.color);
  const out: string[] = [];

  for (const result of results) {
    if (result.messages.length === 0) continue;
    const file = displayPath(result.filePath, context.cwd);
    out.push(c.underline(file));
    // Frames are drawn only from the masked source the engine hands over; never from anything else.
    const lines = typeof result.source === "string" ? new LineIndex(result.source) : undefined;
    const messages = sortedMessages(result.messages);
    const posWidth = Math.max(...messages.map((m) => position(m).length));

    for (const message of messages) {
      const error = message.fatal || message.severity === 2;
      const label = message.fatal ? c.bold(c.red("fatal  ")) : error ? c.red("error  ") : c.yellow("warning");
      const text = visibleControls(message.message).split(/\r\n|\r|\n/).join(`\n${" ".repeat(posWidth + 13)}`);
      const rule = message.ruleId ? `  ${c.dim(message.ruleId)}` : "";
      out.push(`  ${c.dim(position(message).padEnd(posWidth))}  ${label}  ${text}${rule}`);

      if (lines && !message.fatal && message.line >= 1) {
        const frame = codeFrame(lines, message, {
          numberWidth: String(lines.lineCount).length,
          style: { gutter: (s) => c.dim(s), marker: (s) => (error ? c.red(s) : c.yellow(s)) },
        });
        for (const row of frame) out.push(`    ${row}`);
      }
      const help = (message.ruleId ? context.rules.get(message.ruleId)?.docs.help : undefined) ?? message.help;
      if (help) out.push(`    ${c.cyan("help:")} ${visibleControls(help)}`);
      for (const related of message.related ?? []) {
        const where = `${displayPath(related.filePath ?? result.filePath, context.cwd)}:${related.line}:${related.column}`;
        out.push(`    ${c.dim("related:")} ${where} ${visibleControls(related.message)}`);
      }
    }
    out.push("");
  }

  const t = totals(results);
  const problems = t.errors + t.warnings;
  if (problems === 0) return out.join("\n");

  const mark = t.errors > 0 ? c.red("✖") : c.yellow("⚠");
  const counts = `${plural(problems, "problem")} (${plural(t.errors, "error")}, ${plural(t.warnings, "warning")})`;
  const fatal = t.fatal > 0 ? `, ${plural(t.fatal, "file")} could not be linted` : "";
  const files = ` in ${plural(t.filesWithProblems, "file")}`;
  out.push(c.bold(`${mark} ${counts}${files}${fatal}`));
  if (t.fixableErrors + t.fixableWarnings > 0) {
    out.push(
      c.dim(`  ${plural(t.fixableErrors, "error")} and ${plural(t.fixableWarnings, "warning")} potentially fixable with the \`--fix\` option.`),
    );
  }
  return out.join("\n") + "\n";
}

function position(message: LintMessage): string {
  return message.line >= 1 ? `${message.line}:${message.column}` : "-";
}
