import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { fileReaderFor, indexReader } from "../../src/compose/read.js";
import { GitObjectStore } from "../../src/files/git-objects.js";
import { writeFiles } from "../rules/fork/harness.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

it("reads bases and partials from the git index in staged mode: what will be committed", async () => {
  const dir = writeFiles({ "base.md": "staged text\n" });
  dirs.push(dir);
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["add", "base.md"], { cwd: dir });
  writeFileSync(path.join(dir, "base.md"), "unstaged edit\n");
  writeFileSync(path.join(dir, "new-partial.md"), "never added\n");
  const read = indexReader(new GitObjectStore(dir));
  expect(await read(path.join(dir, "base.md"))).toBe("staged text\n");
  expect(await read(path.join(dir, "new-partial.md"))).toBeUndefined();
  const worktree = fileReaderFor({});
  expect(await worktree(path.join(dir, "base.md"))).toBe("unstaged edit\n");
  const options = { staged: true, repoRoot: dir };
  expect(fileReaderFor(options)).toBe(fileReaderFor(options));
});
