/**
 * The result cache never changes an answer, and a change to a base prompt reaches every prompt composed
 * from it (the blast radius), through the cache too.
 */
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { git, makeRepo, PROJECT_ROOT, promptvet, write } from "./repo.js";

const BASE = `---
model: gpt-4o
---

# Support assistant

You are the support assistant of Acme Home.

## Safety
<!-- promptvet:required -->

Tell customers to unplug a smoking appliance.

## Style

Be concise.
`;

const FORK = `---
extends: ./base.md
---

## Style

Be warm, and use the customer's first name.
`;

function lintJson(dir: string, args: string[]) {
  const result = promptvet([...args, "--format", "json"], dir);
  expect(result.status, result.stderr).toBeLessThan(2);
  return JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; column: number; message: string }[] }[];
}

function normalise(results: ReturnType<typeof lintJson>) {
  return results
    .map((r) => ({ file: r.filePath, messages: r.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`) }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

describe("result cache", () => {
  let repo: ReturnType<typeof makeRepo>;
  beforeEach(() => {
    repo = makeRepo();
  });
  afterEach(() => repo.cleanup());

  it("gives the same results with and without the cache, cold and warm", () => {
    cpSync(path.join(PROJECT_ROOT, "examples"), path.join(repo.dir, "examples"), { recursive: true });
    git(repo.dir, "add", "-A");
    git(repo.dir, "commit", "-q", "-m", "examples");
    const uncached = normalise(lintJson(repo.dir, ["examples", "--no-cache"]));
    expect(uncached.length).toBeGreaterThan(5);
    expect(uncached.some((r) => r.messages.length > 0)).toBe(true);
    const cold = normalise(lintJson(repo.dir, ["examples", "--cache-location", ".cache/pv.json"]));
    const warm = normalise(lintJson(repo.dir, ["examples", "--cache-location", ".cache/pv.json"]));
    expect(cold).toEqual(uncached);
    expect(warm).toEqual(uncached);
    // Code frames drawn from a warm cache show the same masked text as a fresh run.
    const stylish = (extra: string[]) => promptvet(["examples", "--format", "stylish", ...extra], repo.dir).stdout;
    const fresh = stylish(["--no-cache"]);
    expect(fresh).toContain("confirmation at ••••");
    expect(fresh).not.toContain("m.okafor@gmail.com");
    expect(stylish(["--cache-location", ".cache/pv.json"])).toBe(fresh);
    // The cache holds no file text: no email from the few-shot file in full.
    expect(readFileSync(path.join(repo.dir, ".cache/pv.json"), "utf8")).not.toContain("m.okafor@gmail.com");
  });

  it("re-lints a fork when its base changes, even though the fork's own bytes did not", () => {
    write(repo.dir, "prompts/base.md", BASE);
    write(repo.dir, "prompts/fork.prompt.md", FORK);
    const args = ["prompts/fork.prompt.md", "--cache-location", ".cache/pv.json"];
    const before = lintJson(repo.dir, args);
    expect(before[0]!.messages.filter((m) => m.ruleId === "fork/required-section")).toEqual([]);
    // The base now marks Style as required, which the fork overrides.
    write(repo.dir, "prompts/base.md", BASE.replace("## Style\n", "## Style\n<!-- promptvet:required -->\n"));
    const after = lintJson(repo.dir, args);
    expect(after[0]!.messages.some((m) => m.ruleId === "fork/required-section")).toBe(true);
    expect(normalise(after)).toEqual(normalise(lintJson(repo.dir, ["prompts/fork.prompt.md", "--no-cache"])));
  });
});

describe("blast radius", () => {
  it("a staged change to a base lints the prompts composed from it and lists them in the summary", () => {
    const repo = makeRepo();
    try {
      write(repo.dir, "prompts/base.md", BASE);
      write(repo.dir, "prompts/fork.prompt.md", FORK);
      git(repo.dir, "add", "-A");
      git(repo.dir, "commit", "-q", "-m", "base and fork");
      write(repo.dir, "prompts/base.md", BASE.replace("## Style\n", "## Style\n<!-- promptvet:required -->\n"));
      git(repo.dir, "add", "prompts/base.md");
      const json = lintJson(repo.dir, ["--staged"]);
      const files = json.map((r) => path.relative(repo.dir, r.filePath)).sort();
      expect(files).toEqual(["prompts/base.md", "prompts/fork.prompt.md"]);
      const fork = json.find((r) => r.filePath.endsWith("fork.prompt.md"))!;
      expect(fork.messages.some((m) => m.ruleId === "fork/required-section")).toBe(true);

      const summary = promptvet(["--staged", "--format", "markdown"], repo.dir);
      expect(summary.stdout).toContain("prompts/fork.prompt.md");
      expect(summary.stdout).toContain("prompts/base.md");
    } finally {
      repo.cleanup();
    }
  });

  it.each([
    ["git rm", ["rm", "-q", "prompts/base.md"]],
    ["git rm --cached (the file stays on disk, out of the commit)", ["rm", "-q", "--cached", "prompts/base.md"]],
    ["a rename", ["mv", "prompts/base.md", "prompts/base-v2.md"]],
  ])("a staged deletion of a base (%s) lints the prompts composed from it, which are now broken", (_how, command) => {
    const repo = makeRepo();
    try {
      write(repo.dir, "prompts/base.md", BASE);
      write(repo.dir, "prompts/fork.prompt.md", FORK);
      write(repo.dir, "prompts/footer.md", "Thanks for contacting Acme.\n");
      write(repo.dir, "prompts/reply.j2", "{% include 'footer.md' %}\nAnswer briefly.\n");
      git(repo.dir, "add", "-A");
      git(repo.dir, "commit", "-q", "-m", "base, fork and a partial");
      git(repo.dir, ...command);
      git(repo.dir, "rm", "-q", "prompts/footer.md");
      const result = promptvet(["--staged", "--format", "json"], repo.dir);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(1);
      const json = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
      const byFile = Object.fromEntries(json.map((r) => [path.relative(repo.dir, r.filePath), r.messages.map((m) => m.ruleId)]));
      expect(byFile["prompts/fork.prompt.md"]).toContain("fork/unresolved");
      expect(byFile["prompts/reply.j2"]).toContain("fork/unresolved");
    } finally {
      repo.cleanup();
    }
  });
});
