/**
 * Where file contents come from: the working tree, the git index (pre-commit: what will be committed) or a
 * base revision. Reads are synchronous because template partials are resolved inside the renderer.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export type FileReader = (absPath: string) => string | undefined;

export function diskReader(): FileReader {
  return (absPath) => {
    try {
      return readFileSync(absPath, "utf8").replace(/^\uFEFF/, "");
    } catch {
      return undefined;
    }
  };
}

/** `git show <rev>:<path>`; rev "" reads the index. */
export function gitReader(repoRoot: string, rev: string): FileReader {
  const memo = new Map<string, string | undefined>();
  return (absPath) => {
    if (memo.has(absPath)) return memo.get(absPath);
    const rel = path.relative(repoRoot, absPath).split(path.sep).join("/");
    let text: string | undefined;
    if (!rel.startsWith("..")) {
      try {
        text = execFileSync("git", ["show", `${rev}:${rel}`], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 }).replace(/^\uFEFF/, "");
      } catch {
        text = undefined;
      }
    }
    memo.set(absPath, text);
    return text;
  };
}

/** Tracked and untracked (not ignored) files, relative to the repo root. */
export function listRepoFiles(repoRoot: string): string[] {
  try {
    return execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 })
      .split("\0")
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** Files changed in the working tree or index relative to HEAD, plus untracked ones. */
export function worktreeChanges(repoRoot: string, hasHead: boolean): string[] {
  const run = (args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 }).split("\0").filter(Boolean);
    } catch {
      return [];
    }
  };
  const changed = hasHead ? run(["diff", "--name-only", "-z", "--diff-filter=ACMR", "HEAD"]) : run(["ls-files", "-z", "--cached"]);
  return [...new Set([...changed, ...run(["ls-files", "-z", "--others", "--exclude-standard"])])];
}
