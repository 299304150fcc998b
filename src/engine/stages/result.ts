/** The result stage: a file's findings (or the reason it was not linted) as an ESLint-shaped result. */
import type { Decoded } from "../../files/decode.js";
import type { Range } from "../../model/document.js";
import { maskRanges } from "../../rule-api/mask.js";
import type { LintMessage, LintResult } from "../../rule-api/types.js";
import type { FileText } from "./bytes.js";
import type { Findings } from "./findings.js";
import type { FileJob } from "./target.js";

/** Counts the messages of a result. */
export function finalize(partial: Pick<LintResult, "filePath" | "messages" | "suppressedMessages"> & Partial<LintResult>): LintResult {
  let errorCount = 0, warningCount = 0, fatalErrorCount = 0, fixableErrorCount = 0, fixableWarningCount = 0;
  for (const m of partial.messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fatal) fatalErrorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  return { ...partial, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount };
}

/** A file that was not linted, and why (a warning for notices such as an ignored file named on the command line). */
export function fatalResult(filePath: string, message: string, line = 1, column = 1, severity: 1 | 2 = 2): LintResult {
  return finalize({
    filePath,
    messages: [{ ruleId: null, severity, message, line, column, endLine: line, endColumn: column, fatal: severity === 2 ? true : undefined }],
    suppressedMessages: [],
  });
}

/** A file-level message without a rule (a fix that could not be written). */
export function fileMessage(message: string, severity: 1 | 2): LintMessage {
  return { ruleId: null, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

export function undecodableResult(filePath: string, decoded: Exclude<Decoded, { kind: "text" }>, explicit: boolean): LintResult {
  switch (decoded.kind) {
    case "binary":
      // A file the prompt globs (or the command line) chose cannot pass unseen: a secret in it would.
      return fatalResult(
        filePath,
        `Binary file (${decoded.reason}), not linted; expected a text prompt. If it is not a prompt, ${
          explicit ? "leave it out of the arguments or " : ""
        }add it to \`ignores\` in the config; if it is text, save it as UTF-8.`,
      );
    case "too-large":
      return tooLargeResult(filePath, decoded.bytes, decoded.limit);
    case "invalid-utf8":
      return fatalResult(
        filePath,
        `Invalid UTF-8 at byte ${decoded.byteOffset} (line ${decoded.line}, column ${decoded.column}); expected a UTF-8 text file. The file was not linted.`,
        decoded.line,
        decoded.column,
      );
    case "invalid-utf16":
      return fatalResult(
        filePath,
        `Invalid ${decoded.encoding === "utf-16le" ? "UTF-16LE" : "UTF-16BE"} at byte ${decoded.byteOffset} (line ${decoded.line}, column ${decoded.column}): a lone surrogate or an odd last byte; expected valid UTF-16 (or, better, UTF-8). The file was not linted.`,
        decoded.line,
        decoded.column,
      );
  }
}

export function tooLargeResult(filePath: string, size: number, limit: number): LintResult {
  return fatalResult(filePath, `File is ${formatBytes(size)}, over the ${formatBytes(limit)} limit (\`maxFileSize\`); it was not linted.`);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/**
 * The result of a linted file. When nothing was written it describes the file as it is on disk (the first pass's
 * findings); the source it carries is masked wherever a finding or a credential-shaped text lies.
 */
export function lintedResult(job: FileJob, findings: Findings, text: FileText, writeProblem: LintMessage | undefined): { result: LintResult; masks: Range[] } {
  const { source, output } = writeProblem ? { ...findings.first, source: text.text } : findings;
  const written = !writeProblem && source !== text.text ? source : undefined;
  const masks = output.sensitiveRanges as Range[];
  const result = finalize({
    filePath: job.filePath,
    format: job.format,
    messages: writeProblem ? [writeProblem, ...output.messages] : output.messages,
    suppressedMessages: output.suppressedMessages,
    source: maskRanges(source, masks),
    output: written,
  });
  if (written !== undefined) result.stats = { ...result.stats, fixesApplied: findings.fixesApplied };
  return { result, masks };
}

/** Adds token counts and cost deltas (`stats.tokens`) for the summary report; a failure is noted, never thrown. */
export async function addTokenStats(result: LintResult, job: FileJob, findings: Findings): Promise<void> {
  try {
    // Loaded only when a summary asks for it: the tokenizer is the heaviest thing promptvet can load.
    const { computeTokenStats } = await import("../../tokens/stats.js");
    result.stats = { ...result.stats, tokens: await computeTokenStats(findings.document, job.config.settings, await findings.baseSource()) };
  } catch (error) {
    result.stats = { ...result.stats, tokensError: (error as Error).message };
  }
}
