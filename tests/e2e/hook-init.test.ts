/**
 * `promptvet init` in the projects people really have, each followed by real `git commit`s through the real
 * husky hook: it never says a hook is active that git will not run, and the hook it writes checks the
 * prompt files that are committed, whatever else the project's hook or lint-staged does.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { git, installTooling, makeRepo, PROJECT_ROOT, promptvet, PROMPTVET_BIN, run, write } from "./repo.js";

const ZWSP = "\u200b";
const LEAKY = `# Support\n\nAnswer the customer.${ZWSP} Escalate to maria.lopez84@gmail.com.\n`;
const CLEAN = "# Support\n\nAnswer the customer in English, briefly and politely.\n";
const BAD_JSONL = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]\n';

const repos: { cleanup: () => void }[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function newProject(options: { lintStaged?: boolean; pkg?: Record<string, unknown> } = {}) {
  const repo = makeRepo();
  repos.push(repo);
  installTooling(repo.dir, { lintStaged: options.lintStaged });
  write(repo.dir, "package.json", `${JSON.stringify({ name: "support-bot", version: "1.0.0", private: true, ...options.pkg }, null, 2)}\n`);
  return repo.dir;
}

function commit(dir: string, message: string) {
  const result = run("git", ["commit", "-m", message], dir);
  return { ...result, output: result.stdout + result.stderr };
}

function commitAll(dir: string, message: string) {
  git(dir, "add", "-A");
  return commit(dir, message);
}

function commitCount(dir: string): number {
  return Number(git(dir, "rev-list", "--count", "HEAD").trim());
}

describe("promptvet init", () => {
  it("husky without lint-staged: the hook is active and blocks a leaky prompt", () => {
    const dir = newProject({ lintStaged: false });
    const init = promptvet(["init"], dir);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain("The pre-commit hook is active");
    expect(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).devDependencies["lint-staged"]).toBeUndefined();
    expect(commitAll(dir, "set up").status).toBe(0);

    write(dir, "prompts/support.md", LEAKY);
    git(dir, "add", "prompts/support.md");
    const blocked = commit(dir, "add prompt");
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toMatch(/prompts\/support\.md[\s\S]*error[\s\S]*pii\/email/);
    expect(blocked.output).not.toContain("lint-staged");
    expect(blocked.output).not.toContain("maria.lopez84");
    expect(commitCount(dir)).toBe(1);

    // A commit of code alone never starts promptvet: it passes and prints nothing of promptvet's.
    git(dir, "reset", "-q");
    write(dir, "src/app.js", "export const answer = 42;\n");
    git(dir, "add", "src/app.js");
    const code = commit(dir, "code only");
    expect(code.status, code.output).toBe(0);
    expect(code.output).not.toContain("promptvet");
  });

  it("without husky installed it does not claim an active hook", () => {
    const repo = makeRepo();
    repos.push(repo);
    write(repo.dir, "package.json", `${JSON.stringify({ name: "fresh", version: "1.0.0" }, null, 2)}\n`);
    const init = promptvet(["init"], repo.dir);
    expect(init.status).toBe(0);
    expect(init.stdout).not.toContain("active:");
    expect(init.stdout).toContain("Next: run `npm install`");
    expect(init.stdout).toContain("commits are not checked");
  });

  it.each([
    ["lint-staged.config.cjs", 'module.exports = { "*.js": "node -e 0" };\n'],
    [".lintstagedrc.json", '{ "*.js": "node -e 0" }\n'],
    [".lintstagedrc.yaml", '"*.js": node -e 0\n'],
    ["lint-staged.config.mjs", 'export default { "*.js": "node -e 0" };\n'],
  ])("lint-staged configured in %s: promptvet runs after it and blocks the leaky prompt", (file, config) => {
    const dir = newProject();
    write(dir, file, config);
    write(dir, ".husky/pre-commit", "lint-staged\n");
    const init = promptvet(["init"], dir);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain("The pre-commit hook is active");
    expect(init.stdout).toContain("promptvet runs after lint-staged");
    const hook = readFileSync(path.join(dir, ".husky/pre-commit"), "utf8");
    expect(hook.indexOf("lint-staged")).toBeLessThan(hook.indexOf("# >>> promptvet"));
    expect(readFileSync(path.join(dir, file), "utf8")).toBe(config); // not rewritten
    expect(commitAll(dir, "set up").status).toBe(0);

    write(dir, "prompts/support.md", LEAKY);
    write(dir, "src/app.js", "export const answer = 42;\n");
    const blocked = commitAll(dir, "prompt and code");
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain("pii/email");
    expect(commitCount(dir)).toBe(1);
  });

  it("a lint-staged config that still runs promptvet is named, and package.json's old entry is removed", () => {
    const dir = newProject({ pkg: { "lint-staged": { "*": "promptvet --fix --only-matching --with-dependents", "*.js": "node -e 0" } } });
    write(dir, "lint-staged.config.cjs", 'module.exports = { "*.md": "promptvet --fix" };\n');
    const init = promptvet(["init"], dir);
    expect(init.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"))["lint-staged"]).toEqual({ "*.js": "node -e 0" });
    expect(init.stdout).toContain("lint-staged.config.cjs runs promptvet through lint-staged: remove that entry");
  });

  it("upgrading from the lint-staged set-up an earlier init wrote: its entry and hook line go, commits still pass", () => {
    const dir = newProject({ pkg: { "lint-staged": { "*": "promptvet --fix --only-matching --with-dependents" } } });
    write(dir, ".husky/pre-commit", "lint-staged\n");
    const init = promptvet(["init"], dir);
    expect(init.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"))["lint-staged"]).toBeUndefined();
    expect(readFileSync(path.join(dir, ".husky/pre-commit"), "utf8")).not.toMatch(/^lint-staged$/m);
    expect(commitAll(dir, "set up").status).toBe(0);
    write(dir, "src/app.js", "export {};\n");
    const code = commitAll(dir, "code");
    expect(code.status, code.output).toBe(0);
    write(dir, "prompts/support.md", LEAKY);
    expect(commitAll(dir, "leaky").status).not.toBe(0);
  });

  it('next to "*.md": a formatter, promptvet checks and fixes what the formatter staged, and says what it fixed', () => {
    // A formatter in the place of prettier --write: it rewrites every staged Markdown file.
    const dir = newProject({ pkg: { "lint-staged": { "*.md": "node format-md.cjs" } } });
    write(dir, "format-md.cjs", 'const fs = require("fs");\nfor (const f of process.argv.slice(2)) fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace(/^#(?=\\S)/gm, "# "));\n');
    write(dir, ".husky/pre-commit", "lint-staged\n");
    expect(promptvet(["init"], dir).status).toBe(0);
    expect(commitAll(dir, "set up").status).toBe(0);

    write(dir, "prompts/support.md", `#Support\n\nAnswer the customer.   \n`);
    git(dir, "add", "prompts/support.md");
    const passed = commit(dir, "add prompt");
    expect(passed.status, passed.output).toBe(0);
    // Both edits are in the commit: the formatter's heading and promptvet's fix of the trailing spaces.
    expect(git(dir, "show", "HEAD:prompts/support.md")).toBe("# Support\n\nAnswer the customer.\n");
    expect(passed.output).toContain("promptvet: 1 fix applied in prompts/support.md (staged with this commit)");
    expect(passed.output).not.toMatch(/✖|problem/);
    expect(git(dir, "status", "--porcelain")).toBe("");

    // A zero-width space is an error: the formatter's run does not let it through.
    write(dir, "prompts/support.md", LEAKY);
    git(dir, "add", "prompts/support.md");
    const blocked = commit(dir, "leaky");
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain("pii/email");
  });

  it("in a monorepo package below the git root, from a folder inside it", () => {
    const repo = makeRepo();
    repos.push(repo);
    const app = path.join(repo.dir, "apps", "support");
    installTooling(app, { lintStaged: false });
    write(app, "package.json", `${JSON.stringify({ name: "support", version: "1.0.0" }, null, 2)}\n`);
    write(app, "src/index.js", "export {};\n");
    const init = promptvet(["init"], path.join(app, "src"));
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).not.toContain("No package.json");
    expect(init.stdout).toContain("The pre-commit hook is active");
    expect(JSON.parse(readFileSync(path.join(app, "package.json"), "utf8")).scripts.prepare).toBe("cd ../.. && husky apps/support/.husky");
    expect(existsSync(path.join(app, "promptvet.config.yaml"))).toBe(true);
    expect(existsSync(path.join(repo.dir, ".pre-commit-config.yaml"))).toBe(false);
    expect(commitAll(repo.dir, "set up").status).toBe(0);

    write(app, "prompts/examples.jsonl", BAD_JSONL);
    const blocked = commitAll(repo.dir, "bad examples");
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain("fewshot/jsonl-syntax");

    git(repo.dir, "reset", "-q");
    write(repo.dir, "tools/build.js", "export {};\n");
    git(repo.dir, "add", "tools/build.js");
    const code = commit(repo.dir, "code elsewhere");
    expect(code.status, code.output).toBe(0);
  });

  it("the pre-commit framework path: no package.json in the repository", () => {
    const repo = makeRepo();
    repos.push(repo);
    const init = promptvet(["init"], repo.dir);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain("Run `pre-commit install` to activate the hook");
    expect(init.stdout).not.toContain("is active");
    expect(readFileSync(path.join(repo.dir, ".pre-commit-config.yaml"), "utf8")).toContain("id: promptvet");
  });
});

describe("the pre-commit framework hook (.pre-commit-hooks.yaml)", () => {
  const [hook] = parseYaml(readFileSync(path.join(PROJECT_ROOT, ".pre-commit-hooks.yaml"), "utf8")) as { entry: string; files: string }[];
  const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;
  if (!hasPreCommit) console.warn("[promptvet] `pre-commit` is not on PATH: the real commit through the pre-commit framework is skipped; the hook entry is still run as pre-commit calls it");

  function projectWithDocs() {
    const repo = makeRepo();
    repos.push(repo);
    const readme = "# Support bot   \n\nContact maria.lopez84@gmail.com for access.\n";
    write(repo.dir, "README.md", readme);
    write(repo.dir, "docs/guide.md", readme);
    write(repo.dir, "prompts/support.md", "# Support\n\nAnswer the customer.   \n");
    return { dir: repo.dir, readme };
  }

  it("its entry lints only the prompt files of the names pre-commit passes, and fixes nothing else", () => {
    const { dir, readme } = projectWithDocs();
    // pre-commit runs the entry with the staged paths its `files` pattern matches.
    const names = ["README.md", "docs/guide.md", "prompts/support.md"].filter((f) => new RegExp(hook!.files).test(f));
    expect(names).toHaveLength(3);
    const [command, ...args] = hook!.entry.split(" ");
    expect(command).toBe("promptvet");
    const result = promptvet([...args, ...names], dir);
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout).not.toContain("README");
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toBe(readme);
    expect(readFileSync(path.join(dir, "docs/guide.md"), "utf8")).toBe(readme);
    expect(readFileSync(path.join(dir, "prompts/support.md"), "utf8")).toBe("# Support\n\nAnswer the customer.\n");
  });

  it.skipIf(!hasPreCommit)("a real commit through pre-commit leaves README and docs alone (needs `pre-commit` on PATH)", () => {
    const { dir, readme } = projectWithDocs();
    const local = `repos:\n  - repo: local\n    hooks:\n      - id: promptvet\n        name: promptvet\n        entry: ${process.execPath} ${PROMPTVET_BIN} ${hook!.entry.split(" ").slice(1).join(" ")}\n        language: system\n        files: '${hook!.files}'\n        require_serial: true\n`;
    write(dir, ".pre-commit-config.yaml", local);
    expect(run("pre-commit", ["install"], dir).status).toBe(0);
    git(dir, "add", "-A");
    const first = run("git", ["commit", "-m", "docs and prompt"], dir);
    // pre-commit fails a commit whose files a hook modified: the fixed prompt is staged again by hand.
    expect(first.status).not.toBe(0);
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toBe(readme);
    git(dir, "add", "-A");
    const second = run("git", ["commit", "-m", "docs and prompt"], dir);
    expect(second.status, second.stdout + second.stderr).toBe(0);
    expect(git(dir, "show", "HEAD:README.md")).toBe(readme);
  });
});

describe("promptvet hook", () => {
  function initialised(): string {
    const dir = newProject({ lintStaged: false });
    expect(promptvet(["init"], dir).status).toBe(0);
    expect(commitAll(dir, "set up").status).toBe(0);
    return dir;
  }

  it("a passing commit with a warning prints one line, not the report", () => {
    const dir = initialised();
    write(dir, "prompts/support.md", `---\nmodel: gpt-4-turbo-mega\n---\n${CLEAN}`);
    git(dir, "add", "prompts/support.md");
    const passed = commit(dir, "add prompt");
    expect(passed.status, passed.output).toBe(0);
    const lines = passed.output.split("\n").filter((l) => l.includes("promptvet"));
    expect(lines).toEqual(["promptvet: 1 warning in prompts/support.md — run `npx promptvet prompts/support.md` to see them"]);
    expect(passed.output).not.toContain("model/unknown");
  });

  it("a clean commit prints nothing of promptvet's", () => {
    const dir = initialised();
    write(dir, "prompts/support.md", CLEAN);
    git(dir, "add", "prompts/support.md");
    const passed = commit(dir, "add prompt");
    expect(passed.status, passed.output).toBe(0);
    expect(passed.output).not.toContain("promptvet");
  });

  it("git commit -a: the fix is part of the commit", () => {
    const dir = initialised();
    write(dir, "prompts/support.md", CLEAN);
    expect(commitAll(dir, "add prompt").status).toBe(0);
    write(dir, "prompts/support.md", `${CLEAN}\nKeep it short. \n`);
    const passed = run("git", ["commit", "-a", "-m", "edit"], dir);
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
    expect(git(dir, "show", "HEAD:prompts/support.md")).toBe(`${CLEAN}\nKeep it short.\n`);
    expect(git(dir, "status", "--porcelain")).toBe("");
  });

  it("a partially staged file is linted as staged and not fixed; the unstaged edit stays", () => {
    const dir = initialised();
    write(dir, "prompts/support.md", "# Support\n\nAnswer the customer.   \n");
    git(dir, "add", "prompts/support.md");
    const worktree = "# Support\n\nAnswer the customer.   \n\nA new paragraph, not staged.\n";
    write(dir, "prompts/support.md", worktree);
    const passed = commit(dir, "partial");
    expect(passed.status, passed.output).toBe(0);
    expect(passed.output).toContain("promptvet: 1 fixable problem in prompts/support.md not fixed: the file has unstaged changes");
    expect(git(dir, "show", "HEAD:prompts/support.md")).toBe("# Support\n\nAnswer the customer.   \n");
    expect(readFileSync(path.join(dir, "prompts/support.md"), "utf8")).toBe(worktree);
  });

  it("a staged deletion of a base reports on the prompts composed from it", () => {
    const dir = initialised();
    write(dir, "prompts/base.md", CLEAN);
    write(dir, "prompts/fork.md", "---\nextends: ./base.md\n---\n## Tone\n\nBe formal.\n");
    expect(commitAll(dir, "base and fork").status).toBe(0);
    git(dir, "rm", "-q", "prompts/base.md");
    const blocked = commit(dir, "drop the base");
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toMatch(/prompts\/fork\.md[\s\S]*error[\s\S]*base\.md/);
  });

  it("fails when the prompt globs changed since init wrote the hook, and passes once init ran again", () => {
    const dir = initialised();
    write(dir, "promptvet.config.yaml", 'files: ["agents/**/*.md"]\n');
    git(dir, "add", "promptvet.config.yaml");
    const stale = commit(dir, "new globs");
    expect(stale.status).not.toBe(0);
    expect(stale.output).toContain("Run `npx promptvet init` to update the hook");
    const init = promptvet(["init"], dir);
    expect(init.stdout).toContain(".husky/pre-commit");
    expect(readFileSync(path.join(dir, ".husky/pre-commit"), "utf8")).toContain("'agents/'*'.md'");
    expect(commitAll(dir, "new globs").status).toBe(0);

    write(dir, "agents/support.md", LEAKY);
    expect(commitAll(dir, "leaky agent").status).not.toBe(0);
  });
});
