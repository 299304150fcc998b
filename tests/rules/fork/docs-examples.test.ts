/**
 * The fork rules' docs examples hold across files: fenced blocks under "## Examples" before the first
 * "Incorrect"/"Correct" marker are the other files of the example (a base, a partial), each named by its
 * info string; the marked blocks are linted with those files readable.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../../src/engine/linter.js";
import type { Rule } from "../../../src/rule-api/types.js";
import { detectFormat } from "../../../src/parse/detect.js";
import { parseDocument } from "../../../src/parse/index.js";
import { builtinRules } from "../../../rules/index.js";

const root = path.resolve(import.meta.dirname, "../../..");
const DOCS_DIR = "/virtual/docs";

interface Block {
  kind: "context" | "incorrect" | "correct";
  filename: string;
  code: string;
  line: number;
}

function blocks(markdown: string): Block[] {
  const lines = markdown.split("\n");
  const out: Block[] = [];
  let inExamples = false;
  let marker: Block["kind"] = "context";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^## /.test(line)) {
      inExamples = line.trim() === "## Examples";
      marker = "context";
      continue;
    }
    if (!inExamples) continue;
    const fence = /^```(\S+)/.exec(line);
    if (fence) {
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && !/^```\s*$/.test(lines[j]!)) body.push(lines[j++]!);
      out.push({ kind: marker, filename: fence[1]!, code: body.join("\n") + "\n", line: i + 1 });
      i = j;
      continue;
    }
    const words = [...line.matchAll(/(?<![A-Za-z])(incorrect|correct)(?![A-Za-z])/gi)];
    if (words.length > 0) marker = words[words.length - 1]![1]!.toLowerCase() as Block["kind"];
  }
  return out;
}

async function findings(rule: Rule<any>, example: Block, files: Map<string, string>): Promise<string[]> {
  const filePath = path.posix.join(DOCS_DIR, example.filename);
  const document = parseDocument({ path: filePath, source: example.code, format: detectFormat(filePath) ?? "markdown", bom: false });
  const { messages } = await lintDocument(document, {
    rules: [{ rule, severity: 2 }],
    unusedDirectives: 0,
    services: { readFile: async (p) => files.get(p) },
  });
  return messages.filter((m) => m.ruleId === rule.meta.id).map((m) => `${m.line}:${m.column} ${m.message}`);
}

const forkRules = builtinRules.filter((r) => r.meta.id.startsWith("fork/"));

describe.each(forkRules.map((r) => [r.meta.id, r] as const))("docs examples of %s", (id, rule) => {
  it("hold with their context files", async () => {
    const all = blocks(readFileSync(path.join(root, "rules", `${id}.md`), "utf8"));
    const files = new Map(all.filter((b) => b.kind === "context").map((b) => [path.posix.join(DOCS_DIR, b.filename), b.code] as const));
    const examples = all.filter((b) => b.kind !== "context");
    expect(examples.some((b) => b.kind === "incorrect")).toBe(true);
    expect(examples.some((b) => b.kind === "correct")).toBe(true);
    for (const example of examples) {
      const found = await findings(rule, example, files);
      if (example.kind === "incorrect") expect(found.length, `rules/${id}.md:${example.line} produces no finding`).toBeGreaterThan(0);
      else expect(found, `rules/${id}.md:${example.line} produces findings`).toEqual([]);
    }
  });
});
