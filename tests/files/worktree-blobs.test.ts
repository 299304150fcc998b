/** What git says of the working tree: blob ids as git computes them, and which tracked files are unchanged. */
import { execFileSync } from "node:child_process";
import { chmodSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitBlobId, parseUnchangedListing, unchangedWorktreeBlobs } from "../../src/files/worktree-blobs.js";
import { git, makeRepo, write } from "../e2e/repo.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function committedRepo(files: Record<string, string>) {
  const repo = makeRepo("promptvet-worktree-blobs-");
  cleanups.push(repo.cleanup);
  for (const [rel, text] of Object.entries(files)) write(repo.dir, rel, text);
  git(repo.dir, "add", "-A");
  git(repo.dir, "commit", "-q", "-m", "files");
  return { dir: repo.dir, gitDir: path.join(repo.dir, ".git") };
}

describe("gitBlobId", () => {
  it("is the id git hash-object gives, for text, empty, binary and non-ASCII content", () => {
    const { dir } = committedRepo({ "a.md": "x\n" });
    for (const bytes of [Buffer.from("# Prompt\n\nBe brief.\n"), Buffer.alloc(0), Buffer.from([0, 255, 10, 13, 7]), Buffer.from("Réponds en français — 日本語\r\n")]) {
      const file = path.join(dir, "probe.bin");
      writeFileSync(file, bytes);
      expect(gitBlobId(bytes)).toBe(execFileSync("git", ["hash-object", "--no-filters", file], { encoding: "utf8" }).trim());
    }
  });
});

describe("unchangedWorktreeBlobs", () => {
  it("lists tracked regular files git says are unchanged, with their index ids", async () => {
    const { dir, gitDir } = committedRepo({ "p/a.md": "A\n", "p/b.md": "B\n", "p/c.md": "C\n", "p/d.md": "D\n", "p/e.md": "E\n", "p/staged.md": "S\n" });
    write(dir, "p/a.md", "A edited, not staged\n");
    unlinkSync(path.join(dir, "p/b.md"));
    write(dir, "p/untracked.md", "U\n");
    git(dir, "update-index", "--assume-unchanged", "p/c.md");
    write(dir, "p/c.md", "C changed behind git's back\n");
    git(dir, "update-index", "--skip-worktree", "p/d.md");
    symlinkSync("e.md", path.join(dir, "p/link.md"));
    write(dir, "p/staged.md", "S staged\n");
    git(dir, "add", "p/staged.md", "p/link.md");
    // A mode change alone counts as a change for git: the file is hashed like any other, which costs only time.
    chmodSync(path.join(dir, "p/e.md"), 0o755);
    const ids = await unchangedWorktreeBlobs(dir, gitDir, {});
    expect(ids && [...ids.ids.keys()].sort()).toEqual(["p/staged.md"]);
    expect(ids!.ids.get("p/staged.md")).toBe(gitBlobId(Buffer.from("S staged\n")));
  });

  it("knows nothing where attributes or core.autocrlf can make a checkout differ from its blob", async () => {
    const plain = committedRepo({ "a.md": "A\n" });
    expect((await unchangedWorktreeBlobs(plain.dir, plain.gitDir, {}))?.ids.get("a.md")).toBe(gitBlobId(Buffer.from("A\n")));
    git(plain.dir, "config", "core.autocrlf", "true");
    expect(await unchangedWorktreeBlobs(plain.dir, plain.gitDir, {})).toBeUndefined();
    git(plain.dir, "config", "core.autocrlf", "false");
    expect(await unchangedWorktreeBlobs(plain.dir, plain.gitDir, {})).toBeDefined();
    write(plain.gitDir, "info/attributes", "*.md text eol=crlf\n");
    expect(await unchangedWorktreeBlobs(plain.dir, plain.gitDir, {})).toBeUndefined();

    const withAttributes = committedRepo({ "a.md": "A\n", "sub/.gitattributes": "*.md filter=lfs\n" });
    expect(await unchangedWorktreeBlobs(withAttributes.dir, withAttributes.gitDir, {})).toBeUndefined();

    const globalAttributes = committedRepo({ "a.md": "A\n" });
    const configHome = path.join(globalAttributes.gitDir, "fake-config-home");
    write(configHome, "git/attributes", "*.md ident\n");
    expect(await unchangedWorktreeBlobs(globalAttributes.dir, globalAttributes.gitDir, { XDG_CONFIG_HOME: configHome })).toBeUndefined();
  });

  it("reads a listing: conflicts, symlinks, submodules and SHA-256 ids are never known", () => {
    const sha1 = "a".repeat(40);
    const listing = [
      `H 100644 ${sha1} 0\tok.md`,
      `H 100644 ${sha1} 1\tconflict.md`,
      `H 100644 ${"b".repeat(40)} 2\tconflict.md`,
      `H 120000 ${sha1} 0\tlink.md`,
      `H 160000 ${sha1} 0\tsubmodule`,
      `H 100644 ${"c".repeat(64)} 0\tsha256.md`,
      `H 100644 ${sha1} 0\tname with\ttab.md`,
      "",
    ].join("\0");
    expect([...parseUnchangedListing(listing)]).toEqual([["ok.md", sha1], ["name with\ttab.md", sha1]]);
  });
});
