/** The bytes stage: a file's bytes (working tree or git index) and their text, or the diagnostic that settles it. */
import type { FileSnapshot } from "../../files/atomic-write.js";
import { decodeFile, type Decoded } from "../../files/decode.js";
import { GitObjectStore } from "../../files/git-objects.js";
import { readTarget, type TargetBytes } from "../../files/read-target.js";
import { relativePosix } from "../../util/relative-path.js";
import type { LintFilesOptions } from "../lint-options.js";
import { fatalResult, tooLargeResult, undecodableResult } from "./result.js";
import type { FileJob, Settled } from "./target.js";

export interface FileBytes {
  bytes: Uint8Array;
  /** What was read, for the unchanged-since-read check before a fix is written. */
  snapshot?: FileSnapshot;
}

export type FileText = Extract<Decoded, { kind: "text" }>;

/** Reads the file's bytes, or settles it with a diagnostic (unreadable, too large, not a file). */
export async function readBytes(job: FileJob, options: LintFilesOptions): Promise<FileBytes | Settled> {
  const { filePath, config } = job;
  let read: TargetBytes;
  try {
    const started = options.timing ? performance.now() : 0;
    if (options.staged && !options.repoRoot) throw new Error("--staged needs a git repository");
    const ownGit = options.staged && !options.git ? new GitObjectStore(options.repoRoot!) : undefined;
    const staged = options.staged ? { git: (options.git ?? ownGit)!, relPath: relativePosix(options.repoRoot!, filePath) } : undefined;
    try {
      read = await readTarget(filePath, { maxBytes: config.maxFileSize, staged, snapshot: job.fixing });
    } finally {
      ownGit?.close();
    }
    if (options.timing) options.timing.read += performance.now() - started;
  } catch (error) {
    return { settled: fatalResult(filePath, `Cannot read file: ${(error as Error).message.split("\n")[0]}`) };
  }
  switch (read.kind) {
    case "bytes":
      return { bytes: read.bytes, snapshot: read.snapshot };
    case "too-large":
      return { settled: tooLargeResult(filePath, read.size, config.maxFileSize) };
    case "not-a-file":
      return { settled: fatalResult(filePath, `Not linted: this path is ${read.reason}.`, 1, 1, 1) };
  }
}

/** The bytes as text (UTF-8, or UTF-16 with a byte order mark), or the diagnostic of a file that is not text. */
export function decodeBytes(job: FileJob, read: FileBytes): FileText | Settled {
  const decoded = decodeFile(read.bytes, job.config.maxFileSize);
  return decoded.kind === "text" ? decoded : { settled: undecodableResult(job.filePath, decoded, job.target.explicit) };
}
