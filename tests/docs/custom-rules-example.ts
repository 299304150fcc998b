/**
 * The complete plugin of docs/custom-rules.md, as the docs tests and the installed-package test build it: every
 * block whose first line names a file (`// path`, `# path`, `<!-- path -->`), and the command that runs its tests.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { codeBlocks, ROOT, type CodeBlock } from "./code-blocks.js";

export const CUSTOM_RULES_DOC = "docs/custom-rules.md";

export interface ExampleFile {
  /** Project-relative path the block's first line gives. */
  file: string;
  text: string;
  lang: string;
}

const FILE_LINE = /^(?:\/\/ |# |<!-- )(\S+\.(?:mjs|cjs|js|mts|ts|yaml|yml|md))(?: -->)?\n/;

export function customRulesFiles(blocks: CodeBlock[] = codeBlocks(CUSTOM_RULES_DOC)): ExampleFile[] {
  const files: ExampleFile[] = [];
  for (const block of blocks) {
    const named = FILE_LINE.exec(`${block.text}\n`);
    if (named) files.push({ file: named[1]!, text: `${block.text}\n`, lang: block.lang });
  }
  return files;
}

/** The `sh` block that runs the test tables. */
export function customRulesTestCommand(blocks: CodeBlock[] = codeBlocks(CUSTOM_RULES_DOC)): string {
  const command = blocks.find((b) => b.lang === "sh" && b.text.startsWith("node --test "));
  if (!command) throw new Error(`${CUSTOM_RULES_DOC}: no sh block running the tests with node --test`);
  return command.text.trim();
}

/** Writes every named file of the example under `dir`; returns them. */
export function writeCustomRulesExample(dir: string): ExampleFile[] {
  const files = customRulesFiles();
  for (const { file, text } of files) {
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return files;
}

export interface ExampleRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** How the example is run: promptvet's CLI as installed, and any other program. */
export interface ExampleRunners {
  promptvet(args: string[], cwd: string, env?: NodeJS.ProcessEnv): ExampleRun;
  run(cmd: string, args: string[], cwd: string): ExampleRun;
  /** The TypeScript compiler's entry script (this project's). */
  tsc: string;
}

/** Where each rule's findings land on PROMPT, and what --fix makes of it. */
export const EXAMPLE_PROMPT = "# Runbook\n\nFetch the order from billing.corp.internal, then check status.corp.internal.\n\nSee [the guide](http://docs.example.com/guide).\n";
export const EXAMPLE_FIXED = EXAMPLE_PROMPT.replace("http://docs", "https://docs");
/** Test cases in the two tables of the page. */
const TABLE_CASES = 8;


/**
 * Builds the page's project in `dir` (where promptvet must already be installed) and runs it as the page says:
 * the test tables pass (and a wrong one fails), the config's plugin reports and fixes through the CLI, `rules`,
 * `explain` and SARIF know the plugin's rules, and the TypeScript example compiles against the package's types
 * and its table passes.
 */
export function exerciseCustomRulesExample(dir: string, runners: ExampleRunners): void {
  const files = writeCustomRulesExample(dir);
  expect(files.map((f) => f.file).sort()).toEqual([
    "promptvet-plugin-acme/docs/no-internal-hosts.md",
    "promptvet-plugin-acme/index.mjs",
    "promptvet-plugin-acme/rules/no-http-links.mjs",
    "promptvet-plugin-acme/rules/no-internal-hosts.mjs",
    "promptvet-plugin-acme/src/no-empty-sections.mts",
    "promptvet-plugin-acme/tests/no-http-links.test.mjs",
    "promptvet-plugin-acme/tests/no-internal-hosts.test.mjs",
    "promptvet.config.yaml",
  ]);

  // The tables, run by the page's own command.
  const tables = runners.run("sh", ["-c", customRulesTestCommand()], dir);
  expect(tables.status, tables.stdout + tables.stderr).toBe(0);
  expect(tables.stdout).toMatch(new RegExp(`\\b(?:pass|tests) ${TABLE_CASES}\\b`));
  expect(tables.stdout).toMatch(/\bfail 0\b/);
  // A table that misstates a position fails: the tester asserts.
  const table = path.join(dir, "promptvet-plugin-acme/tests/no-internal-hosts.test.mjs");
  const wrong = path.join(dir, "promptvet-plugin-acme/tests/wrong.test.mjs");
  writeFileSync(wrong, readFileSync(table, "utf8").replace("column: 22,", "column: 23,"));
  const failing = runners.run(process.execPath, ["--test", wrong], dir);
  expect(failing.status).not.toBe(0);
  expect(failing.stdout).toMatch(/\bfail 1\b/);

  // The same table as CommonJS, loading the tester with require() as the page says.
  const requireTester = 'const { RuleTester } = require("promptvet/rule-tester");';
  expect(readFileSync(path.join(ROOT, CUSTOM_RULES_DOC), "utf8")).toContain(requireTester);
  const commonJs = path.join(dir, "promptvet-plugin-acme/tests/common.test.cjs");
  writeFileSync(
    commonJs,
    readFileSync(table, "utf8")
      .replace('import { RuleTester } from "promptvet/rule-tester";', requireTester)
      .replace('import noInternalHosts from "../rules/no-internal-hosts.mjs";', 'const noInternalHosts = require("../rules/no-internal-hosts.mjs").default;'),
  );
  const required = runners.run(process.execPath, ["--test", commonJs], dir);
  expect(required.status, required.stdout + required.stderr).toBe(0);
  expect(required.stdout).toMatch(/\b(?:pass|tests) 5\b/);

  // The config turns the plugin on; its findings, its fix, and what rules/explain/SARIF say of it.
  writeFileSync(path.join(dir, "prompt.md"), EXAMPLE_PROMPT);
  const lint = runners.promptvet(["--no-cache", "--format", "json", "prompt.md"], dir);
  expect(lint.status, lint.stderr).toBe(1);
  const messages = (JSON.parse(lint.stdout) as { messages: { ruleId: string; line: number; column: number; severity: number; message: string }[] }[])[0]!.messages;
  expect(messages.filter((m) => m.ruleId.startsWith("acme/")).map((m) => [m.ruleId, m.line, m.column, m.severity, m.message])).toEqual([
    ["acme/no-internal-hosts", 3, 22, 2, "Unexpected internal hostname billing.corp.internal, expected a public one."],
    ["acme/no-http-links", 5, 5, 1, "Unexpected http link http://docs.example.com/guide, expected https."],
  ]);
  const sarif = JSON.parse(runners.promptvet(["--no-cache", "--format", "sarif", "prompt.md"], dir).stdout);
  const sarifRule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "acme/no-internal-hosts");
  expect(sarifRule.helpUri).toBe("https://git.acme.example/prompts/promptvet-plugin-acme/-/blob/main/docs/no-internal-hosts.md");
  const explain = runners.promptvet(["explain", "acme/no-internal-hosts"], dir);
  expect(explain.status, explain.stderr).toBe(0);
  expect(explain.stdout).toContain("plugin: acme (promptvet-plugin-acme 1.0.0)");
  expect(explain.stdout).toContain(`Documentation: ${sarifRule.helpUri}`);
  expect(runners.promptvet(["rules"], dir).stdout).toMatch(/^acme\/no-http-links\s/m);
  // The full markdown tree is parsed for the markdown file no-http-links lints, and for nothing else.
  writeFileSync(path.join(dir, "notes.txt"), "Plain notes, see http://docs.example.com/guide.\n");
  mkdirSync(path.join(dir, "without-plugin"));
  writeFileSync(path.join(dir, "without-plugin", "promptvet.config.yaml"), "root: true\n");
  writeFileSync(path.join(dir, "without-plugin", "prompt.md"), EXAMPLE_PROMPT);
  const timed = runners.promptvet(["--no-cache", "prompt.md", "notes.txt", "without-plugin/prompt.md"], dir, { PROMPTVET_TIMING: "1" });
  expect(timed.stderr).toMatch(/full markdown trees \(1\)/);
  const untimed = runners.promptvet(["--no-cache", "prompt.md"], path.join(dir, "without-plugin"), { PROMPTVET_TIMING: "1" });
  expect(untimed.stderr).toMatch(/^ {2}rules\s/m);
  expect(untimed.stderr).not.toMatch(/full markdown trees/);

  const fixed = runners.promptvet(["--no-cache", "--fix", "--format", "json", "prompt.md"], dir);
  expect(fixed.status, fixed.stderr).toBe(1); // the internal host is a suggestion, not a fix
  expect(readFileSync(path.join(dir, "prompt.md"), "utf8")).toBe(EXAMPLE_FIXED);

  // The TypeScript example against the package's declarations, then its table against the compiled rule.
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, outDir: "out", types: [] }, include: ["promptvet-plugin-acme/src"] }),
  );
  const tsc = runners.run(process.execPath, [runners.tsc, "-p", "."], dir);
  expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  writeFileSync(
    path.join(dir, "ts-table.test.mjs"),
    'import { RuleTester } from "promptvet/rule-tester";\nimport { cases, noEmptySections } from "./out/no-empty-sections.mjs";\nnew RuleTester().run(noEmptySections, cases);\n',
  );
  const tsTable = runners.run(process.execPath, ["--test", "ts-table.test.mjs"], dir);
  expect(tsTable.status, tsTable.stdout + tsTable.stderr).toBe(0);
  expect(tsTable.stdout).toMatch(/\b(?:pass|tests) 2\b/);
}
