/**
 * Replaces a file promptvet owns (the result cache, a run record, an eval cache entry, a baseline) so that a
 * reader, a crash or a kill sees the old content or the new one, never half of it: the content goes to a
 * temporary file beside it (same file system, so the rename is atomic), which is renamed over it. On failure
 * the temporary file is removed and the error is thrown for the caller to report in its own terms.
 *
 * Prompt files are written by `writeFileAtomically` (atomic-write.ts), which also keeps their mode, flushes
 * them to disk and refuses to overwrite a save that landed after they were read.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export function replaceFileSync(file: string, data: string, options: { mode?: number } = {}): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, data, options.mode === undefined ? undefined : { mode: options.mode });
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder refused the write in the first place: nothing was left there.
    }
    throw error;
  }
}
