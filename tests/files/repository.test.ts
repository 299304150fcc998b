import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findRepository } from "../../src/files/git.js";

const base = realpathSync(mkdtempSync(path.join(os.tmpdir(), "promptvet-repository-")));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" }).trim();
}

describe("findRepository: the repository and its HEAD commit in one git process", () => {
  it("knows a repository before its first commit, without a HEAD commit", () => {
    const dir = path.join(base, "unborn");
    mkdirSync(path.join(dir, "prompts"), { recursive: true });
    git(dir, "init", "-q", "-b", "main");
    const repo = findRepository(path.join(dir, "prompts"));
    expect(repo).toEqual({ root: dir, gitDir: path.join(dir, ".git"), objectsDir: path.join(dir, ".git", "objects") });
    expect(repo?.head).toBeUndefined();
  });

  it("names the commit HEAD points at, in a subfolder and in a linked worktree", () => {
    const dir = path.join(base, "born");
    mkdirSync(path.join(dir, "prompts"), { recursive: true });
    git(dir, "init", "-q", "-b", "main");
    writeFileSync(path.join(dir, "prompts", "a.md"), "Answer briefly.\n");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "first");
    const head = git(dir, "rev-parse", "HEAD");
    expect(findRepository(path.join(dir, "prompts"))).toMatchObject({ root: dir, head });

    const linked = path.join(base, "linked");
    git(dir, "worktree", "add", "-q", "-b", "other", linked);
    writeFileSync(path.join(linked, "b.md"), "Answer in English.\n");
    git(linked, "add", "-A");
    git(linked, "commit", "-q", "-m", "second");
    const linkedRepo = findRepository(linked);
    expect(linkedRepo).toMatchObject({ root: linked, head: git(linked, "rev-parse", "HEAD"), objectsDir: path.join(dir, ".git", "objects") });
    expect(linkedRepo?.head).not.toBe(head);
  });

  it("is undefined outside a repository", () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), "promptvet-no-repository-"));
    try {
      // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temp folder.
      const previous = process.env.GIT_CEILING_DIRECTORIES;
      process.env.GIT_CEILING_DIRECTORIES = path.dirname(outside);
      try {
        expect(findRepository(outside)).toBeUndefined();
      } finally {
        if (previous === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
        else process.env.GIT_CEILING_DIRECTORIES = previous;
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
