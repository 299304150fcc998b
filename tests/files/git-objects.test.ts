import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GitObjectStore, parseObjectListing } from "../../src/files/git-objects.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-git-objects-"));
const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Bytes that stress the batch protocol: newlines, NULs, and a blob larger than one pipe read.
const binary = Buffer.from([0, 10, 10, 255, 0, 32, 10]);
const large = "line of a large prompt\n".repeat(60_000);

git("init", "-q");
git("config", "user.email", "t@example.com");
git("config", "user.name", "t");
writeFileSync(path.join(dir, "a.md"), "committed a\n");
writeFileSync(path.join(dir, "bin.dat"), binary);
writeFileSync(path.join(dir, "large.md"), large);
git("add", ".");
git("commit", "-q", "-m", "base");
writeFileSync(path.join(dir, "a.md"), "staged a\n");
writeFileSync(path.join(dir, "new.md"), "only staged\n");
git("add", "a.md", "new.md");
writeFileSync(path.join(dir, "a.md"), "working tree a\n");

describe("GitObjectStore", () => {
  it("reads blobs at a ref and in the index, undefined for paths that are not there", async () => {
    const store = new GitObjectStore(dir);
    expect((await store.readAt("HEAD", "a.md"))?.toString()).toBe("committed a\n");
    expect(await store.readAt("HEAD", "new.md")).toBeUndefined();
    expect((await store.readStaged("a.md"))?.toString()).toBe("staged a\n");
    expect((await store.readStaged("new.md"))?.toString()).toBe("only staged\n");
    expect(await store.readStaged("never-added.md")).toBeUndefined();
    expect(await store.read("0".repeat(40))).toBeUndefined();
    store.close();
  });

  it("answers many concurrent requests in order, binary and large blobs intact", async () => {
    const store = new GitObjectStore(dir);
    const paths = ["large.md", "bin.dat", "a.md", "large.md", "bin.dat", "missing.md", "a.md"];
    const blobs = await Promise.all(paths.map((p) => store.readAt("HEAD", p)));
    expect(blobs.map((b) => b?.length)).toEqual([large.length, binary.length, 12, large.length, binary.length, undefined, 12]);
    expect(blobs[0]!.toString()).toBe(large);
    expect(Buffer.compare(blobs[4]!, binary)).toBe(0);
    store.close();
  });

  it("lists trees and the index with stage 0 winning over conflict stages", () => {
    const oid = (c: string) => c.repeat(40);
    const tree = parseObjectListing(`100644 blob ${oid("a")}\tx.md\x00040000 tree ${oid("b")}\tdir\0`, "tree");
    expect([...tree]).toEqual([["x.md", oid("a")]]);
    const index = parseObjectListing(`100644 ${oid("1")} 1\tc.md\x00100644 ${oid("0")} 0\tc.md\x00100644 ${oid("3")} 3\tc.md\0`, "index");
    expect(index.get("c.md")).toBe(oid("0"));
  });

  it("reports a repository git cannot read as an error, not as missing content", async () => {
    const store = new GitObjectStore(path.join(dir, "no-such-folder"));
    await expect(store.read("a".repeat(40))).rejects.toThrow(/git cat-file failed/);
  });
});
