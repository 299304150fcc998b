/**
 * Replaces a file's content so that a reader, a crash or a kill at any moment sees either the old bytes or
 * the new ones, never an empty or cut file: the new content goes to a temporary file in the same folder
 * (same file system, so the rename is atomic), with the original's mode, is flushed to disk, and is renamed
 * over the original. Just before the rename the original is checked against what was read (size, mtime and
 * a hash of the content): an editor save that landed meanwhile wins, and the write is refused.
 *
 * Writing and flushing are asynchronous, so flushing one file overlaps linting the next; the temporary files
 * being written are known (`removeTemporaryFiles`), so a Ctrl-C handler can remove them before the process
 * ends. The final check and the rename are synchronous: nothing runs between them.
 */
import { createHash } from "node:crypto";
import { accessSync, constants, promises as fs, readFileSync, renameSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";

/** What a file held when it was read, to tell whether someone changed it since. */
export interface FileSnapshot {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export function snapshotOf(stat: { size: number; mtimeMs: number }, bytes: Uint8Array): FileSnapshot {
  return { size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(bytes) };
}

/** The file on disk is no longer the one that was read: writing would lose someone else's change. */
export class FileChangedError extends Error {
  constructor(file: string) {
    super(`${file} changed on disk since it was read`);
    this.name = "FileChangedError";
  }
}

export interface AtomicWriteOptions {
  /** The content read earlier; the write is refused (FileChangedError) when the file no longer matches it. */
  expected?: FileSnapshot;
  /** Called once the temporary file is complete, before the final check: lets a test change the file right there. */
  beforeCommit?: () => void;
}

/** Part of temporary files' names, recognisable by a user who finds one after a power cut. */
export const TEMP_MARK = ".promptvet-";
let sequence = 0;
const temporaryFiles = new Set<string>();

/**
 * Writes `data` to `file` (an existing regular file, already resolved past symlinks) atomically. Rejects with
 * the system error (EACCES, EROFS, ENOSPC, EFBIG…) or FileChangedError; the original is then untouched and
 * the temporary file removed.
 */
export async function writeFileAtomically(file: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const original = statSync(file);
  // A read-only file is a statement of intent; replacing it through its (writable) folder would ignore it.
  accessSync(file, constants.W_OK);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}${TEMP_MARK}${process.pid}-${threadId}-${sequence++}.tmp`);
  temporaryFiles.add(temp);
  try {
    const handle = await fs.open(temp, "wx", 0o600);
    try {
      // The mode is set explicitly (the umask applies at creation); the owner too when running as another
      // user (root in a container), so the file does not change hands.
      await handle.chmod(original.mode & 0o7777);
      if (process.getuid && (original.uid !== process.getuid() || original.gid !== process.getgid?.())) {
        await handle.chown(original.uid, original.gid).catch(() => {
          // Only root may give a file away; an ordinary user's write keeps their own ownership, as editors do.
        });
      }
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    options.beforeCommit?.();
    if (options.expected && !unchanged(file, options.expected)) throw new FileChangedError(file);
    renameSync(temp, file);
    temporaryFiles.delete(temp);
  } catch (error) {
    removeTemporaryFile(temp);
    throw error;
  }
}

/** Removes the temporary files of writes still in progress (for a signal handler, just before the process ends). */
export function removeTemporaryFiles(): void {
  for (const temp of temporaryFiles) removeTemporaryFile(temp);
}

function removeTemporaryFile(temp: string): void {
  temporaryFiles.delete(temp);
  try {
    unlinkSync(temp);
  } catch {
    // Already gone (renamed, or never created).
  }
}

/** True when `file` still holds what `expected` describes: cheap size and mtime first, then the content. */
function unchanged(file: string, expected: FileSnapshot): boolean {
  const now = statSync(file);
  if (now.size !== expected.size || now.mtimeMs !== expected.mtimeMs) return false;
  return sha256(readFileSync(file)) === expected.sha256;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("base64url");
}

/** One line saying why a fix could not be written, in words (the error code stays for searching). */
export function describeWriteFailure(error: unknown): string {
  if (error instanceof FileChangedError) return "it changed on disk since it was read; not fixed";
  const err = error as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    EACCES: "permission denied (the file or its folder is read-only)",
    EPERM: "operation not permitted",
    EROFS: "the file system is read-only",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is exceeded",
    EFBIG: "the file would exceed the file size limit",
    ENOENT: "the file was removed",
  };
  const reason = (err.code && reasons[err.code]) ?? err.message ?? String(error);
  return `the fixes could not be written: ${reason}${err.code ? ` (${err.code})` : ""}; the file was left unchanged`;
}
