/**
 * A cache is an optimisation: whatever is wrong with it (a folder in its place, corrupt JSON, entries of the
 * wrong shape, a location that cannot be written), the run completes with every finding and the exit code it
 * would have had, and says so once.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promptvet, promptvetUnprivileged, write } from "./repo.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-cache-faults-"));
  chmodSync(dir, 0o755); // open to the unprivileged user of the read-only test
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small project with an error and a warning in different files. */
function project(name: string): string {
  const folder = path.join(dir, name);
  write(folder, "prompts/support.md", "# Support\n\nWrite to jane.roe@gmail.com for refunds.\n");
  write(folder, "prompts/style.md", "# Style\n\nBe brief.  \t\n");
  write(folder, "prompts/clean.md", "# Clean\n\nAnswer politely.\n");
  return folder;
}

function findings(stdout: string): string[] {
  return (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; line: number; column: number }[] }[])
    .flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)} ${m.ruleId} ${m.line}:${m.column}`))
    .sort();
}

/** The run with `args` gives the same findings and exit code as without a cache, and one warning naming the cache. */
function expectFullRunWithOneWarning(folder: string, args: string[], runner = promptvet) {
  const reference = runner(["--no-cache", "-f", "json", "prompts/"], folder);
  const result = runner([...args, "-f", "json", "prompts/"], folder);
  expect(result.status).toBe(reference.status);
  expect(reference.status).toBe(1);
  expect(findings(result.stdout)).toEqual(findings(reference.stdout));
  expect(findings(result.stdout)).toContain("support.md pii/email 3:10");
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^promptvet: warning: the result cache \S+ .*; results were still computed in full\.$/);
  return lines[0]!;
}

describe("cache faults are one warning, never a failed run", () => {
  it("a folder where the cache file should be", () => {
    const folder = project("folder");
    mkdirSync(path.join(folder, "cache-here"));
    const warning = expectFullRunWithOneWarning(folder, ["--cache-location", "cache-here"]);
    expect(warning).toMatch(/could not be read \(EISDIR\)/);
  });

  it("a cache file that is not JSON", () => {
    const folder = project("corrupt");
    writeFileSync(path.join(folder, "cache.json"), '{"version": "0.1.0", "entries": {"a": ');
    expect(expectFullRunWithOneWarning(folder, ["--cache-location", "cache.json"])).toMatch(/is not valid JSON/);
  });

  it("valid JSON with entries of the wrong shape (matching keys, broken results)", () => {
    const folder = project("shapes");
    const cacheFile = path.join(folder, "cache.json");
    promptvet(["--cache-location", "cache.json", "prompts/"], folder);
    const cache = JSON.parse(readFileSync(cacheFile, "utf8"));
    const files = Object.keys(cache.entries);
    expect(files).toHaveLength(3);
    // Keys stay right, so each entry would be a hit; what is stored under them is wrong in a different way.
    const [a, b, c] = files;
    cache.entries[a!].result.messages = "not a list";
    cache.entries[b!].masks = [["x", 1]];
    cache.entries[c!].result.messages = [{ ruleId: 7, severity: "high" }];
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect(expectFullRunWithOneWarning(folder, ["--cache-location", "cache.json"])).toMatch(/holds an entry of the wrong shape/);
    // The bad entries were replaced: the next run is clean and silent.
    const again = promptvet(["--cache-location", "cache.json", "-f", "json", "prompts/"], folder);
    expect(again.stderr).toBe("");
  });

  it("an entry table of the wrong type", () => {
    const folder = project("table");
    promptvet(["--cache-location", "cache.json", "prompts/"], folder);
    const cacheFile = path.join(folder, "cache.json");
    const cache = JSON.parse(readFileSync(cacheFile, "utf8"));
    writeFileSync(cacheFile, JSON.stringify({ ...cache, entries: ["a", "b"] }));
    expect(expectFullRunWithOneWarning(folder, ["--cache-location", "cache.json"])).toMatch(/has no valid entry table/);
  });

  it("a cache location that cannot be written (a read-only node_modules, as in CI images)", () => {
    const folder = project("read-only");
    mkdirSync(path.join(folder, "node_modules"));
    chmodSync(folder, 0o777);
    chmodSync(path.join(folder, "node_modules"), 0o555);
    const warning = expectFullRunWithOneWarning(folder, [], promptvetUnprivileged);
    expect(warning).toMatch(/node_modules\/\.cache\/promptvet\/results\.json could not be written \(EACCES\)/);
  });
});

