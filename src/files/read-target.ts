/**
 * The bytes of one file to lint, from the working tree or the git index, or why there are none: a file
 * over the size limit is not read at all (its size comes from `stat` or the blob header), and a submodule,
 * a folder or a pipe is not a file. With `snapshot`, what was read is remembered for `--fix`'s
 * unchanged-since-read check.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { snapshotOf, type FileSnapshot } from "./atomic-write.js";
import type { GitObjectStore } from "./git-objects.js";
import { readStagedBlob } from "./git.js";

export type TargetBytes =
  | { kind: "bytes"; bytes: Uint8Array; snapshot?: FileSnapshot }
  | { kind: "too-large"; size: number }
  | { kind: "not-a-file"; reason: string };

export interface ReadTargetOptions {
  maxBytes: number;
  /** Read the staged blob (`relPath` in the index of `git`'s repository) instead of the working tree file. */
  staged?: { git: GitObjectStore; relPath: string };
  snapshot?: boolean;
}

/** Throws (with the system's or git's words) when the file exists but cannot be read. */
export async function readTarget(filePath: string, options: ReadTargetOptions): Promise<TargetBytes> {
  if (options.staged) return readStaged(options.staged.git, options.staged.relPath, options.maxBytes);
  const stat = statSync(filePath);
  if (!stat.isFile()) return { kind: "not-a-file", reason: notAFileReason(filePath, stat) };
  if (stat.size > options.maxBytes) return { kind: "too-large", size: stat.size };
  // Synchronous reads of small files are several times cheaper than fs.promises (no handle round trips),
  // and the workers have nothing else to do meanwhile.
  const fd = openSync(filePath, "r");
  try {
    const opened = fstatSync(fd);
    const bytes = readFileSync(fd);
    return { kind: "bytes", bytes, snapshot: options.snapshot ? snapshotOf(opened, bytes) : undefined };
  } finally {
    closeSync(fd);
  }
}

async function readStaged(git: GitObjectStore, relPath: string, maxBytes: number): Promise<TargetBytes> {
  if (await git.isStagedSubmodule(relPath)) return { kind: "not-a-file", reason: SUBMODULE };
  const blob = await git.readStaged(relPath, maxBytes);
  // A path the index lacks: `git show` says why, in git's words.
  if (blob === undefined) return { kind: "bytes", bytes: await readStagedBlob(git.repoRoot, relPath) };
  if ("oversized" in blob) return { kind: "too-large", size: blob.size };
  return { kind: "bytes", bytes: blob };
}

const SUBMODULE = "a git submodule, not a file; its prompts are linted in its own repository";

function notAFileReason(filePath: string, stat: ReturnType<typeof statSync>): string {
  if (stat!.isDirectory()) return existsSync(path.join(filePath, ".git")) ? SUBMODULE : "a folder, not a file";
  if (stat!.isFIFO()) return "a named pipe, not a file";
  if (stat!.isSocket()) return "a socket, not a file";
  return "a device, not a file";
}
