/**
 * How composition reads the other files of a prompt (its base, its partials): from the working tree, or,
 * for a pre-commit run, from the git index, so the composed prompt is the one that will be committed. A
 * partial that exists on disk but was never `git add`ed is missing from the commit, and is reported so.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { decodeFile } from "../files/decode.js";
import { GitObjectStore } from "../files/git-objects.js";

export type FileReader = (filePath: string) => Promise<string | undefined>;

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * A base or partial is decoded as the file being linted is (files/decode.ts): a UTF-16 file with a byte order
 * mark is text, not UTF-8 read as "\uFFFD\uFFFD" and NUL characters. Bytes that are no text in any encoding
 * promptvet reads are decoded leniently as UTF-8, as before, so the composition still shows what is there.
 */
function decode(bytes: Uint8Array): string {
  const decoded = decodeFile(bytes, Number.MAX_SAFE_INTEGER);
  return decoded.kind === "text" ? decoded.text : new TextDecoder("utf-8").decode(bytes);
}

/** Reads from the working tree; undefined for missing, unreadable or oversized files. */
export async function readWorkingTreeFile(filePath: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    return decode(await fs.readFile(filePath));
  } catch {
    return undefined;
  }
}

/** A reader over the git index of `git`'s repository (files outside the repository come from the disk). */
export function indexReader(git: GitObjectStore): FileReader {
  return async (filePath) => {
    const relPath = path.relative(git.repoRoot, filePath);
    if (relPath.startsWith("..") || path.isAbsolute(relPath)) return readWorkingTreeFile(filePath);
    let bytes: Buffer | undefined;
    try {
      bytes = await git.readStaged(relPath.split(path.sep).join("/"));
    } catch {
      return readWorkingTreeFile(filePath);
    }
    return bytes && bytes.length <= MAX_BYTES ? decode(bytes) : undefined;
  };
}

const readers = new WeakMap<object, FileReader>();

/**
 * The reader for one lint run (`options` identifies the run, so the index is listed once per run): the
 * git index with `staged`, else the working tree.
 */
export function fileReaderFor(options: { staged?: boolean; repoRoot?: string; git?: GitObjectStore }): FileReader {
  let reader = readers.get(options);
  if (!reader) {
    const git = options.git ?? (options.repoRoot ? new GitObjectStore(options.repoRoot) : undefined);
    reader = options.staged && git ? indexReader(git) : readWorkingTreeFile;
    readers.set(options, reader);
  }
  return reader;
}
