/**
 * A model named in the config that the registry does not know, or that retires, is one finding on the config
 * file at the line that names it, however many files the config covers; a model a file pins in its own
 * frontmatter stays that file's finding.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeRepo, promptvet, write } from "./repo.js";

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; messageId?: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
  errorCount: number;
  warningCount: number;
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function repoWith(files: Record<string, string>): string {
  const repo = makeRepo("promptvet-config-findings-");
  cleanup = repo.cleanup;
  for (const [rel, text] of Object.entries(files)) write(repo.dir, rel, text);
  return repo.dir;
}

function lint(dir: string, args: string[] = ["prompts"]): Record<string, JsonResult> {
  const run = promptvet(["--no-cache", "--format", "json", ...args], dir);
  expect(run.stderr).toBe("");
  return Object.fromEntries((JSON.parse(run.stdout) as JsonResult[]).map((r) => [path.relative(dir, r.filePath), r]));
}

const PROMPTS = {
  "prompts/a.md": "You are a helpful assistant.\n",
  "prompts/b.md": "You answer billing questions.\n",
  "prompts/c.md": "You answer shipping questions.\n",
};

describe("findings about the config's models", () => {
  it("are reported once, on the config file, at the value", () => {
    const dir = repoWith({
      ...PROMPTS,
      // `now` pins the date the retirement is measured from.
      "promptvet.config.yaml": "now: 2026-12-01\nmodel: gpt-4o-typo\nmodels: [gpt-5.5, gpt-4o-mini]\n",
    });
    const results = lint(dir);
    for (const file of Object.keys(PROMPTS)) {
      expect(results[file]!.messages, file).toEqual([]);
      expect(results[file]!.warningCount, file).toBe(0);
    }
    const config = results["promptvet.config.yaml"]!;
    expect(config.messages.map((m) => [m.ruleId, m.messageId, m.line, m.column, m.endLine, m.endColumn])).toEqual([
      ["model/unknown", "unknownInConfig", 2, 8, 2, 19],
      ["model/retiring", "retiringInConfig", 3, 19, 3, 30],
    ]);
    expect(config.messages[0]!.message).toBe(
      'Unknown model "gpt-4o-typo" in the config\'s `model`; expected a model of the registry or an entry added with `registry` in the config.',
    );
    expect(config.messages[1]!.message).toMatch(/^Model "gpt-4o-mini" \(the config's `models\[1\]`\) retires on 2027-01-14, in 44 days/);
    expect(config.warningCount).toBe(2);
  });

  it("count once against --max-warnings", () => {
    const dir = repoWith({ ...PROMPTS, "promptvet.config.yaml": "model: gpt-4o-typo\n" });
    expect(promptvet(["--max-warnings", "1", "prompts"], dir).status).toBe(0);
    const over = promptvet(["--max-warnings", "0", "prompts"], dir);
    expect(over.status).toBe(1);
    expect(over.stdout.match(/Unknown model "gpt-4o-typo"/g)).toHaveLength(1);
    expect(over.stdout).toMatch(/^promptvet\.config\.yaml\n\s+1:8\s+warning/m);
  });

  it("point into an override, and into package.json's promptvet key", () => {
    const overridden = repoWith({
      ...PROMPTS,
      "promptvet.config.yaml": "model: gpt-5.5\noverrides:\n  - files: [\"prompts/b.md\", \"prompts/c.md\"]\n    model: gpt-5.5-typo\n",
    });
    const results = lint(overridden);
    expect(results["prompts/b.md"]!.messages).toEqual([]);
    expect(results["promptvet.config.yaml"]!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["model/unknown", 4, 12]]);
    cleanup?.();

    const pkg = repoWith({ ...PROMPTS, "package.json": `${JSON.stringify({ name: "p", private: true, promptvet: { model: "gpt-4o-typo" } }, null, 2)}\n` });
    const fromPackage = lint(pkg);
    expect(fromPackage["package.json"]!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([["model/unknown", 5, 14]]);
  });

  it("a model pinned in a file's frontmatter stays that file's finding", () => {
    const dir = repoWith({ ...PROMPTS, "prompts/a.md": "---\nmodel: gpt-4o-typo\n---\nYou are a helpful assistant.\n", "promptvet.config.yaml": "model: gpt-5.5\n" });
    const results = lint(dir);
    expect(results["prompts/a.md"]!.messages.map((m) => [m.ruleId, m.messageId, m.line, m.column])).toEqual([["model/unknown", "unknown", 2, 8]]);
    expect(results["promptvet.config.yaml"]).toBeUndefined();
  });
});
