/**
 * How composition reads the other files of a prompt (its base, its partials): from the working tree, or,
 * for a pre-commit run, from the git index, so the composed prompt is the one that will be committed. A
 * partial that exists on disk but was never `git add`ed is missing from the commit, and is reported so.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export type FileReader = (filePath: string) => Promise<string | undefined>;

const MAX_BYTES = 10 * 1024 * 1024;

function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
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

/** A reader over the git index of `repoRoot` (files outside the repository come from the disk). */
export function indexReader(repoRoot: string): FileReader {
  let entries: Promise<Map<string, string>> | undefined;
  const listing = () =>
    (entries ??= execFileAsync("git", ["ls-files", "-s", "-z"], { cwd: repoRoot, maxBuffer: 256 * 1024 * 1024 }).then(({ stdout }) => {
      const map = new Map<string, string>();
      for (const entry of stdout.split("\0")) {
        const tab = entry.indexOf("\t");
        if (tab === -1) continue;
        const [, oid, stage] = entry.slice(0, tab).split(" ");
        if (oid && (stage === "0" || !map.has(entry.slice(tab + 1)))) map.set(entry.slice(tab + 1), oid);
      }
      return map;
    }));
  return async (filePath) => {
    const relPath = path.relative(repoRoot, filePath);
    if (relPath.startsWith("..") || path.isAbsolute(relPath)) return readWorkingTreeFile(filePath);
    let oid: string | undefined;
    try {
      oid = (await listing()).get(relPath.split(path.sep).join("/"));
    } catch {
      return readWorkingTreeFile(filePath);
    }
    if (!oid) return undefined;
    try {
      const { stdout } = await execFileAsync("git", ["cat-file", "blob", oid], { cwd: repoRoot, encoding: "buffer", maxBuffer: MAX_BYTES * 2 });
      return decode(stdout as unknown as Uint8Array);
    } catch {
      return undefined;
    }
  };
}

const readers = new WeakMap<object, FileReader>();

/**
 * The reader for one lint run (`options` identifies the run, so the index is listed once per run): the
 * git index with `staged`, else the working tree.
 */
export function fileReaderFor(options: { staged?: boolean; repoRoot?: string }): FileReader {
  let reader = readers.get(options);
  if (!reader) {
    reader = options.staged && options.repoRoot ? indexReader(options.repoRoot) : readWorkingTreeFile;
    readers.set(options, reader);
  }
  return reader;
}
