/**
 * Which working-tree files git already knows the content of. The index holds each tracked file's blob id and
 * the stat data it had when git last looked; `git ls-files -m` compares that stat data with the file (and reads
 * the racily-clean ones), so a file it does not list still holds exactly its indexed blob. A re-run can then
 * answer such a file from the result cache by blob id without reading or hashing it.
 *
 * Only where the bytes on disk are the blob's bytes: attributes (`text`, `eol`, `filter`, `ident`,
 * `working-tree-encoding`) and `core.autocrlf` make a checkout differ from its blob, so with any of them
 * possible the answer is "nothing known" and every file is hashed as before.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const MAX_LISTING = 256 * 1024 * 1024;

/** Git's id of a blob holding `bytes` in a SHA-1 repository (what `git hash-object` prints). */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** Regular files (not symlinks, not submodules) in the index, by mode. */
const FILE_MODES = new Set(["100644", "100755"]);

/**
 * `git ls-files -v -s -c -m -z` output to the blob ids of tracked files that are unchanged in the working tree.
 * Each index entry is listed as `<tag> <mode> <oid> <stage>\t<path>`, then each modified or deleted one again
 * tagged `C`; a lowercase tag (assume-unchanged) or `S` (skip-worktree) means git does not look at the file,
 * so its content is not known.
 */
export function parseUnchangedListing(out: string): Map<string, string> {
  const ids = new Map<string, string>();
  const changed = new Set<string>();
  for (const entry of out.split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab === -1) continue;
    const [tag, mode, oid, stage] = entry.slice(0, tab).split(" ");
    const filePath = entry.slice(tab + 1);
    if (tag === "C") changed.add(filePath);
    else if (tag === "H" && stage === "0" && FILE_MODES.has(mode!) && /^[0-9a-f]{40}$/.test(oid!)) ids.set(filePath, oid!);
    else changed.add(filePath);
  }
  for (const filePath of changed) ids.delete(filePath);
  return ids;
}

/** The folder shared by all worktrees (a linked worktree's git dir names it in its `commondir` file). */
function commonDirOf(gitDir: string): string {
  try {
    return path.resolve(gitDir, readFileSync(path.join(gitDir, "commondir"), "utf8").trim());
  } catch {
    return gitDir;
  }
}

/** True when no attribute file exists that could change how files are checked out. */
function noAttributeFiles(listing: string, gitCommonDir: string, attributesFile: string | undefined, env: NodeJS.ProcessEnv): boolean {
  if (/(?:^|\0|\t|\/)\.gitattributes(?:\0|$)/.test(listing)) return false;
  if (existsSync(path.join(gitCommonDir, "info", "attributes"))) return false;
  const home = os.homedir();
  const configHome = env.XDG_CONFIG_HOME || (home ? path.join(home, ".config") : "");
  const globalFile = attributesFile ?? (configHome ? path.join(configHome, "git", "attributes") : undefined);
  return !globalFile || !existsSync(globalFile.replace(/^~(?=\/|$)/, home));
}

/**
 * Tracked files whose working-tree bytes are their indexed blob. Git compares stat data (a file rewritten at
 * the same size with its modification time set back looks unchanged to it, when its change time falls in the
 * same second it recorded), so a file changed after the index was written is not vouched for either: its change
 * time, which no tool can set back, is compared with the index file's.
 */
export class WorktreeBlobs {
  constructor(
    /** Blob ids by repo-relative `/` path. */
    readonly ids: Map<string, string>,
    /** When the index file was last written (ms). */
    private readonly indexWrittenMs: number,
  ) {}

  /** The blob id of `filePath` (`relPath` in the repository) when git vouches for its content, else undefined. */
  idOf(filePath: string, relPath: string): string | undefined {
    const id = this.ids.get(relPath);
    if (id === undefined) return undefined;
    try {
      return statSync(filePath).ctimeMs < this.indexWrittenMs ? id : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * The tracked files whose working-tree bytes are their indexed blob; undefined when checkout conversions could
 * make them differ, the repository uses SHA-256, or git fails.
 */
export async function unchangedWorktreeBlobs(repoRoot: string, gitDir: string, env: NodeJS.ProcessEnv = process.env): Promise<WorktreeBlobs | undefined> {
  try {
    const [listing, config] = await Promise.all([
      execFileAsync("git", ["ls-files", "-v", "-s", "-c", "-m", "-z"], { cwd: repoRoot, maxBuffer: MAX_LISTING }),
      // Exit code 1 when none of these is set: the usual case.
      execFileAsync("git", ["config", "-z", "--get-regexp", "^core\\.(autocrlf|attributesfile)$"], { cwd: repoRoot }).catch((error: { code?: number }) => {
        if (error.code === 1) return { stdout: "" };
        throw error;
      }),
    ]);
    const settings = new Map<string, string>();
    for (const item of config.stdout.split("\0")) {
      const newline = item.indexOf("\n");
      if (newline > 0) settings.set(item.slice(0, newline).toLowerCase(), item.slice(newline + 1));
    }
    const autocrlf = settings.get("core.autocrlf")?.toLowerCase();
    if (autocrlf !== undefined && !["false", "no", "off", "0"].includes(autocrlf)) return undefined;
    if (!noAttributeFiles(listing.stdout, commonDirOf(gitDir), settings.get("core.attributesfile"), env)) return undefined;
    // Read after the listing: `ls-files` may have refreshed the index.
    return new WorktreeBlobs(parseUnchangedListing(listing.stdout), statSync(path.join(gitDir, "index")).mtimeMs);
  } catch {
    return undefined;
  }
}
