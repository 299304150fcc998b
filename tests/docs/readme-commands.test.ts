/**
 * Every command line the README shows is run here and does what the README says: the ```sh blocks, the
 * command synopsis, the commands quoted in the text and every option of the options table. A command line
 * added to the README without a case here fails the first test; a case whose command left the README fails it
 * too. Each case runs the CLI built from this checkout in a fresh temp git repository (the installed package
 * runs the same commands in tests/e2e/pack-install.test.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { lastUser, startFakeServer } from "../eval/fake-server.js";
import { LspClient } from "../lsp/client.js";
import { git, promptvet, PROMPTVET_BIN, run, type RunResult } from "../e2e/repo.js";
import { runAsync } from "../e2e/run-async.js";
import { codeBlocks, ROOT } from "./code-blocks.js";

/** The command lines of the README, each once, as written (synopsis lines without their description). */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const found = new Set<string>();
  for (const block of codeBlocks("README.md", readme)) {
    if (block.lang === "sh") {
      for (const line of block.text.split("\n")) {
        const command = line.replace(/\s+#.*$/, "").trim();
        if (command) found.add(command);
      }
    } else if (block.lang === "" && block.section === "Command line") {
      for (const line of block.text.split("\n")) if (line.startsWith("promptvet")) found.add(line.split(/ {2,}/)[0]!.trim());
    }
  }
  // Commands quoted in the text, and the options table's first column.
  for (const m of readme.matchAll(/`((?:npx )?promptvet [^`]+)`/g)) found.add(m[1]!);
  for (const row of readme.matchAll(/^\| (`-.*?) \|/gm)) {
    for (const m of row[1]!.matchAll(/`([^`]+)`/g)) found.add(`option ${m[1]!.replace(/\\\|/g, "|")}`);
  }
  return [...found];
}

/** Commands of the README this suite does not run, and why. */
const NOT_RUN: Record<string, string> = {
  "npm test": "it is this test suite",
  "npm run bench": "speed figures, not a behaviour (docs/performance.md)",
  "npm install --save-dev promptvet": "tests/e2e/pack-install.test.ts installs the packed tarball into a fresh project",
};

const CONFIG = 'files: ["prompts/**/*.md", "few-shot/**/*.jsonl"]\nmodel: gpt-5.4-mini\ntraffic: { callsPerDay: 1000 }\n';
const BASE = "# Support assistant\n\nYou are the support assistant of an online shop. Answer in English.\n\n## Tone\n\nBe friendly and brief.\n";
const FORK = "---\nextends: ./base.md\n---\n## Tone\n\nBe formal and brief.\n";
const EXAMPLES = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello! How can I help?"}]}\n';
const EMAIL_LINE = 'Example ticket from maria.lopez84@gmail.com: "My order never arrived."\n';

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), "promptvet-readme-"));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let repoCount = 0;
/**
 * A repository with a config, a base prompt, a fork of it and few-shot examples, committed on `main`, which
 * `origin/main` also points at (as after a clone); then `extra` files are written, uncommitted.
 */
function project(extra: Record<string, string> = {}): string {
  const dir = path.join(temp, `repo-${++repoCount}`);
  mkdirSync(dir, { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "dev@example.com");
  git(dir, "config", "user.name", "Dev");
  git(dir, "config", "commit.gpgsign", "false");
  const files: Record<string, string> = { "promptvet.config.yaml": CONFIG, "prompts/base.md": BASE, "prompts/fork.md": FORK, "few-shot/examples.jsonl": EXAMPLES };
  for (const [rel, text] of Object.entries(files)) write(dir, rel, text);
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "prompts");
  git(dir, "update-ref", "refs/remotes/origin/main", "HEAD");
  for (const [rel, text] of Object.entries(extra)) write(dir, rel, text);
  return dir;
}

function write(dir: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), "utf8");
const WITH_EMAIL = BASE.replace("## Tone", `${EMAIL_LINE}\n## Tone`);

/** Lint results (ESLint JSON) by path relative to the repository. */
function findings(dir: string, run: RunResult): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[]) {
    out[path.relative(dir, r.filePath).split(path.sep).join("/")] = r.messages.map((m) => m.ruleId);
  }
  return out;
}

async function withProvider<T>(fn: (config: string) => Promise<T>): Promise<T> {
  const server = await startFakeServer((req) => ({ kind: "answer", text: `Refunds: ${lastUser(req.body).slice(0, 30)}` }));
  try {
    return await fn(`${CONFIG}eval:\n  provider: { type: openai-compatible, baseUrl: "${server.url}/v1", model: local-model }\n  cache: false\n`);
  } finally {
    await server.close();
  }
}

const CASES_FILE = "cases:\n  - name: refunds\n    input: Can I get a refund?\n    assert:\n      - contains: Refunds\n";
const pv = (args: string[], dir: string, env: NodeJS.ProcessEnv = {}) => runAsync(process.execPath, [PROMPTVET_BIN, ...args], dir, env);

interface Case {
  commands: string[];
  run: () => void | Promise<void>;
}

const CASES: Case[] = [
  {
    commands: ["npm ci && node bin/promptvet.js examples/", "npm ci"],
    run: () => {
      // `npm ci` installs and builds: the build is the `prepare` script, which npm ci runs.
      const pkg = JSON.parse(read(ROOT, "package.json")) as { scripts: Record<string, string> };
      expect(pkg.scripts.prepare).toContain("scripts/build.mjs");
      const run = promptvet(["examples/"], ROOT);
      expect(run.status, run.stderr).toBe(1); // the examples hold deliberate findings
      expect(run.stdout).toMatch(/examples\/support-bot\//);
      expect(run.stdout).toMatch(/\d+ problems? \(\d+ errors?, \d+ warnings?\)/);
    },
  },
  {
    commands: ["promptvet [files, folders or globs...]"],
    run: () => {
      const dir = project({ "prompts/base.md": WITH_EMAIL });
      for (const args of [["prompts/base.md"], ["prompts"], ["prompts/*.md"], []]) {
        const run = promptvet(["--format", "json", ...args], dir);
        expect(run.status, `${args.join(" ")}: ${run.stderr}`).toBe(1);
        expect(findings(dir, run)["prompts/base.md"], args.join(" ")).toContain("pii/email");
      }
      // No arguments: the configured prompt files, the JSONL examples included.
      expect(Object.keys(findings(dir, promptvet(["--format", "json"], dir))).sort()).toEqual(["few-shot/examples.jsonl", "prompts/base.md", "prompts/fork.md"]);
    },
  },
  {
    commands: ["promptvet init", "npx promptvet init"],
    run: () => {
      // npx promptvet init runs the installed package in tests/e2e/pack-install.test.ts; here the README's promises.
      const dir = project({ "package.json": '{ "name": "prompts", "version": "1.0.0", "private": true }\n' });
      rmSync(path.join(dir, "promptvet.config.yaml"));
      const first = promptvet(["init"], dir);
      expect(first.status, first.stderr).toBe(0);
      const pkg = JSON.parse(read(dir, "package.json"));
      expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(["husky", "promptvet"]));
      expect(pkg.devDependencies["lint-staged"]).toBeUndefined();
      expect(read(dir, ".husky/pre-commit")).toMatch(/"\$promptvet_bin" hook --prefilter [0-9a-f]+/);
      // husky is not installed in this folder: init says what is missing instead of claiming a hook.
      expect(first.stdout).toContain("Next: run `npm install`");
      expect(existsSync(path.join(dir, "promptvet.config.yaml"))).toBe(true);
      const snapshot = ["package.json", ".husky/pre-commit", "promptvet.config.yaml"].map((f) => read(dir, f));
      expect(promptvet(["init"], dir).status).toBe(0);
      expect(["package.json", ".husky/pre-commit", "promptvet.config.yaml"].map((f) => read(dir, f))).toEqual(snapshot);
      // Without a package.json: a pre-commit framework entry.
      const plain = project();
      expect(promptvet(["init"], plain).status).toBe(0);
      expect(read(plain, ".pre-commit-config.yaml")).toMatch(/promptvet/);
    },
  },
  {
    commands: ["promptvet hook", "npx promptvet prompts/a.md"],
    run: () => {
      // What the hook runs: a fully staged prompt is fixed and staged again, and the passing commit gets the
      // README's one line, whose command then shows the warnings.
      const text = "---\nmodel: gpt-4-turbo-mega\n---\n# Support\n\nAnswer in English.\nAlways answer in English.\n\nBe brief. \n";
      const dir = project({ "prompts/a.md": text });
      git(dir, "add", "prompts/a.md");
      const run = promptvet(["hook"], dir);
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const line = "promptvet: 2 warnings, 1 fix applied in prompts/a.md — run `npx promptvet prompts/a.md` to see them";
      expect(readFileSync(path.join(ROOT, "README.md"), "utf8")).toContain(`\n${line}\n`);
      expect(run.stdout).toBe(`${line}\n`);
      expect(git(dir, "show", ":prompts/a.md")).toBe(text.replace("brief. ", "brief."));
      expect(git(dir, "diff", "--name-only")).toBe(""); // nothing left unstaged
      const shown = promptvet(["--format", "json", "prompts/a.md"], dir);
      expect(findings(dir, shown)["prompts/a.md"]).toEqual(["model/unknown", "contradiction/duplicate-instruction"]);
      // An error blocks with the full report.
      write(dir, "prompts/fork.md", FORK.replace("## Tone", `${EMAIL_LINE}\n## Tone`));
      git(dir, "add", "prompts/fork.md");
      const blocked = promptvet(["hook"], dir);
      expect(blocked.status).toBe(1);
      expect(blocked.stdout).toMatch(/prompts\/fork\.md\n[\s\S]*\d+:\d+\s+error[\s\S]*pii\/email/);
    },
  },
  {
    commands: ["promptvet --fix --only-matching"],
    run: () => {
      // The pre-commit framework's entry, with the names pre-commit passes: the README is not a prompt.
      const readme = "# Shop   \n\nWrite to maria.lopez84@gmail.com.\n";
      const dir = project({ "README.md": readme, "prompts/base.md": `${BASE}\nEnd.   \n` });
      const run = promptvet(["--fix", "--only-matching", "README.md", "prompts/base.md"], dir);
      expect(run.status, run.stdout).toBe(0);
      expect(read(dir, "README.md")).toBe(readme);
      expect(read(dir, "prompts/base.md")).toBe(`${BASE}\nEnd.\n`);
    },
  },
  {
    commands: ["promptvet notes/"],
    run: () => {
      // A named folder: every file of a prompt format in it, though no glob matches notes/.
      const dir = project({ "notes/ticket.md": EMAIL_LINE, "notes/cases.jsonl": EXAMPLES, "notes/build.sh": "echo hi\n", "README.md": EMAIL_LINE });
      const run = promptvet(["--format", "json", "notes/"], dir);
      expect(run.status).toBe(1);
      expect(findings(dir, run)).toEqual({ "notes/cases.jsonl": [], "notes/ticket.md": ["pii/email"] });
      // The project's own folder keeps to the globs: the README and notes/ are not prompts there.
      expect(Object.keys(findings(dir, promptvet(["--format", "json", "."], dir))).sort()).toEqual(["few-shot/examples.jsonl", "prompts/base.md", "prompts/fork.md"]);
    },
  },
  {
    commands: ["promptvet rules"],
    run: () => {
      const run = promptvet(["rules"], project());
      expect(run.status).toBe(0);
      for (const rule of builtinRules) expect(run.stdout).toContain(rule.meta.id);
    },
  },
  {
    commands: ["promptvet explain <rule-id>", "promptvet explain budget/max-tokens"],
    run: () => {
      for (const id of ["pii/email", "budget/max-tokens"]) {
        const run = promptvet(["explain", id], project());
        expect(run.status).toBe(0);
        expect(run.stdout).toContain(`# ${id}`);
        expect(run.stdout).toContain("## Options");
      }
      const unknown = promptvet(["explain", "pii/emial"], project());
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain('did you mean pii/email');
    },
  },
  {
    commands: ["promptvet tokens [files] [--format table|json]", "promptvet tokens [files]"],
    run: () => {
      const dir = project();
      const table = promptvet(["tokens", "prompts/base.md"], dir);
      expect(table.status, table.stderr).toBe(0);
      expect(table.stdout).toMatch(/^file\s+model\s+encoding\s+by role\s+total\s+Δ base\s+\$\/call\s+\$\/month/);
      expect(table.stdout).toMatch(/prompts\/base\.md\s+gpt-5\.4-mini\s+o200k_base/);
      const json = promptvet(["tokens", "--format", "json"], dir);
      expect(json.status).toBe(0);
      const rows = JSON.parse(json.stdout) as { file: string; stats: { total: number; costPerMonth: number } }[];
      expect(rows.map((r) => r.file).sort()).toEqual(["few-shot/examples.jsonl", "prompts/base.md", "prompts/fork.md"]);
      for (const r of rows) expect(r.stats.costPerMonth).toBeGreaterThan(0);
    },
  },
  {
    commands: ["promptvet forks [--format table|json|markdown]", "promptvet forks"],
    run: () => {
      const dir = project();
      const table = promptvet(["forks"], dir);
      expect(table.status, table.stderr).toBe(0);
      expect(table.stdout).toMatch(/prompts\/base\.md[\s\S]*prompts\/fork\.md\s+extends/);
      const json = JSON.parse(promptvet(["forks", "--format", "json"], dir).stdout);
      expect(json.bases[0]).toMatchObject({ base: "prompts/base.md", forks: [{ fork: "prompts/fork.md", kind: "extends", sections: { overridden: ["Tone"] } }] });
      expect(promptvet(["forks", "--format", "markdown"], dir).stdout).toMatch(/^## Prompt forks/m);
    },
  },
  {
    commands: ["promptvet eval [files]", "promptvet eval", "promptvet --eval", "option --eval", "option --require-eval"],
    run: async () => {
      // Without a provider the eval is skipped and says so; --require-eval makes that an error.
      const bare = project();
      const skipped = await pv(["eval"], bare);
      expect(skipped.status).toBe(0);
      expect(skipped.stderr).toContain("smoke eval skipped: no provider configured");
      const required = await pv(["--require-eval", "prompts/base.md"], bare);
      expect(required.status).toBe(2);
      await withProvider(async (config) => {
        const dir = project({ "promptvet.config.yaml": config, "prompts/base.md.cases.yaml": CASES_FILE });
        const evaluated = await pv(["eval", "prompts/base.md"], dir);
        expect(evaluated.status, evaluated.stderr).toBe(0);
        expect(evaluated.stderr).toMatch(/1 case: 1 passed, 0 failed/);
        const withLint = await pv(["--eval", "--format", "json", "prompts/base.md"], dir);
        expect(withLint.status, withLint.stderr).toBe(0);
        expect(withLint.stderr).toMatch(/1 case: 1 passed, 0 failed/);
        expect(JSON.parse(withLint.stdout)).toHaveLength(1);
      });
    },
  },
  {
    commands: ["promptvet lsp [--stdio]", "promptvet lsp"],
    run: async () => {
      const dir = project();
      const client = LspClient.start(dir);
      try {
        const init = await client.initialize([dir]);
        expect(init.capabilities.hoverProvider).toBe(true);
        const diagnostics = await client.open(path.join(dir, "prompts", "base.md"), WITH_EMAIL);
        expect(diagnostics.map((d) => d.code)).toContain("pii/email");
      } finally {
        expect(await client.stop()).toBe(0);
      }
    },
  },
  {
    commands: ["option --update-baselines"],
    run: async () => {
      await withProvider(async (config) => {
        const dir = project({ "promptvet.config.yaml": config, "prompts/base.md.cases.yaml": CASES_FILE });
        git(dir, "add", "-A");
        git(dir, "commit", "-q", "-m", "cases");
        write(dir, "prompts/base.md", BASE.replace("brief", "very brief"));
        const run = await pv(["eval", "--update-baselines", "prompts/base.md"], dir);
        expect(run.status, run.stderr).toBe(0);
        expect(existsSync(path.join(dir, ".promptvet", "baselines", "prompts", "base.md.json"))).toBe(true);
      });
    },
  },
  {
    commands: ["promptvet --changed-since origin/main -f github -f markdown:$GITHUB_STEP_SUMMARY -f sarif:promptvet.sarif", "promptvet --changed-since origin/main", "option --changed-since <ref>"],
    run: () => {
      const dir = project();
      git(dir, "checkout", "-q", "-b", "feature");
      write(dir, "prompts/base.md", WITH_EMAIL);
      git(dir, "commit", "-q", "-am", "add a ticket");
      const summary = path.join(dir, "step-summary.md");
      const run = promptvet(["--changed-since", "origin/main", "-f", "github", "-f", `markdown:${summary}`, "-f", "sarif:promptvet.sarif"], dir, { GITHUB_STEP_SUMMARY: summary });
      expect(run.status, run.stderr).toBe(1);
      // Annotations on stdout; the changed base and the fork composed from it are linted.
      expect(run.stdout).toMatch(/^::error file=prompts\/base\.md,line=5,.*pii\/email/m);
      expect(run.stdout).toMatch(/^::notice file=prompts\/fork\.md,.*prompts\/base\.md, which changed/m);
      expect(run.stdout).not.toContain("maria.lopez84@gmail.com");
      expect(read(dir, "step-summary.md")).toMatch(/^## promptvet/m);
      const sarif = JSON.parse(read(dir, "promptvet.sarif"));
      expect(sarif.version).toBe("2.1.0");
      expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain("pii/email");
      // The few-shot file did not change: not linted.
      expect(run.stdout).not.toContain("examples.jsonl");
    },
  },
  {
    commands: ["option --staged"],
    run: () => {
      const dir = project();
      write(dir, "prompts/base.md", WITH_EMAIL);
      git(dir, "add", "prompts/base.md");
      write(dir, "prompts/base.md", BASE); // the working tree is clean again; the index is not
      const run = promptvet(["--staged", "--format", "json"], dir);
      expect(run.status, run.stderr).toBe(1);
      expect(findings(dir, run)["prompts/base.md"]).toContain("pii/email");
    },
  },
  {
    commands: ["promptvet --fix", "option --fix"],
    run: () => {
      const dir = project({ "prompts/base.md": BASE.replace("Be friendly and brief.", "Be friendly and brief.\u200b \t") });
      expect(promptvet(["prompts/base.md"], dir).status).toBe(1);
      expect(read(dir, "prompts/base.md")).toContain("\u200b"); // nothing is written without --fix
      const run = promptvet(["--fix", "prompts/base.md"], dir);
      expect(run.status, run.stdout).toBe(0);
      expect(read(dir, "prompts/base.md")).toBe(BASE);
    },
  },
  {
    commands: ["promptvet --fix --fix-suggestions pii", "option --fix-suggestions <rule or category>"],
    run: () => {
      const dir = project({ "prompts/base.md": WITH_EMAIL });
      expect(promptvet(["--fix", "prompts/base.md"], dir).status).toBe(1); // a redaction is a suggestion only
      expect(read(dir, "prompts/base.md")).toContain("maria.lopez84@gmail.com");
      const run = promptvet(["--fix", "--fix-suggestions", "pii", "prompts/base.md"], dir);
      expect(run.status, run.stdout).toBe(0);
      expect(read(dir, "prompts/base.md")).not.toContain("maria.lopez84@gmail.com");
      expect(read(dir, "prompts/base.md")).toMatch(/Example ticket from \S+@example\.com/);
    },
  },
  {
    commands: ["option -f, --format <name[:file]>", "option -o, --output-file <file>"],
    run: () => {
      const dir = project({ "prompts/base.md": WITH_EMAIL });
      const expectations: Record<string, RegExp> = {
        stylish: /prompts\/base\.md\n\s+5:21\s+error\s+Unexpected email address/,
        json: /^\[\{"filePath":/,
        sarif: /"version": ?"2\.1\.0"/,
        github: /^::error file=prompts\/base\.md,line=5,col=21/m,
        markdown: /^## promptvet/m,
        junit: /^<\?xml[\s\S]*<testsuites/,
        compact: /^prompts\/base\.md:5:21: error pii\/email Unexpected email address/m,
      };
      for (const [format, pattern] of Object.entries(expectations)) {
        const run = promptvet(["-f", format, "prompts/base.md"], dir);
        expect(run.status, `${format}: ${run.stderr}`).toBe(1);
        expect(run.stdout, format).toMatch(pattern);
        expect(run.stdout, format).not.toContain("maria.lopez84@gmail.com");
      }
      // Repeatable, with files; -o takes the first format without a file.
      const run = promptvet(["--format", "json:out/report.json", "-f", "compact", "-o", "out/compact.txt", "prompts/base.md"], dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(JSON.parse(read(dir, "out/report.json"))[0].messages[0].ruleId).toBe("pii/email");
      expect(read(dir, "out/compact.txt")).toMatch(expectations.compact!);
    },
  },
  {
    commands: ["option --max-warnings <n>"],
    run: () => {
      const dir = project({ "prompts/base.md": BASE.replace("brief.", "brief.\t") });
      expect(promptvet(["prompts/base.md"], dir).status).toBe(0); // one warning
      expect(promptvet(["--max-warnings", "1", "prompts/base.md"], dir).status).toBe(0);
      expect(promptvet(["--max-warnings", "0", "prompts/base.md"], dir).status).toBe(1);
    },
  },
  {
    commands: ["option -c, --config <path>"],
    run: () => {
      const dir = project({ "prompts/base.md": WITH_EMAIL, "other/strict-off.yaml": "rules:\n  pii/email: off\n" });
      expect(promptvet(["prompts/base.md"], dir).status).toBe(1);
      for (const flag of ["-c", "--config"]) {
        const run = promptvet([flag, "other/strict-off.yaml", "--format", "json", "prompts/base.md"], dir);
        expect(run.status, run.stderr).toBe(0);
        expect(findings(dir, run)["prompts/base.md"]).not.toContain("pii/email");
      }
    },
  },
  {
    commands: ["option --quiet"],
    run: () => {
      const dir = project({ "prompts/base.md": WITH_EMAIL.replace("brief.", "brief.\t") });
      const all = findings(dir, promptvet(["--format", "json", "prompts/base.md"], dir))["prompts/base.md"];
      expect(all).toEqual(expect.arrayContaining(["pii/email", "hygiene/trailing-whitespace"]));
      const quiet = promptvet(["--quiet", "--format", "json", "prompts/base.md"], dir);
      expect(findings(dir, quiet)["prompts/base.md"]).toEqual(["pii/email"]);
    },
  },
  {
    commands: ["option --no-color"],
    run: () => {
      const dir = project({ "prompts/base.md": WITH_EMAIL });
      const ansi = new RegExp(String.fromCharCode(27) + "\\[");
      expect(promptvet(["--color", "prompts/base.md"], dir).stdout).toMatch(ansi);
      expect(promptvet(["--color", "--no-color", "prompts/base.md"], dir).stdout).not.toMatch(ansi);
      // On a terminal (a pseudo-terminal from util-linux `script`), colour is the default; --no-color and NO_COLOR turn it off.
      if (process.platform !== "linux" || run("script", ["--version"], dir).status !== 0) return;
      const onTerminal = (args: string, env: NodeJS.ProcessEnv) =>
        run("script", ["-qec", `"${process.execPath}" "${PROMPTVET_BIN}" ${args} prompts/base.md`, "/dev/null"], dir, { FORCE_COLOR: undefined, ...env }).stdout;
      expect(onTerminal("", { NO_COLOR: undefined })).toMatch(ansi);
      expect(onTerminal("--no-color", { NO_COLOR: undefined })).not.toMatch(ansi);
      expect(onTerminal("", { NO_COLOR: "1" })).not.toMatch(ansi);
    },
  },
  {
    commands: ["option --only-matching"],
    run: () => {
      const dir = project({ "notes/todo.md": EMAIL_LINE, "prompts/base.md": WITH_EMAIL });
      const named = promptvet(["--format", "json", "notes/todo.md", "prompts/base.md"], dir);
      expect(Object.keys(findings(dir, named)).sort()).toEqual(["notes/todo.md", "prompts/base.md"]);
      const only = promptvet(["--only-matching", "--format", "json", "notes/todo.md", "prompts/base.md"], dir);
      expect(Object.keys(findings(dir, only))).toEqual(["prompts/base.md"]);
    },
  },
  {
    commands: ["option --with-dependents"],
    run: () => {
      const dir = project();
      expect(Object.keys(findings(dir, promptvet(["--format", "json", "prompts/base.md"], dir)))).toEqual(["prompts/base.md"]);
      const run = promptvet(["--with-dependents", "--format", "json", "prompts/base.md"], dir);
      expect(Object.keys(findings(dir, run)).sort()).toEqual(["prompts/base.md", "prompts/fork.md"]);
    },
  },
  {
    commands: ["option --no-cache", "option --cache-location <file>"],
    run: () => {
      const dir = project();
      expect(promptvet(["prompts/base.md"], dir).status).toBe(0);
      expect(existsSync(path.join(dir, ".git", "promptvet", "results.json"))).toBe(true);
      const other = project();
      expect(promptvet(["--no-cache", "prompts/base.md"], other).status).toBe(0);
      expect(existsSync(path.join(other, ".git", "promptvet"))).toBe(false);
      expect(promptvet(["--cache-location", "cache/results.json", "prompts/base.md"], other).status).toBe(0);
      expect(JSON.parse(read(other, "cache/results.json"))).toBeTypeOf("object");
    },
  },
  {
    commands: ["option --concurrency <n|auto|off>"],
    run: () => {
      const dir = project({ "prompts/base.md": WITH_EMAIL });
      const outputs = ["2", "auto", "off"].map((n) => {
        const run = promptvet(["--concurrency", n, "--no-cache", "--format", "json"], dir);
        expect(run.status, `${n}: ${run.stderr}`).toBe(1);
        return run.stdout;
      });
      expect(new Set(outputs).size).toBe(1);
      expect(promptvet(["--concurrency", "many"], dir).status).toBe(2);
    },
  },
];

describe("the README's command lines", () => {
  const commands = readmeCommands();

  it("each has a case here, and each case's command is in the README", () => {
    const covered = new Set([...CASES.flatMap((c) => c.commands), ...Object.keys(NOT_RUN)]);
    expect(commands.filter((c) => !covered.has(c)), "README command lines without a test").toEqual([]);
    expect([...covered].filter((c) => !commands.includes(c)), "cases for commands the README no longer shows").toEqual([]);
    expect(commands.length).toBeGreaterThan(30);
  });

  it.each(CASES.map((c) => [c.commands.join(" | "), c] as const))("%s", async (_name, c) => {
    await c.run();
  }, 120_000);
});
