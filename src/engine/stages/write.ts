/**
 * The write stage: writes the fixed text atomically, or says why the file was not fixed: a destination outside
 * the repository (said only when there was something to fix), or a failed write. A failure is the file's own,
 * never the run's.
 */
import { describeWriteFailure, writeFileAtomically } from "../../files/atomic-write.js";
import { encodeText } from "../../files/decode.js";
import type { LintMessage } from "../../rule-api/types.js";
import type { LintFilesOptions } from "../lint-options.js";
import type { FileBytes, FileText } from "./bytes.js";
import { withChosenSuggestions, type Findings } from "./findings.js";
import { fileMessage } from "./result.js";
import type { FileJob } from "./target.js";

/** Undefined when the fix was written or there was nothing to write; else the message that says why not. */
export async function writeFixes(job: FileJob, findings: Findings, text: FileText, read: FileBytes, options: LintFilesOptions): Promise<LintMessage | undefined> {
  const { destination } = job;
  if (!destination) return undefined;
  if ("refused" in destination) {
    const fixable = withChosenSuggestions(findings.first.output.messages, options.applySuggestions).some((m) => m.fix);
    return fixable ? fileMessage(`Not fixed: ${destination.refused}.`, 1) : undefined;
  }
  if (findings.source === text.text) return undefined;
  try {
    await writeFileAtomically(destination.path, encodeText(findings.source, text), { expected: read.snapshot });
    return undefined;
  } catch (error) {
    return fileMessage(`Not fixed: ${describeWriteFailure(error)}.`, 2);
  }
}
