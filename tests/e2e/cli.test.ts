/** The CLI as users run it: the built bin in a temp folder, real files, real exit codes. */
import { execFileSync } from "node:child_process";
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

    // A file the user chose cannot pass unseen: binary is an error, saying how to exclude it.
    expect(byName["binary.md"].messages[0]).toMatchObject({ ruleId: null, severity: 2, fatal: true, message: expect.stringMatching(/^Binary file \(contains NUL bytes\), not linted; .*leave it out of the arguments or add it to `ignores`/) });
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

describe("nothing passes silently", () => {
  it("lints UTF-16 files (with a BOM) as text, positions in characters, and fixes them in their own encoding", () => {
    const folder = path.join(dir, "utf16");
    const text = "# Hi\n\nUse ghp_R8x2Lq9ZkT4mW7vB1nC5yH3jF6dS0aPeUiOr here.\u200b\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le).swap16();
    write(folder, "le.md", "");
    writeFileSync(path.join(folder, "le.md"), le);
    writeFileSync(path.join(folder, "be.md"), be);
    const { status, results } = jsonRun(["le.md", "be.md"], folder);
    expect(status).toBe(1);
    for (const r of results) {
      const secret = r.messages.find((m: any) => m.ruleId === "secrets/leaked-credential");
      expect(secret, r.filePath).toMatchObject({ line: 3, column: 5, endLine: 3, endColumn: 45 });
      expect(r.messages.find((m: any) => m.ruleId === "hygiene/invisible-characters")).toMatchObject({ line: 3, column: 51 });
    }
    promptvet(["--fix", "le.md", "be.md"], folder);
    const fixedText = text.replace("\u200b", "");
    expect(readFileSync(path.join(folder, "le.md"))).toEqual(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixedText, "utf16le")]));
    expect(readFileSync(path.join(folder, "be.md"))).toEqual(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixedText, "utf16le")]).swap16());
  });

  it("a binary file matching the prompt globs is an error; invalid UTF-16 names its position", () => {
    const folder = path.join(dir, "binary-globbed");
    write(folder, "prompts/ok.md", "# Ok\n\nBe brief.\n");
    writeFileSync(path.join(folder, "prompts/blob.md"), Buffer.from("key: ghp_R8x2Lq9ZkT4mW7vB1nC5yH3jF6dS0aPeUiOr\0\0\0"));
    writeFileSync(path.join(folder, "prompts/broken16.md"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ab\ncd", "utf16le"), Buffer.from([0x00, 0xd8, 0x41, 0x00])]));
    const { status, results } = jsonRun(["prompts/"], folder);
    expect(status).toBe(1);
    const byName = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r]));
    expect(byName["blob.md"].messages[0]).toMatchObject({ severity: 2, fatal: true, message: expect.stringMatching(/^Binary file \(contains NUL bytes\), not linted; expected a text prompt\. If it is not a prompt, add it to `ignores` in the config/) });
    expect(byName["broken16.md"].messages[0]).toMatchObject({ severity: 2, fatal: true, line: 2, column: 3, message: expect.stringContaining("Invalid UTF-16LE at byte 12 (line 2, column 3)") });
    expect(byName["ok.md"].errorCount).toBe(0);
  });
});

describe("paths that are not files", () => {
  it("a named pipe named on the command line is a notice, never a run waiting forever for a writer", () => {
    const folder = path.join(dir, "fifo");
    write(folder, "prompts/ok.md", "# Ok\n\nBe brief.\n");
    execFileSync("mkfifo", [path.join(folder, "prompts", "pipe.md")]);
    const { status, results } = jsonRun(["prompts/ok.md", "prompts/pipe.md"], folder);
    expect(status).toBe(0);
    const pipe = results.find((r) => r.filePath.endsWith("pipe.md"));
    expect(pipe.messages).toEqual([expect.objectContaining({ severity: 1, message: "Not linted: this path is a named pipe, not a file." })]);
  });
});

describe("exit codes: 2 only for usage, config and internal errors, each named", () => {
  it("a config YAML alias bomb is a config error naming the file", () => {
    const folder = path.join(dir, "alias-bomb");
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? "*a" : `*l${i - 1}`).join(", ")}]`);
    write(folder, "promptvet.config.yaml", `${levels.join("\n")}\n`);
    write(folder, "prompt.md", "# Hi\n\nBe brief.\n");
    const result = promptvet(["prompt.md"], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`promptvet: Invalid YAML in ${path.join(folder, "promptvet.config.yaml")}: Excessive alias count indicates a resource exhaustion attack\n`);
  });

  it("--max-warnings -1 means no limit; an exceeded limit is said even with --quiet", () => {
    const file = write(dir, "max-warnings/prompt.md", "# Title\n\nSay hi. \nAnd bye. \n");
    const unlimited = promptvet([file, "--max-warnings", "-1"], dir);
    expect(unlimited.status).toBe(0);
    expect(unlimited.stderr).toBe("");
    expect(promptvet([file, "--max-warnings=-1"], dir).status).toBe(0);
    const quiet = promptvet([file, "--quiet", "--max-warnings", "0"], dir);
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).toBe("");
    expect(quiet.stderr).toBe("promptvet: 2 warnings, more than --max-warnings 0.\n");
    const loud = promptvet([file, "--max-warnings", "1", "-f", "json"], dir);
    expect(loud.status).toBe(1);
    expect(JSON.parse(loud.stdout)[0].warningCount).toBe(2);
    expect(loud.stderr).toBe("promptvet: 2 warnings, more than --max-warnings 1.\n");
    expect(promptvet([file, "--max-warnings", "2"], dir).stderr).toBe("");
    const wrong = promptvet([file, "--max-warnings", "-2"], dir);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--max-warnings expects a whole number (-1 for no limit), got "-2"');
  });

  it("--fix-suggestions rejects unknown rules and categories, listing the valid ones", () => {
    const file = write(dir, "suggest/prompt.md", "# Title\n\nSay hi. \n");
    const typo = promptvet([file, "--fix", "--fix-suggestions", "pi"], dir);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/^promptvet: --fix-suggestions: unknown rule or category "pi" \(did you mean pii\?\); expected one of: .*\bpii\b.*\bpii\/email\b.*\bsecrets\/leaked-credential\b/);
    const noSuggestions = promptvet([file, "--fix", "--fix-suggestions", "hygiene"], dir);
    expect(noSuggestions.status).toBe(2);
    expect(noSuggestions.stderr).toContain("no rule of category hygiene has suggestions");
    // Nothing was written before the mistake was found.
    expect(readFileSync(file, "utf8")).toBe("# Title\n\nSay hi. \n");
    expect(promptvet([file, "--fix", "--fix-suggestions", "pii", "--fix-suggestions", "secrets/leaked-credential"], dir).status).toBe(0);
  });

  it("--fix-suggestions accepts a plugin's rules once the config declaring the plugin is loaded", () => {
    const folder = path.join(dir, "suggest-plugin");
    write(folder, "rules/acme.mjs", `export default { rules: { hosts: {
      meta: { id: "hosts", category: "acme", hasSuggestions: true, docs: { description: "no internal hosts", recommended: "error" }, messages: { found: "Unexpected internal host." } },
      create(context) { return { document(doc) { const i = doc.source.indexOf("corp.internal"); if (i >= 0) context.report({ messageId: "found", range: [i, i + 13], suggest: [{ messageId: "found", fix: { range: [i, i + 13], text: "example.com" } }] }); } }; },
    } } };\n`);
    write(folder, "promptvet.config.yaml", "plugins:\n  acme: ./rules/acme.mjs\nrules:\n  acme/hosts: error\n");
    const file = write(folder, "prompts/p.md", "# Hosts\n\nAsk corp.internal when unsure.\n");
    const result = promptvet(["--fix", "--fix-suggestions", "acme/hosts", "prompts/p.md"], folder);
    expect(result.stderr).toBe("");
    expect(readFileSync(file, "utf8")).toBe("# Hosts\n\nAsk example.com when unsure.\n");
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
