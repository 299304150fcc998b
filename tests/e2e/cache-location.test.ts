/**
 * The result cache belongs to the repository, not its working tree: in a repository without node_modules (a
 * pre-commit-framework user's) no command leaves an untracked file, and the cache is kept beside the git data,
 * one per worktree. A file in the working tree appears only when `--cache-location` asks for one.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { git, makeRepo, promptvet, write } from "./repo.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A committed repository with prompts that have findings, a composed prompt and few-shot examples; no node_modules. */
function repoWithPrompts(): string {
  const repo = makeRepo("promptvet-cache-location-");
  cleanups.push(repo.cleanup);
  write(repo.dir, "promptvet.config.yaml", 'files: ["prompts/**/*.md", "few-shot/*.jsonl"]\nmodel: gpt-4o\n');
  write(repo.dir, "prompts/base.md", "# Support\n\nYou are the support assistant. Write to jane.roe@gmail.com for refunds.\n");
  write(repo.dir, "prompts/fork.md", "---\nextends: ./base.md\n---\n\n## Style\n\nBe brief.  \n");
  write(repo.dir, "few-shot/examples.jsonl", '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}\n');
  git(repo.dir, "add", "-A");
  git(repo.dir, "commit", "-q", "-m", "prompts");
  return repo.dir;
}

const status = (dir: string) => git(dir, "status", "--porcelain", "--untracked-files=all", "--ignored");

describe("result cache location", () => {
  it("no command leaves a file in the working tree of a repository without node_modules", () => {
    const dir = repoWithPrompts();
    // A change to lint, staged and unstaged, so --staged and --changed-since have work too.
    write(dir, "prompts/base.md", "# Support\n\nYou are the support assistant. Write to jane.roe@gmail.com for refunds today.\n");
    git(dir, "add", "prompts/base.md");
    write(dir, "prompts/fork.md", "---\nextends: ./base.md\n---\n\n## Style\n\nBe brief and warm.  \n");
    const before = status(dir);
    expect(before).toBe("M  prompts/base.md\n M prompts/fork.md\n");
    const commands = [
      [],
      ["prompts/"],
      ["prompts/"], // a second run reads and rewrites the cache
      ["--staged"],
      ["--changed-since", "HEAD"],
      ["--with-dependents", "prompts/base.md"],
      ["--format", "json", "--format", "sarif", "--format", "markdown", "."],
      ["--concurrency", "2", "prompts/"],
      ["rules"],
      ["explain", "pii/email"],
      ["tokens", "prompts/base.md"],
      ["forks"],
      ["--version"],
      ["--help"],
    ];
    for (const args of commands) {
      const run = promptvet(args, dir);
      expect(run.status, `${args.join(" ")}: ${run.stderr}`).toBeLessThan(2);
      expect(status(dir), args.join(" ")).toBe(before);
    }
    // The lint runs did use a cache: the one beside the git data.
    const cache = JSON.parse(readFileSync(path.join(dir, ".git", "promptvet", "results.json"), "utf8")) as { entries: Record<string, unknown> };
    expect(Object.keys(cache.entries).length).toBeGreaterThanOrEqual(3);
    // --fix writes the fixes it applies and nothing else.
    expect(promptvet(["--fix", "prompts/"], dir).status).toBeLessThan(2);
    expect(status(dir)).toBe(before);
    expect(readFileSync(path.join(dir, "prompts/fork.md"), "utf8")).toContain("Be brief and warm.\n");
  });

  it("answers a second run from the cache beside the git data, with the same findings", () => {
    const dir = repoWithPrompts();
    const first = promptvet(["--format", "json", "prompts/"], dir);
    const cacheFile = path.join(dir, ".git", "promptvet", "results.json");
    const written = readFileSync(cacheFile, "utf8");
    expect(written).not.toContain("jane.roe@gmail.com");
    const second = promptvet(["--format", "json", "prompts/"], dir);
    expect([second.status, second.stdout]).toEqual([first.status, first.stdout]);
    expect(JSON.parse(second.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain("pii/email");
    // An earlier version's cache in the working tree is neither read nor written.
    write(dir, ".promptvetcache", "{ not json");
    const third = promptvet(["--format", "json", "prompts/"], dir);
    expect([third.status, third.stdout, third.stderr]).toEqual([first.status, first.stdout, ""]);
    expect(readFileSync(path.join(dir, ".promptvetcache"), "utf8")).toBe("{ not json");
  });

  it("gives each linked worktree a cache of its own, removed with it", () => {
    const dir = repoWithPrompts();
    const other = path.join(mkdtempSync(path.join(os.tmpdir(), "promptvet-worktree-")), "wt");
    cleanups.push(() => rmSync(path.dirname(other), { recursive: true, force: true }));
    git(dir, "worktree", "add", "-q", other, "-b", "other");
    expect(promptvet(["prompts/"], other).status).toBe(1);
    expect(status(other)).toBe("");
    const worktreeCache = path.join(dir, ".git", "worktrees", "wt", "promptvet", "results.json");
    expect(existsSync(worktreeCache)).toBe(true);
    expect(existsSync(path.join(dir, ".git", "promptvet", "results.json"))).toBe(false);
    git(dir, "worktree", "remove", "--force", other);
    expect(existsSync(worktreeCache)).toBe(false);
  });

  it("writes into the working tree only where --cache-location says", () => {
    const dir = repoWithPrompts();
    expect(promptvet(["--cache-location", "tmp/pv-cache.json", "prompts/"], dir).status).toBe(1);
    expect(status(dir)).toBe("?? tmp/pv-cache.json\n");
    expect(existsSync(path.join(dir, ".git", "promptvet"))).toBe(false);
  });

  it("outside a repository without node_modules, uses the user's cache folder", () => {
    const home = mkdtempSync(path.join(os.tmpdir(), "promptvet-user-cache-"));
    const folder = mkdtempSync(path.join(os.tmpdir(), "promptvet-no-repo-"));
    cleanups.push(() => rmSync(home, { recursive: true, force: true }), () => rmSync(folder, { recursive: true, force: true }));
    write(folder, "prompts/a.md", "# A\n\nWrite to jane.roe@gmail.com.\n");
    const env = { XDG_CACHE_HOME: home, PROMPTVET_COMPILE_CACHE: "off", GIT_CEILING_DIRECTORIES: path.dirname(folder) };
    const first = promptvet(["--format", "json", "prompts/"], folder, env);
    expect(first.status).toBe(1);
    const files = readdirSync(home, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((e) => path.relative(home, path.join(e.parentPath, e.name)))).toEqual([expect.stringMatching(/^promptvet\/results\/[0-9a-f]{16}\.json$/)]);
    expect(promptvet(["--format", "json", "prompts/"], folder, env).stdout).toBe(first.stdout);
    expect(readdirSync(folder, { recursive: true })).toEqual(["prompts", path.join("prompts", "a.md")]);
  });
});
