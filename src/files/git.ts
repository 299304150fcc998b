import { execFile, execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** Why a git command failed, with git's own words. */
export class GitError extends Error {
  constructor(message: string, readonly stderr: string) {
    super(message);
    this.name = "GitError";
  }
}

const MAX_BUFFER = 256 * 1024 * 1024;

async function git(cwd: string, args: string[], encoding: "utf8" | "buffer" = "utf8"): Promise<string | Buffer> {
  try {
    const { stdout } = await execFileAsync("git", args, {
      cwd,
      maxBuffer: MAX_BUFFER,
      encoding: encoding === "buffer" ? "buffer" : "utf8",
    });
    return stdout;
  } catch (error) {
    const err = error as { stderr?: Buffer | string; message: string };
    const stderr = String(err.stderr ?? "").trim();
    throw new GitError(`git ${args[0]} failed: ${stderr || err.message}`, stderr);
  }
}

/** Absolute path of the repository's top-level folder, or undefined outside a repository. */
export function findRepoRoot(cwd: string): string | undefined {
  return findRepository(cwd)?.root;
}

/** A working tree and the folder that holds its git data (`.git`, or `.git/worktrees/<name>` for a linked worktree). */
export interface Repository {
  root: string;
  gitDir: string;
  /** Where git keeps loose objects (`git rev-parse --git-path objects`: the common directory's for a linked worktree). */
  objectsDir?: string;
  /** The commit HEAD named when the repository was found; undefined before the first commit. */
  head?: string;
}

const REPOSITORY_QUESTIONS = ["rev-parse", "--show-toplevel", "--absolute-git-dir", "--git-path", "objects"];

/**
 * The repository around `cwd` and its HEAD commit, in one git process (each process costs a pre-commit run
 * ~5-15 ms), or undefined outside a repository. `--verify -q HEAD` prints the commit last, or nothing and
 * exit status 1 before the first commit, after the answers to the other questions.
 */
export function findRepository(cwd: string): Repository | undefined {
  const answer = spawnSync("git", [...REPOSITORY_QUESTIONS, "--verify", "-q", "HEAD"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const lines = (answer.stdout ?? "").split("\n").map((line) => line.trim());
  if (answer.status === 0 && /^[0-9a-f]{40,64}$/.test(lines[3] ?? "")) return repositoryOf(cwd, lines, lines[3]);
  if (answer.status === 1 && lines[0] && lines[1] && !lines[3]) return repositoryOf(cwd, lines, undefined);
  // Outside a repository, or a git that answers otherwise: ask the questions alone.
  try {
    const plain = execFileSync("git", REPOSITORY_QUESTIONS, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split("\n").map((line) => line.trim());
    const repository = repositoryOf(cwd, plain, undefined);
    if (repository) repository.head = headCommit(repository.root);
    return repository;
  } catch {
    return undefined;
  }
}

function repositoryOf(cwd: string, [root, gitDir, objects]: string[], head: string | undefined): Repository | undefined {
  if (!root || !gitDir) return undefined;
  const repository: Repository = { root, gitDir };
  if (objects) repository.objectsDir = path.resolve(cwd, objects);
  if (head) repository.head = head;
  return repository;
}

function headCommit(root: string): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--verify", "-q", "HEAD^{commit}"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Paths (relative to the repo root, `/`-separated) of files added, copied, modified or renamed in the index. */
export async function stagedFiles(repoRoot: string): Promise<string[]> {
  return (await stagedChanges(repoRoot)).changed;
}

/**
 * What the index changes, in one `git diff`: paths added, copied, modified or renamed (`changed`) and paths it
 * deletes (`deleted`; renames are not followed, so a rename deletes its old path).
 */
export async function stagedChanges(repoRoot: string): Promise<{ changed: string[]; deleted: string[] }> {
  const out = (await git(repoRoot, ["diff", "--cached", "--name-status", "-z", "--diff-filter=ACMRD", "--no-renames"])) as string;
  const changed: string[] = [];
  const deleted: string[] = [];
  for (const file of parseNameStatus(out)) (file.status === "deleted" ? deleted : changed).push(file.path);
  return { changed, deleted };
}

/**
 * Paths whose working-tree file differs from the index (relative to the repo root): a staged path listed here
 * is partially staged, so fixing the file would also stage edits its author kept out of the commit.
 */
export async function unstagedPaths(repoRoot: string): Promise<Set<string>> {
  const out = (await git(repoRoot, ["diff", "--name-only", "-z", "--no-renames"])) as string;
  return new Set(out.split("\0").filter((p) => p !== ""));
}

/** Stages the current working-tree content of these paths (relative to the repo root). */
export async function stagePaths(repoRoot: string, relPaths: readonly string[]): Promise<void> {
  if (relPaths.length > 0) await git(repoRoot, ["add", "--", ...relPaths.map(toGitPath)]);
}

/** The staged blob of a path, exactly as it will be committed. */
export async function readStagedBlob(repoRoot: string, relPath: string): Promise<Buffer> {
  return (await git(repoRoot, ["show", `:${toGitPath(relPath)}`], "buffer")) as Buffer;
}

/** The content of a path at a ref, or undefined when the path does not exist there. */
export async function readBlobAt(repoRoot: string, ref: string, relPath: string): Promise<Buffer | undefined> {
  try {
    return (await git(repoRoot, ["show", `${ref}:${toGitPath(relPath)}`], "buffer")) as Buffer;
  } catch (error) {
    if (error instanceof GitError && /does not exist|exists on disk, but not in|bad revision|invalid object name|unknown revision/i.test(error.stderr)) {
      return undefined;
    }
    throw error;
  }
}

export async function mergeBase(repoRoot: string, ref: string, head = "HEAD"): Promise<string> {
  return ((await git(repoRoot, ["merge-base", ref, head])) as string).trim();
}

export interface ChangedFile {
  /** Current path (relative to the repo root). */
  path: string;
  status: "added" | "modified" | "renamed" | "copied" | "deleted" | "type-changed";
  /** Path at the base, for renames and copies. */
  oldPath?: string;
}

/** Files changed between `base` and HEAD (committed changes only), renames followed. */
export async function changedBetween(repoRoot: string, base: string, head = "HEAD"): Promise<ChangedFile[]> {
  const out = (await git(repoRoot, ["diff", "--name-status", "-z", "-M", base, head])) as string;
  return parseNameStatus(out);
}

function parseNameStatus(out: string): ChangedFile[] {
  const parts = out.split("\0").filter((p) => p !== "");
  const files: ChangedFile[] = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++]!;
    const letter = code[0];
    if (letter === "R" || letter === "C") {
      const oldPath = parts[i++]!;
      const newPath = parts[i++]!;
      files.push({ path: newPath, oldPath, status: letter === "R" ? "renamed" : "copied" });
    } else {
      const p = parts[i++]!;
      const status = letter === "A" ? "added" : letter === "D" ? "deleted" : letter === "T" ? "type-changed" : "modified";
      files.push({ path: p, status });
    }
  }
  return files;
}

function toGitPath(relPath: string): string {
  return relPath.split(path.sep).join("/");
}
