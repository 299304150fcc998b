/** The CLI as users run it: the built bin in a temp folder, real files, real exit codes. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promptvet, write } from "./repo.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jsonRun(args: string[], cwd = dir) {
  const result = promptvet([...args, "--format", "json"], cwd);
  let parsed: any[] = [];
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    throw new Error(`not JSON (exit ${result.status}): ${result.stdout}\n${result.stderr}`);
  }
  return { ...result, results: parsed };
}

describe("bad input never stops the run", () => {
  it("gives each broken file a clear diagnostic with its position, and still lints the others", () => {
    const folder = path.join(dir, "bad-input");
    write(folder, "good.md", "# Support\n\nAnswer politely.\n");
    write(folder, "binary.md", "");
    writeFileSync(path.join(folder, "binary.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    writeFileSync(path.join(folder, "latin1.md"), Buffer.concat([Buffer.from("# Caf\n\nline two caf"), Buffer.from([0xe9]), Buffer.from(" ok\n")]));
    writeFileSync(path.join(folder, "bom-crlf.md"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("# Title\r\n\r\nBe brief.\r\n")]));
    write(folder, "broken-yaml.md", "---\nmodel: [gpt-4o\n---\n\nHello.\n");
    write(folder, "examples.jsonl", '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}\n{"messages": [oops]}\n');
    write(folder, "long-line.md", `# Long\n\n${"word ".repeat(20_000)}\n`);
    const big = path.join(folder, "huge.md");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x61));

    const files = ["good.md", "binary.md", "latin1.md", "bom-crlf.md", "broken-yaml.md", "examples.jsonl", "long-line.md", "huge.md"];
    const { status, results, stderr } = jsonRun(files, folder);
    expect(stderr).not.toMatch(/\n\s+at /); // never a stack trace
    expect(status).toBe(1);
    const byName = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r]));
    expect(Object.keys(byName).sort()).toEqual([...files].sort());

    expect(byName["binary.md"].messages[0]).toMatchObject({ ruleId: null, severity: 1, message: expect.stringContaining("Binary file skipped") });
    expect(byName["latin1.md"].messages[0]).toMatchObject({ ruleId: null, severity: 2, fatal: true, line: 3, column: 13 });
    expect(byName["latin1.md"].messages[0].message).toContain("Invalid UTF-8");
    expect(byName["huge.md"].messages[0]).toMatchObject({ ruleId: null, severity: 2, fatal: true });
    expect(byName["huge.md"].messages[0].message).toMatch(/50\.0 MB, over the 10\.0 MB limit/);
    expect(byName["broken-yaml.md"].messages.some((m: any) => m.ruleId === "syntax/frontmatter-yaml" && m.line >= 2)).toBe(true);
    expect(byName["examples.jsonl"].messages.some((m: any) => m.ruleId === "fewshot/jsonl-syntax" && m.line === 2)).toBe(true);
    expect(byName["bom-crlf.md"].messages.some((m: any) => m.ruleId === "hygiene/bom")).toBe(true);
    expect(byName["good.md"].errorCount).toBe(0);
    // The 50 MB file was not modified or read into the report.
    expect(statSync(big).size).toBe(50 * 1024 * 1024);
  });
});

describe("CLI contract", () => {
  it("prints ESLint-compatible JSON with absolute paths and 1-based positions", () => {
    const file = write(dir, "json/prompt.md", "# Title\n\nSay hi. \t\n");
    const { results, status } = jsonRun([file]);
    expect(status).toBe(0);
    expect(results).toHaveLength(1);
    const [r] = results;
    expect(r.filePath).toBe(file);
    expect(r).toMatchObject({ errorCount: 0, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 1 });
    expect(r.messages[0]).toMatchObject({ ruleId: "hygiene/trailing-whitespace", severity: 1, line: 3, column: 8, endLine: 3, endColumn: 10 });
    expect(r.messages[0].fix).toEqual({ range: [16, 18], text: "" });
    expect(r).not.toHaveProperty("source");
  });

  it("--fix writes only the fixed ranges; without --fix nothing is written", () => {
    const file = write(dir, "fix/prompt.md", "# Title\n\nSay hi. \t\nKeep   this.\n");
    const before = readFileSync(file, "utf8");
    promptvet([file], dir);
    expect(readFileSync(file, "utf8")).toBe(before);
    const fixed = promptvet([file, "--fix"], dir);
    expect(fixed.status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe("# Title\n\nSay hi.\nKeep   this.\n");
  });

  it("--max-warnings turns warnings into a failing exit code; --quiet hides them", () => {
    const file = write(dir, "warn/prompt.md", "# Title\n\nSay hi. \n");
    expect(promptvet([file], dir).status).toBe(0);
    expect(promptvet([file, "--max-warnings", "0"], dir).status).toBe(1);
    const quiet = promptvet([file, "--quiet", "--format", "json"], dir);
    expect(JSON.parse(quiet.stdout)[0].messages).toEqual([]);
  });

  it("stylish output shows file, line:column, a code frame and help", () => {
    const file = write(dir, "stylish/prompt.md", "# Title\n\nSay hi. \n");
    const result = promptvet([file, "--no-color"], dir);
    expect(result.stdout).toContain("stylish/prompt.md");
    expect(result.stdout).toMatch(/3:8\s+warning/);
    expect(result.stdout).toContain("Say hi.");
    expect(result.stdout).toContain("help:");
  });

  it("--output-file writes the report to a file", () => {
    const file = write(dir, "out/prompt.md", "# Title\n\nSay hi. \n");
    const target = path.join(dir, "out", "report", "result.json");
    const result = promptvet([file, "--format", "json", "--output-file", target], dir);
    expect(result.stdout).toBe("");
    expect(JSON.parse(readFileSync(target, "utf8"))[0].filePath).toBe(file);
  });

  it("exits 2 on an invalid config, naming the key and what was expected", () => {
    const folder = path.join(dir, "badconfig");
    write(folder, "promptvet.config.yaml", "rules:\n  hygiene/trailing-whitespace: loud\n");
    write(folder, "prompt.md", "hi\n");
    const result = promptvet(["prompt.md"], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("promptvet.config.yaml");
    expect(result.stderr).toContain("hygiene/trailing-whitespace");
    expect(result.stderr).toMatch(/line 2/);
  });

  it("exits 2 on an unknown rule, with a suggestion", () => {
    const folder = path.join(dir, "unknownrule");
    write(folder, "promptvet.config.json", JSON.stringify({ rules: { "hygiene/trailing-whitespaces": "off" } }));
    write(folder, "prompt.md", "hi\n");
    const result = promptvet(["prompt.md"], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('did you mean "hygiene/trailing-whitespace"');
  });

  it("exits 2 on a usage error and on a missing path", () => {
    expect(promptvet(["--no-such-flag"], dir).status).toBe(2);
    const missing = promptvet(["nope/missing.md"], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("No such file or folder");
  });

  it("config from package.json#promptvet applies, and overrides apply per glob", () => {
    const folder = path.join(dir, "pkgconfig");
    write(folder, "package.json", JSON.stringify({
      name: "x",
      promptvet: { rules: { "hygiene/trailing-whitespace": "error" }, overrides: [{ files: ["legacy/**"], rules: { "hygiene/trailing-whitespace": "off" } }] },
    }));
    write(folder, "prompts/a.md", "Hi. \n");
    write(folder, "legacy/b.md", "Hi. \n");
    const { results, status } = jsonRun(["prompts/a.md", "legacy/b.md"], folder);
    expect(status).toBe(1);
    const byName = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r]));
    expect(byName["a.md"].errorCount).toBe(1);
    expect(byName["b.md"].messages).toEqual([]);
  });

  it("loads custom rules from a plugin module", () => {
    const folder = path.join(dir, "plugin");
    write(folder, "rules/acme.mjs", `export default { rules: { "no-acme-internal": {
      meta: { id: "no-acme-internal", category: "acme", docs: { description: "no internal hostnames", recommended: false }, messages: { found: "Unexpected internal hostname, expected a public one." } },
      create(context) { return { document(doc) { const i = doc.source.indexOf("corp.acme.internal"); if (i >= 0) context.report({ messageId: "found", range: [i, i + 18] }); } }; },
    } } };\n`);
    write(folder, "promptvet.config.yaml", 'plugins:\n  acme: ./rules/acme.mjs\nrules:\n  acme/no-acme-internal: error\n');
    write(folder, "prompt.md", "Call corp.acme.internal for help.\n");
    const { results, status } = jsonRun(["prompt.md"], folder);
    expect(status).toBe(1);
    expect(results[0].messages[0]).toMatchObject({ ruleId: "acme/no-acme-internal", line: 1, column: 6, endColumn: 24 });
  });

  it("lists rules and explains one", () => {
    const rules = promptvet(["rules"], dir);
    expect(rules.status).toBe(0);
    expect(rules.stdout).toContain("hygiene/trailing-whitespace");
    const explain = promptvet(["explain", "hygiene/trailing-whitespace"], dir);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain("## What it does");
    expect(promptvet(["explain", "no/such-rule"], dir).status).toBe(2);
  });
});
