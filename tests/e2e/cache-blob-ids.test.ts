/**
 * The result cache finds unchanged tracked files by the blob id git keeps in its index, without reading them;
 * every other file by its content hashed the same way. Whatever happens to a file (edited and not staged,
 * staged, untracked, rewritten within the same second at the same size, checked out with CRLF conversion), a
 * cached run reports exactly what a run without the cache reports.
 */
import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { git, makeRepo, promptvet, write } from "./repo.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const CONFIG = 'files: ["prompts/**/*.md"]\n';
const CLEAN = "# Support\n\nAnswer politely.\n";
const EMAIL = "# Support\n\nWrite to jane.roe@gmail.com.\n";

function repo(files: Record<string, string>): string {
  const r = makeRepo("promptvet-blob-ids-");
  cleanups.push(r.cleanup);
  write(r.dir, "promptvet.config.yaml", CONFIG);
  for (const [rel, text] of Object.entries(files)) write(r.dir, rel, text);
  git(r.dir, "add", "-A");
  git(r.dir, "commit", "-q", "-m", "prompts");
  return r.dir;
}

/** Each format's output with the cache, after a warm-up run, equals the output without it. */
function expectCachedEqualsFresh(dir: string) {
  for (const format of ["compact", "json", "stylish"]) {
    promptvet(["--format", format, "prompts/"], dir);
    const cached = promptvet(["--format", format, "prompts/"], dir);
    const fresh = promptvet(["--no-cache", "--format", format, "prompts/"], dir);
    expect([cached.status, cached.stdout, cached.stderr], format).toEqual([fresh.status, fresh.stdout, fresh.stderr]);
  }
}

const findingsOf = (dir: string) =>
  (JSON.parse(promptvet(["--format", "json", "prompts/"], dir).stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[])
    .flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)} ${m.ruleId} ${m.line}`))
    .sort();

describe("cache keyed by git blob id", () => {
  it("sees edits that are not staged, staged edits and untracked files", () => {
    const dir = repo({ "prompts/a.md": CLEAN, "prompts/b.md": CLEAN, "prompts/c.md": EMAIL });
    expectCachedEqualsFresh(dir);
    expect(findingsOf(dir)).toEqual(["c.md pii/email 3"]);

    write(dir, "prompts/a.md", EMAIL); // edited, not staged
    write(dir, "prompts/b.md", `${EMAIL}\nCall 555-0100.\n`);
    git(dir, "add", "prompts/b.md"); // staged
    write(dir, "prompts/c.md", CLEAN);
    git(dir, "add", "prompts/c.md");
    write(dir, "prompts/c.md", EMAIL); // staged clean, working tree back to the email
    write(dir, "prompts/new.md", EMAIL); // untracked
    expect(findingsOf(dir)).toEqual(["a.md pii/email 3", "b.md pii/email 3", "c.md pii/email 3", "new.md pii/email 3"]);
    expectCachedEqualsFresh(dir);

    git(dir, "checkout", "--", "prompts/a.md");
    expect(findingsOf(dir)).toEqual(["b.md pii/email 3", "c.md pii/email 3", "new.md pii/email 3"]);
    expectCachedEqualsFresh(dir);
  });

  it("sees a rewrite of the same size with the same modification time", () => {
    const dir = repo({ "prompts/a.md": "# Support\n\nWrite to jane.roe@gmail.com.\n" });
    const file = path.join(dir, "prompts/a.md");
    expect(findingsOf(dir)).toEqual(["a.md pii/email 3"]);
    const before = readFileSync(file, "utf8");
    const { atime, mtime } = { atime: new Date(), mtime: new Date(Date.now() - 1000) };
    utimesSync(file, atime, mtime);
    git(dir, "update-index", "--refresh");
    // Same length, same times, other bytes: only the content tells.
    const after = before.replace("jane.roe@gmail.com", "jane.roe#gmail.com");
    expect(after.length).toBe(before.length);
    writeFileSync(file, after);
    utimesSync(file, atime, mtime);
    expect(findingsOf(dir)).toEqual([]);
    expectCachedEqualsFresh(dir);
  });

  it("draws code frames from the file as it is, in the cached run too", () => {
    const dir = repo({ "prompts/a.md": EMAIL });
    promptvet(["prompts/"], dir);
    const cached = promptvet(["prompts/"], dir).stdout;
    expect(cached).toContain("Write to ");
    expect(cached).not.toContain("jane.roe@gmail.com");
    expect(cached).toBe(promptvet(["--no-cache", "prompts/"], dir).stdout);
  });

  it("agrees with a run without the cache where git converts line endings on checkout", () => {
    const dir = repo({ "prompts/a.md": EMAIL, "prompts/b.md": "# Style\n\nBe brief.\n" });
    git(dir, "config", "core.autocrlf", "true");
    for (const rel of ["prompts/a.md", "prompts/b.md"]) write(dir, rel, "");
    git(dir, "checkout", "--", ".");
    expect(readFileSync(path.join(dir, "prompts/a.md"), "utf8")).toContain("\r\n");
    expectCachedEqualsFresh(dir);
    write(dir, ".gitattributes", "*.md text eol=lf\n");
    git(dir, "config", "core.autocrlf", "false");
    expectCachedEqualsFresh(dir);
  });
});
