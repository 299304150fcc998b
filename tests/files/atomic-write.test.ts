import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeWriteFailure, FileChangedError, removeTemporaryFiles, snapshotOf, writeFileAtomically } from "../../src/files/atomic-write.js";
import { fixDestination } from "../../src/files/fix-destination.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-atomic-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fresh(content: string, mode = 0o644): string {
  const file = path.join(dir, `f${n++}.md`);
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}
const snapshot = (file: string) => snapshotOf(statSync(file), readFileSync(file));
const leftovers = () => readdirSync(dir).filter((name) => name.includes(".promptvet-"));

describe("writeFileAtomically", () => {
  it("replaces the content, keeps the mode, and leaves no temporary file", async () => {
    const file = fresh("old  \n", 0o640);
    await writeFileAtomically(file, "new\n", { expected: snapshot(file) });
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(statSync(file).mode & 0o7777).toBe(0o640);
    expect(leftovers()).toEqual([]);
  });

  it("keeps an executable bit and odd modes exactly, whatever the umask", async () => {
    const file = fresh("#!/bin/sh\n", 0o751);
    const umask = process.umask(0o077);
    try {
      await writeFileAtomically(file, "#!/bin/sh\necho\n");
    } finally {
      process.umask(umask);
    }
    expect(statSync(file).mode & 0o7777).toBe(0o751);
  });

  it("refuses to overwrite a file changed on disk after it was read, keeping the newer content", async () => {
    const file = fresh("as read\n");
    const read = snapshot(file);
    // An editor save landing between the read and the write, same size so only mtime and content tell.
    const editorSave = () => {
      writeFileSync(file, "as SAVE\n");
    };
    await expect(writeFileAtomically(file, "fixed\n", { expected: read, beforeCommit: editorSave })).rejects.toThrow(FileChangedError);
    expect(readFileSync(file, "utf8")).toBe("as SAVE\n");
    expect(leftovers()).toEqual([]);
    expect(describeWriteFailure(new FileChangedError(file))).toBe("it changed on disk since it was read; not fixed");
  });

  it("notices a same-size change that kept the modification time (content hash)", async () => {
    const file = fresh("aaaa\n");
    const read = snapshot(file);
    const sneaky = () => {
      const { atime, mtime } = statSync(file);
      writeFileSync(file, "bbbb\n");
      // Restore the timestamps, as a tool copying files with their times would.
      utimesSync(file, atime, mtime);
    };
    await expect(writeFileAtomically(file, "fixed\n", { expected: read, beforeCommit: sneaky })).rejects.toThrow(FileChangedError);
    expect(readFileSync(file, "utf8")).toBe("bbbb\n");
  });

  it("on a failed write leaves the original untouched and removes the temporary file", async () => {
    const file = fresh("original\n");
    const failing = () => {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    await expect(writeFileAtomically(file, "fixed\n", { beforeCommit: failing })).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(file, "utf8")).toBe("original\n");
    expect(leftovers()).toEqual([]);
    expect(describeWriteFailure(Object.assign(new Error("x"), { code: "ENOSPC" }))).toMatch(/disk is full \(ENOSPC\); the file was left unchanged/);
  });

  it("removes the temporary files of writes in progress on request (what Ctrl-C does)", async () => {
    const file = fresh("original\n");
    let seen: string[] = [];
    await expect(
      writeFileAtomically(file, "fixed\n", {
        beforeCommit: () => {
          seen = leftovers();
          removeTemporaryFiles();
          throw new Error("interrupted");
        },
      }),
    ).rejects.toThrow("interrupted");
    expect(seen).toHaveLength(1);
    expect(leftovers()).toEqual([]);
    expect(readFileSync(file, "utf8")).toBe("original\n");
  });
});

describe("fixDestination", () => {
  const root = path.join(dir, "repo");
  const outside = path.join(dir, "outside.md");
  mkdirSync(path.join(root, "prompts"), { recursive: true });
  writeFileSync(outside, "outside\n");
  writeFileSync(path.join(root, "prompts", "real.md"), "inside\n");
  symlinkSync(outside, path.join(root, "prompts", "out-link.md"));
  symlinkSync(path.join(root, "prompts", "real.md"), path.join(root, "prompts", "in-link.md"));
  symlinkSync(dir, path.join(root, "linked-parent"));
  symlinkSync(path.join(root, "missing.md"), path.join(root, "prompts", "dangling.md"));

  it("allows a regular file inside the root, and a symlink's target when it is inside too", () => {
    expect(fixDestination(path.join(root, "prompts", "real.md"), root)).toEqual({ path: path.join(root, "prompts", "real.md") });
    expect(fixDestination(path.join(root, "prompts", "in-link.md"), root)).toEqual({ path: path.join(root, "prompts", "real.md") });
  });

  it("refuses a symlink out of the root, a path through a linked folder, and a dangling link", () => {
    expect(fixDestination(path.join(root, "prompts", "out-link.md"), root)).toEqual({ refused: expect.stringMatching(/symbolic link to a file outside the repository/) });
    expect(fixDestination(path.join(root, "linked-parent", "outside.md"), root)).toEqual({ refused: expect.stringMatching(/outside the repository/) });
    expect(fixDestination(path.join(root, "prompts", "dangling.md"), root)).toEqual({ refused: expect.stringMatching(/could not be resolved/) });
  });
});
