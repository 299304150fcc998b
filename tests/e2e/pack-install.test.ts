/**
 * The installed-package path: pack promptvet as it would be published, install the tarball into a fresh
 * project made by `npm init -y` (a CommonJS package), and run every command there, as a user would: `init`
 * and a commit through the real hook, `rules`, `explain`, `tokens`, `forks`, every formatter, `lsp`, `eval`
 * against a local provider, and the README's custom rule in the CommonJS project and in an ES module package inside it
 * (`"type": "module"`), which resolves the same installed copy. One pack and one install serve every case.
 * No run may fail to find a module: an installed copy has only `dependencies` and what is bundled.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULE_DOCS_BASE_URL } from "../../rules/docs.js";
import { exerciseCustomRulesExample } from "../docs/custom-rules-example.js";
import { customRuleAsCommonJs, customRuleExample } from "../docs/readme-examples.js";
import { lastUser, startFakeServer } from "../eval/fake-server.js";
import { LspClient } from "../lsp/client.js";
import { git, PROJECT_ROOT, run, write, type RunResult } from "./repo.js";
import { runAsync } from "./run-async.js";

const BAD = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]\n';
const GOOD = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}\n';
const BASE = "# Support assistant\n\nYou are the support assistant of an online shop. Answer in English.\n\n## Tone\n\nBe friendly and brief.\n";
const FORK = "---\nextends: ./base.md\n---\n## Tone\n\nBe formal, and use the customer's name in every answer you give.\n";
const LEAKY = 'Example ticket from maria.lopez84@gmail.com: "My order never arrived."\n';

/** A run of the installed CLI; fails the test at once on a module the installed copy lacks. */
function checked(result: RunResult, what: string): RunResult {
  expect(result.stdout + result.stderr, what).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND|internal error/);
  return result;
}

describe("packed package installed into a fresh project", () => {
  let temp: string;
  let tarball: string;
  let shipped: string[];
  /** The `npm init -y` project (CommonJS), a git repository. */
  let project: string;
  /** An ES module package inside it (`"type": "module"`), resolving the same node_modules. */
  let esm: string;

  const promptvet = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
    checked(run(path.join(project, "node_modules", ".bin", "promptvet"), args, cwd, env), `promptvet ${args.join(" ")}`);
  const promptvetAsync = async (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
    checked(await runAsync(path.join(project, "node_modules", ".bin", "promptvet"), args, cwd, env), `promptvet ${args.join(" ")}`);

  beforeAll(() => {
    temp = mkdtempSync(path.join(os.tmpdir(), "promptvet-installed-"));
    const packDir = path.join(temp, "pack");
    mkdirSync(packDir);
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", packDir, "--ignore-scripts"], { cwd: PROJECT_ROOT, encoding: "utf8" });
    const info = JSON.parse(out)[0] as { filename: string; files: { path: string }[] };
    tarball = path.join(packDir, info.filename);
    shipped = info.files.map((f) => f.path);

    project = path.join(temp, "prompts-project");
    mkdirSync(project);
    git(project, "init", "-q", "-b", "main");
    git(project, "config", "user.email", "dev@example.com");
    git(project, "config", "user.name", "Dev");
    git(project, "config", "commit.gpgsign", "false");
    const init = run("npm", ["init", "-y"], project);
    if (init.status !== 0) throw new Error(`npm init -y failed:\n${init.stderr}`);
    const install = run("npm", ["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", tarball, "husky@9"], project);
    if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
    esm = path.join(project, "esm");
    write(esm, "package.json", `${JSON.stringify({ name: "esm-prompts", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`);
  }, 240_000);

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it("ships what the package needs, its licence and where it comes from, and nothing else", () => {
    for (const file of ["bin/promptvet.js", "dist/cli.cjs", "dist/index.js", "dist/rule-tester.js", "dist/types/rule-tester/index.d.ts", "dist/tokenizers/o200k_base.bin", "dist/types/index.d.ts", "schema/promptvet.schema.json", "rules/pii/email.md", "LICENSE", "README.md"]) {
      expect(shipped).toContain(file);
    }
    expect(shipped.some((p) => p.startsWith("tests/") || p.startsWith("src/") || p.startsWith("node_modules/"))).toBe(false);
    const pkg = JSON.parse(readFileSync(path.join(project, "node_modules", "promptvet", "package.json"), "utf8"));
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(path.join(project, "node_modules", "promptvet", "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
    // The repository the package names is the one its rule documentation links point into.
    const repo = /github\.com\/([^/]+\/[^/.]+)/.exec(pkg.repository.url)![1];
    expect(RULE_DOCS_BASE_URL).toContain(`github.com/${repo}/`);
    expect(pkg.homepage).toContain(`github.com/${repo}`);
    expect(pkg.bugs.url).toBe(`https://github.com/${repo}/issues`);
    // npm init -y made a CommonJS package: the ES module case below is a package of its own.
    expect(JSON.parse(readFileSync(path.join(project, "package.json"), "utf8")).type ?? "commonjs").toBe("commonjs");
  });

  it("npx promptvet init sets up the hook; a bad commit is blocked and the fixed one lands", () => {
    const init = checked(run("npx", ["--no-install", "promptvet", "init"], project), "npx promptvet init");
    expect(init.status, init.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(project, "package.json"), "utf8"));
    expect(pkg.scripts.prepare).toBe("husky");
    write(project, ".gitignore", "node_modules/\n");
    git(project, "add", "-A");
    const setup = run("git", ["commit", "-m", "set up promptvet"], project);
    expect(setup.status, setup.stdout + setup.stderr).toBe(0);

    write(project, "prompts/examples.jsonl", BAD);
    git(project, "add", "prompts/examples.jsonl");
    const blocked = checked(run("git", ["commit", "-m", "add examples"], project), "blocked commit");
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toMatch(/examples\.jsonl[\s\S]*1:\d+\s+error[\s\S]*fewshot\/jsonl-syntax/);

    write(project, "prompts/examples.jsonl", GOOD);
    git(project, "add", "prompts/examples.jsonl");
    const allowed = checked(run("git", ["commit", "-m", "add examples"], project), "allowed commit");
    expect(allowed.status, allowed.stdout + allowed.stderr).toBe(0);
  }, 120_000);

  it("rules, explain, tokens and forks run from the installed copy", () => {
    const dir = path.join(project, "commands");
    write(dir, "promptvet.config.yaml", "model: gpt-5.4-mini\ntraffic: { callsPerDay: 1000 }\n");
    write(dir, "prompts/base.md", BASE);
    write(dir, "prompts/fork.md", FORK);

    const rules = promptvet(["rules"], dir);
    expect(rules.status).toBe(0);
    expect(rules.stdout).toMatch(/^pii\/email\s+error\s+suggest\s+Disallow real email addresses/m);
    const explain = promptvet(["explain", "pii/email"], dir);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toMatch(/^# pii\/email$/m); // the rule's shipped documentation
    expect(explain.stdout).toContain("## Options");

    const table = promptvet(["tokens", "prompts/base.md"], dir);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/prompts\/base\.md\s+gpt-5\.4-mini\s+o200k_base\s+system \d+/);
    const tokens = JSON.parse(promptvet(["tokens", "--format", "json", "prompts"], dir).stdout) as { file: string; stats: { total: number } }[];
    expect(tokens.map((t) => t.file)).toEqual(["prompts/base.md", "prompts/fork.md"]);

    const forks = JSON.parse(promptvet(["forks", "--format", "json"], dir).stdout);
    expect(forks.bases[0]).toMatchObject({ base: "prompts/base.md", forks: [{ fork: "prompts/fork.md", kind: "extends" }] });
    // Both commands count the fork as the model receives it: composed with its base.
    expect(forks.bases[0].forks[0].tokens.fork).toBe(tokens.find((t) => t.file === "prompts/fork.md")!.stats.total);
    expect(promptvet(["forks"], dir).stdout).toMatch(/prompts\/fork\.md\s+extends/);
    expect(promptvet(["forks", "--format", "markdown"], dir).stdout).toMatch(/^## Prompt forks/m);
  }, 120_000);

  it("every formatter runs from the installed copy", () => {
    const dir = path.join(project, "formats");
    write(dir, "prompt.md", LEAKY);
    const expected: Record<string, RegExp> = {
      stylish: /prompt\.md\n\s+1:21\s+error\s+Unexpected email address/,
      json: /^\[\{"filePath":/,
      sarif: /"version": ?"2\.1\.0"/,
      github: /^::error file=[^,]*prompt\.md,line=1,col=21/m,
      markdown: /^## promptvet/m,
      junit: /^<\?xml[\s\S]*<testsuites/,
      compact: /prompt\.md:1:21: error pii\/email Unexpected email address/,
    };
    for (const [format, pattern] of Object.entries(expected)) {
      const result = promptvet(["-f", format, "prompt.md"], dir);
      expect(result.status, `${format}: ${result.stderr}`).toBe(1);
      expect(result.stdout, format).toMatch(pattern);
      expect(result.stdout, format).not.toContain("maria.lopez84");
    }
    const sarif = promptvet(["-f", "sarif:out/report.sarif", "prompt.md"], dir);
    expect(sarif.status).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, "out", "report.sarif"), "utf8")).runs[0].results[0].ruleId).toBe("pii/email");
  }, 120_000);

  it("promptvet lsp serves diagnostics from the installed copy", async () => {
    const dir = path.join(project, "editor");
    write(dir, "support.prompt.md", LEAKY); // a name the default prompt globs match
    const client = LspClient.start(dir, {}, path.join(project, "node_modules", "promptvet", "bin", "promptvet.js"));
    try {
      await client.initialize([dir]);
      const diagnostics = await client.open(path.join(dir, "support.prompt.md"), LEAKY);
      expect(diagnostics.map((d) => d.code)).toEqual(["pii/email"]);
      expect(client.messages.join("\n")).not.toMatch(/Cannot find module|internal error/);
    } finally {
      expect(await client.stop()).toBe(0);
    }
  }, 60_000);

  describe("the README's custom rule", () => {
    const example = customRuleExample();
    const commonJs = customRuleAsCommonJs(example);
    const cases: [string, () => string, string, string][] = [
      // [case, folder, plugin file, code]
      ["as written (.mjs), in the npm init -y project", () => project, example.file, example.code],
      ["in its CommonJS form (.cjs), in the npm init -y project", () => project, example.file.replace(/\.mjs$/, ".cjs"), commonJs],
      ["in its CommonJS form (.js), in the npm init -y project", () => project, example.file.replace(/\.mjs$/, ".js"), commonJs],
      ["as written (.mjs), in the ES module package", () => esm, example.file, example.code],
      ["as written, as .js, in the ES module package", () => esm, example.file.replace(/\.mjs$/, ".js"), example.code],
    ];
    it.each(cases)("%s", (name, folder, pluginFile, code) => {
      const dir = path.join(folder(), `custom-${name.replace(/\W+/g, "-")}`);
      write(dir, pluginFile, code);
      write(dir, "promptvet.config.yaml", `plugins:\n  acme: ./${pluginFile}\nrules:\n  acme/no-internal-hosts: error\n`);
      write(dir, "prompt.md", "Fetch the order from billing.corp.internal first.\n");
      const result = promptvet(["--format", "json", "prompt.md"], dir);
      expect(result.status, result.stderr).toBe(1);
      expect(JSON.parse(result.stdout)[0].messages).toEqual([
        expect.objectContaining({ ruleId: "acme/no-internal-hosts", line: 1, column: 22, message: "Unexpected internal hostname billing.corp.internal, expected a public one." }),
      ]);
    }, 60_000);
  });

  it("docs/custom-rules.md's plugin runs from the installed copy: its tables through promptvet/rule-tester, the CLI, and the TypeScript types", () => {
    // In the npm init -y (CommonJS) project, which resolves promptvet and promptvet/rule-tester from the tarball.
    exerciseCustomRulesExample(path.join(project, "custom-rules"), {
      promptvet: (args, cwd, env) => promptvet(args, cwd, env),
      run: (cmd, args, cwd) => checked(run(cmd, args, cwd), `${cmd} ${args.join(" ")}`),
      tsc: path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc"),
    });
  }, 120_000);

  it("promptvet eval and --eval run against a local provider, plain and streaming, with no missing module", async () => {
    // Any answer is JSON, so the json-schema assertion (ajv) and the streaming reader both run in the installed copy.
    const server = await startFakeServer((req) => ({ kind: "answer", text: JSON.stringify({ reply: lastUser(req.body).slice(0, 20) }) }));
    const dir = path.join(project, "evaluated");
    try {
      write(dir, "prompts/greet.md", "Greet {{name}} politely.\n");
      write(dir, "prompts/greet.md.cases.yaml", "cases:\n  - name: greets\n    vars: { name: Ada }\n    assert:\n      - is-json: true\n      - json-schema: { type: object, required: [reply] }\n      - regex: '^\\{'\n");
      const config = (stream: boolean) =>
        `eval:\n  provider: { type: openai-compatible, baseUrl: "${server.url}/v1", model: local-model, apiKeyEnv: LOCAL_MODEL_KEY, stream: ${stream} }\n  cache: false\n`;
      for (const stream of [false, true]) {
        write(dir, "promptvet.config.yaml", config(stream));
        const env = { LOCAL_MODEL_KEY: "local-test-key" };
        // npx for the command as the README writes it; the installed bin for the lint with --eval.
        const evaluated = checked(await runAsync("npx", ["--no-install", "promptvet", "eval", "prompts/greet.md"], dir, env), "npx promptvet eval");
        expect(evaluated.status, evaluated.stderr).toBe(0);
        expect(evaluated.stderr).toMatch(/1 case: 1 passed, 0 failed/);
        const withLint = await promptvetAsync(["--eval", "--format", "json", "prompts/greet.md"], dir, env);
        expect(withLint.status, withLint.stderr).toBe(0);
        expect(withLint.stderr).toMatch(/1 case: 1 passed, 0 failed/);
        expect(JSON.parse(withLint.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ filePath: path.join(dir, "prompts", "greet.md") })]));
      }
      expect(server.requests.filter((r) => r.body.stream === true).length).toBeGreaterThan(0);
      expect(server.requests.length).toBe(4);
    } finally {
      await server.close();
    }
  }, 120_000);
});
