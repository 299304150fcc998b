/**
 * The installed-package path: pack promptvet as it would be published, install the tarball into a fresh
 * repository with npm, run `npx promptvet init`, and commit through the real hook.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastUser, startFakeServer } from "../eval/fake-server.js";
import { git, makeRepo, PROJECT_ROOT, run, write } from "./repo.js";
import { runAsync } from "./run-async.js";

const BAD = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]\n';
const GOOD = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}\n';

describe("packed package installed into a fresh repository", () => {
  let packDir: string;
  let tarball: string;
  let repo: ReturnType<typeof makeRepo>;

  beforeAll(() => {
    packDir = mkdtempSync(path.join(os.tmpdir(), "promptvet-pack-"));
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", packDir, "--ignore-scripts"], { cwd: PROJECT_ROOT, encoding: "utf8" });
    const info = JSON.parse(out)[0] as { filename: string; files: { path: string }[] };
    tarball = path.join(packDir, info.filename);
    // Only what the package needs is shipped.
    const shipped = info.files.map((f) => f.path);
    expect(shipped).toContain("bin/promptvet.js");
    expect(shipped).toContain("dist/cli.cjs");
    expect(shipped).toContain("dist/tokenizers/o200k_base.bin");
    expect(shipped).toContain("dist/types/index.d.ts");
    expect(shipped).toContain("schema/promptvet.schema.json");
    expect(shipped.some((p) => p.startsWith("tests/") || p.startsWith("src/") || p.startsWith("node_modules/"))).toBe(false);

    repo = makeRepo("promptvet-installed-");
    write(repo.dir, "package.json", `${JSON.stringify({ name: "prompts-repo", version: "1.0.0", private: true }, null, 2)}\n`);
    const install = run("npm", ["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", tarball, "husky@9", "lint-staged@16"], repo.dir);
    if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  }, 240_000);

  afterAll(() => {
    repo?.cleanup();
    rmSync(packDir, { recursive: true, force: true });
  });

  it("npx promptvet init sets up the hook; a bad commit is blocked and the fixed one lands", () => {
    const init = run("npx", ["--no-install", "promptvet", "init"], repo.dir);
    expect(init.status, init.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(repo.dir, "package.json"), "utf8"));
    expect(pkg.scripts.prepare).toBe("husky");
    write(repo.dir, ".gitignore", "node_modules/\n");
    git(repo.dir, "add", "-A");
    const setup = run("git", ["commit", "-m", "set up promptvet"], repo.dir);
    expect(setup.status, setup.stdout + setup.stderr).toBe(0);

    write(repo.dir, "prompts/examples.jsonl", BAD);
    git(repo.dir, "add", "prompts/examples.jsonl");
    const blocked = run("git", ["commit", "-m", "add examples"], repo.dir);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toMatch(/examples\.jsonl[\s\S]*1:\d+\s+error[\s\S]*fewshot\/jsonl-syntax/);

    write(repo.dir, "prompts/examples.jsonl", GOOD);
    git(repo.dir, "add", "prompts/examples.jsonl");
    const allowed = run("git", ["commit", "-m", "add examples"], repo.dir);
    expect(allowed.status, allowed.stdout + allowed.stderr).toBe(0);
  }, 120_000);

  it("custom rules import defineRule from the installed package, as the README shows", () => {
    write(repo.dir, "custom/rules.mjs", `import { defineRule } from "promptvet";
export default { rules: { "no-internal": defineRule({
  meta: { id: "no-internal", category: "acme", docs: { description: "no internal hosts", recommended: false }, messages: { found: "Unexpected internal host, expected a public one." } },
  create(context) { return { document(doc) { const i = doc.source.indexOf("corp.internal"); if (i >= 0) context.report({ messageId: "found", range: [i, i + 13] }); } }; },
}) } };\n`);
    write(repo.dir, "custom/promptvet.config.yaml", "plugins:\n  acme: ./rules.mjs\nrules:\n  acme/no-internal: error\n");
    write(repo.dir, "custom/prompt.md", "Ask corp.internal.\n");
    const lint = run("npx", ["--no-install", "promptvet", "--format", "json", "prompt.md"], path.join(repo.dir, "custom"));
    expect(lint.status, lint.stderr).toBe(1);
    expect(JSON.parse(lint.stdout)[0].messages[0]).toMatchObject({ ruleId: "acme/no-internal", line: 1, column: 5 });
  }, 60_000);

  it("promptvet eval and --eval run against a local provider, plain and streaming, with no missing module", async () => {
    // Any answer is JSON, so the json-schema assertion (ajv) and the streaming reader both run in the installed copy.
    const server = await startFakeServer((req) => ({ kind: "answer", text: JSON.stringify({ reply: lastUser(req.body).slice(0, 20) }) }));
    const dir = path.join(repo.dir, "evaluated");
    try {
      write(dir, "prompts/greet.md", "Greet {{name}} politely.\n");
      write(dir, "prompts/greet.md.cases.yaml", "cases:\n  - name: greets\n    vars: { name: Ada }\n    assert:\n      - is-json: true\n      - json-schema: { type: object, required: [reply] }\n      - regex: '^\\{'\n");
      const config = (stream: boolean) =>
        `eval:\n  provider: { type: openai-compatible, baseUrl: "${server.url}/v1", model: local-model, apiKeyEnv: LOCAL_MODEL_KEY, stream: ${stream} }\n  cache: false\n`;
      for (const stream of [false, true]) {
        write(dir, "promptvet.config.yaml", config(stream));
        const env = { LOCAL_MODEL_KEY: "local-test-key" };
        const evaluated = await runAsync("npx", ["--no-install", "promptvet", "eval", "prompts/greet.md"], dir, env);
        expect(evaluated.stdout + evaluated.stderr).not.toMatch(/Cannot find module|internal error/);
        expect(evaluated.status, evaluated.stderr).toBe(0);
        expect(evaluated.stderr).toMatch(/1 case: 1 passed, 0 failed/);
        const withLint = await runAsync("npx", ["--no-install", "promptvet", "--eval", "--format", "json", "prompts/greet.md"], dir, env);
        expect(withLint.stdout + withLint.stderr).not.toMatch(/Cannot find module|internal error/);
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
