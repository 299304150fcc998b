/**
 * The whole loop a developer lives in: `promptvet init` in a real repository, then real `git commit`s
 * through the real husky hook, which starts `promptvet hook` when a staged path is a prompt file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { git, installTooling, makeRepo, promptvet, run, write } from "./repo.js";

const GOOD_LINE = '{"messages":[{"role":"user","content":"Where is my order?"},{"role":"assistant","content":"It ships tomorrow."}]}';
const BAD_LINE = '{"messages":[{"role":"user","content":"Where is my order?"},{"role":"assistant","content":"It ships tomorrow."}]';

function commit(dir: string, message: string) {
  return run("git", ["commit", "-m", message], dir);
}

describe("pre-commit hook (husky + promptvet hook)", () => {
  let repo: ReturnType<typeof makeRepo>;

  beforeEach(() => {
    repo = makeRepo();
    installTooling(repo.dir);
    write(repo.dir, "package.json", JSON.stringify({ name: "support-bot", version: "1.0.0", private: true }, null, 2) + "\n");
    const init = promptvet(["init"], repo.dir);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain("The pre-commit hook is active");
    git(repo.dir, "add", "-A");
    git(repo.dir, "commit", "-q", "-m", "set up promptvet");
  });

  afterEach(() => repo.cleanup());

  it("init is idempotent", () => {
    const pkgBefore = readFileSync(path.join(repo.dir, "package.json"), "utf8");
    const hookBefore = readFileSync(path.join(repo.dir, ".husky", "pre-commit"), "utf8");
    const again = promptvet(["init"], repo.dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("nothing changed");
    expect(readFileSync(path.join(repo.dir, "package.json"), "utf8")).toBe(pkgBefore);
    expect(readFileSync(path.join(repo.dir, ".husky", "pre-commit"), "utf8")).toBe(hookBefore);
    const pkg = JSON.parse(pkgBefore);
    expect(pkg.scripts.prepare).toBe("husky");
    expect(pkg["lint-staged"]).toBeUndefined();
    expect(pkg.devDependencies).toMatchObject({ husky: expect.any(String), promptvet: expect.any(String) });
    expect(pkg.devDependencies["lint-staged"]).toBeUndefined();
    expect(hookBefore).toMatch(/"\$promptvet_bin" hook --prefilter [0-9a-f]{12}/);
  });

  it("blocks a commit with a finding at file:line:column, then lets the fixed file through", () => {
    write(repo.dir, "prompts/examples.jsonl", `${GOOD_LINE}\n${BAD_LINE}\n`);
    git(repo.dir, "add", "prompts/examples.jsonl");
    const blocked = commit(repo.dir, "add examples");
    expect(blocked.status).not.toBe(0);
    const output = blocked.stdout + blocked.stderr;
    expect(output).toContain("examples.jsonl");
    expect(output).toMatch(/2:\d+\s+error/);
    expect(output).toContain("fewshot/jsonl-syntax");
    expect(git(repo.dir, "log", "--oneline").trim().split("\n")).toHaveLength(1);

    write(repo.dir, "prompts/examples.jsonl", `${GOOD_LINE}\n${GOOD_LINE.replace("tomorrow", "today")}\n`);
    git(repo.dir, "add", "prompts/examples.jsonl");
    const allowed = commit(repo.dir, "add examples");
    expect(allowed.status, allowed.stdout + allowed.stderr).toBe(0);
    expect(git(repo.dir, "show", "--stat", "HEAD")).toContain("prompts/examples.jsonl");
  });

  it("lints what is staged, not the working tree: bad staged + good working tree is blocked", () => {
    write(repo.dir, "prompts/examples.jsonl", `${BAD_LINE}\n`);
    git(repo.dir, "add", "prompts/examples.jsonl");
    write(repo.dir, "prompts/examples.jsonl", `${GOOD_LINE}\n`);
    const blocked = commit(repo.dir, "partially staged bad");
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain("fewshot/jsonl-syntax");
    // The unstaged good version is still in the working tree afterwards.
    expect(readFileSync(path.join(repo.dir, "prompts/examples.jsonl"), "utf8")).toBe(`${GOOD_LINE}\n`);
  });

  it("good staged + bad working tree passes, and the bad edit stays unstaged", () => {
    write(repo.dir, "prompts/examples.jsonl", `${GOOD_LINE}\n`);
    git(repo.dir, "add", "prompts/examples.jsonl");
    write(repo.dir, "prompts/examples.jsonl", `${BAD_LINE}\n`);
    const allowed = commit(repo.dir, "partially staged good");
    expect(allowed.status, allowed.stdout + allowed.stderr).toBe(0);
    expect(git(repo.dir, "show", "HEAD:prompts/examples.jsonl")).toBe(`${GOOD_LINE}\n`);
    expect(readFileSync(path.join(repo.dir, "prompts/examples.jsonl"), "utf8")).toBe(`${BAD_LINE}\n`);
  });

  it("--staged reads the index directly (for CI and hand-written hooks)", () => {
    write(repo.dir, "prompts/examples.jsonl", `${BAD_LINE}\n`);
    git(repo.dir, "add", "prompts/examples.jsonl");
    write(repo.dir, "prompts/examples.jsonl", `${GOOD_LINE}\n`);
    const staged = promptvet(["--staged", "--format", "json"], repo.dir);
    expect(staged.status).toBe(1);
    const [result] = JSON.parse(staged.stdout);
    expect(result.filePath).toBe(path.join(repo.dir, "prompts/examples.jsonl"));
    expect(result.messages[0]).toMatchObject({ ruleId: "fewshot/jsonl-syntax", line: 1, severity: 2 });

    const worktree = promptvet(["prompts/examples.jsonl", "--format", "json"], repo.dir);
    expect(worktree.status, worktree.stdout).toBe(0);
  });
});

describe("init without package.json", () => {
  it("writes a pre-commit framework entry", () => {
    const repo = makeRepo();
    try {
      const init = promptvet(["init"], repo.dir);
      expect(init.status).toBe(0);
      const entry = readFileSync(path.join(repo.dir, ".pre-commit-config.yaml"), "utf8");
      expect(entry).toContain("id: promptvet");
      const again = promptvet(["init"], repo.dir);
      expect(again.stdout).toContain("nothing changed");
    } finally {
      repo.cleanup();
    }
  });
});
