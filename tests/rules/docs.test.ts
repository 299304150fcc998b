/**
 * Rule docs are complete and their examples are true: for every built-in rule, `rules/<id>.md` (or
 * `rules/<id>/README.md`) has the four sections, every fenced block after the word "Incorrect" produces a
 * finding of that rule and every block after "Correct" produces none, and "## Options" names every option
 * of the rule's schema (the config blocks there are loaded by tests/docs/config-snippets.test.ts).
 *
 * Fence info string: `<file name> [escaped] [{options JSON}]`, e.g. ```` ```prompt.md ````,
 * ```` ```examples.jsonl ````, ```` ```prompt.md escaped ```` (then `\r`, `\t`, `\n`, `\uXXXX`, `\u{X}` and
 * `\\` in the block are decoded, for characters a markdown file cannot show), or
 * ```` ```prompt.md {"maxLineLength": 20} ````. A bare language (` ```jsonl `) means `example.jsonl`.
 * In the options JSON, `"$settings"` holds config settings (e.g. `{"$settings": {"model": "gpt-4o"}}`).
 * A block whose info string is `base` gives the file's text at the base ref for the example after it
 * (for rules that compare with the committed version).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../src/engine/linter.js";
import type { Rule } from "../../src/rule-api/types.js";
import { detectFormat } from "../../src/parse/detect.js";
import { parseDocument } from "../../src/parse/index.js";
import { builtinRules } from "../../rules/index.js";

const root = path.resolve(import.meta.dirname, "../..");
const REQUIRED_HEADINGS = ["What it does", "Why is this bad?", "Examples", "Options"];

export interface DocExample {
  kind: "incorrect" | "correct";
  filename: string;
  code: string;
  options?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  /** The file at the base ref, from a preceding `base` block. */
  baseSource?: string;
  /** 1-based line of the opening fence in the .md file, for failure messages. */
  line: number;
}

export interface ParsedDoc {
  headings: string[];
  examples: DocExample[];
  /** Blocks under "Examples" before the first Incorrect/Correct: other files the examples read (bases, partials). */
  contextFiles: Map<string, string>;
  errors: string[];
}

function docPath(id: string): string | undefined {
  const flat = path.join(root, "rules", `${id}.md`);
  if (existsSync(flat)) return flat;
  const folder = path.join(root, "rules", id, "README.md");
  return existsSync(folder) ? folder : undefined;
}

/** Decodes the escapes of an `escaped` example. */
function unescape(text: string): string {
  return text.replace(/\\(u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|r|n|t|\\)/g, (_m, what: string, braced?: string, four?: string) => {
    if (braced) return String.fromCodePoint(parseInt(braced, 16));
    if (four) return String.fromCharCode(parseInt(four, 16));
    return what === "r" ? "\r" : what === "n" ? "\n" : what === "t" ? "\t" : "\\";
  });
}

/** Headings and examples of a rule doc; parse problems go to `errors` rather than throwing. */
export function parseRuleDoc(markdown: string): ParsedDoc {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const headings: string[] = [];
  const examples: DocExample[] = [];
  const contextFiles = new Map<string, string>();
  const errors: string[] = [];
  let section = "";
  let marker: DocExample["kind"] | undefined;
  let pendingBase: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^( {0,3})(`{3,}|~{3,})\s*(.*)$/.exec(line);
    if (fence) {
      const [, indent, ticks, info] = fence;
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const close = new RegExp(`^ {0,3}${ticks![0] === "`" ? "`" : "~"}{${ticks!.length},}\\s*$`).exec(lines[j]!);
        if (close) break;
        body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!);
      }
      if (j >= lines.length) errors.push(`line ${i + 1}: code fence is never closed`);
      if (section === "Examples" && !marker && info!.trim() !== "base") {
        const parsed = parseInfo(info!.trim());
        if ("error" in parsed) errors.push(`line ${i + 1}: ${parsed.error}`);
        else contextFiles.set(`/virtual/docs/${parsed.filename}`, body.join("\n") + (body.length > 0 ? "\n" : ""));
      } else if (section === "Examples" && info!.trim() === "base") {
        pendingBase = body.join("\n") + (body.length > 0 ? "\n" : "");
      } else if (section === "Examples" && marker) {
        const parsed = parseInfo(info!.trim());
        if ("error" in parsed) errors.push(`line ${i + 1}: ${parsed.error}`);
        else {
          const code = body.join("\n") + (body.length > 0 ? "\n" : "");
          const { $settings, ...options } = parsed.options ?? {};
          examples.push({
            kind: marker,
            filename: parsed.filename,
            options: parsed.options ? options : undefined,
            settings: $settings as Record<string, unknown> | undefined,
            baseSource: pendingBase,
            code: parsed.escaped ? unescape(code) : code,
            line: i + 1,
          });
        }
        pendingBase = undefined;
      }
      i = j;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      if (heading[1] === "##") {
        headings.push(heading[2]!);
        section = heading[2]!;
        marker = undefined;
      }
      continue;
    }
    if (section !== "Examples") continue;
    // The last marker word on the line wins ("Incorrect" never matches "Correct": a letter precedes it).
    const words = [...line.matchAll(/(?<![A-Za-z])(incorrect|correct)(?![A-Za-z])/gi)];
    if (words.length > 0) marker = words[words.length - 1]![1]!.toLowerCase() as DocExample["kind"];
  }
  return { headings, examples, contextFiles, errors };
}

function parseInfo(info: string): { filename: string; escaped: boolean; options?: Record<string, unknown> } | { error: string } {
  const match = /^(\S+)?\s*(escaped)?\s*(\{.*\})?\s*$/.exec(info);
  if (!match || !match[1]) return { error: `example fence needs a file name as its info string (got ${JSON.stringify(info)}), e.g. \`\`\`prompt.md` };
  const filename = match[1].includes(".") ? match[1] : `example.${match[1]}`;
  let options: Record<string, unknown> | undefined;
  if (match[3]) {
    try {
      options = JSON.parse(match[3]) as Record<string, unknown>;
    } catch (error) {
      return { error: `example options are not valid JSON: ${(error as Error).message}` };
    }
  }
  return { filename, escaped: match[2] === "escaped", options };
}

async function findings(rule: Rule<any>, example: DocExample, files: Map<string, string> = new Map()): Promise<string[]> {
  const filePath = `/virtual/docs/${example.filename}`;
  const format = detectFormat(filePath) ?? "markdown";
  const bom = example.code.charCodeAt(0) === 0xfeff;
  const source = bom ? example.code.slice(1) : example.code;
  const document = parseDocument({ path: filePath, source, format, bom });
  const { messages } = await lintDocument(document, {
    rules: [{ rule, severity: 2, options: example.options }],
    settings: example.settings,
    services: {
      baseSource: async () => example.baseSource,
      baseRef: example.baseSource === undefined ? undefined : "HEAD",
      readFile: async (p: string) => files.get(p),
    },
    unusedDirectives: 0,
  });
  return messages.filter((m) => m.ruleId === rule.meta.id).map((m) => `${m.line}:${m.column} ${m.message}`);
}

describe.each(builtinRules.map((r) => [r.meta.id, r] as const))("docs of %s", (id, rule) => {
  const file = docPath(id);
  const rel = file ? path.relative(root, file) : `rules/${id}.md`;

  it("exist with the four sections", () => {
    expect(file, `${rel} is missing`).toBeDefined();
    const doc = parseRuleDoc(readFileSync(file!, "utf8"));
    expect(doc.errors, `${rel} cannot be read`).toEqual([]);
    const missing = REQUIRED_HEADINGS.filter((h) => !doc.headings.includes(h));
    expect(missing, `${rel} lacks these "## " headings`).toEqual([]);
    expect(doc.examples.some((e) => e.kind === "incorrect"), `${rel}: no fenced block after the word "Incorrect" under "## Examples"`).toBe(true);
    expect(doc.examples.some((e) => e.kind === "correct"), `${rel}: no fenced block after the word "Correct" under "## Examples"`).toBe(true);
  });

  it("name every option the rule takes, and list only options it takes", () => {
    if (!file) return; // reported by the first test
    const section = readFileSync(file, "utf8").split(/^## Options[ \t]*$/m)[1]?.split(/^## /m)[0] ?? "";
    const named = new Set([...section.matchAll(/`([A-Za-z][\w-]*)`/g)].map((m) => m[1]));
    const listed = [...section.matchAll(/^\s*[-*] `([A-Za-z][\w-]*)`/gm)].map((m) => m[1]!);
    const schema = rule.meta.schema as { properties?: Record<string, unknown> } | undefined;
    const options = Object.keys(schema?.properties ?? {});
    expect(options.filter((o) => !named.has(o)), `${rel}: options missing from "## Options"`).toEqual([]);
    expect(listed.filter((o) => !options.includes(o)), `${rel}: "## Options" lists options the rule does not take`).toEqual([]);
  });

  it("have examples that hold", async () => {
    if (!file) return; // reported by the test above
    const doc = parseRuleDoc(readFileSync(file, "utf8"));
    for (const example of doc.examples) {
      const found = await findings(rule, example, doc.contextFiles);
      if (example.kind === "incorrect") {
        expect(found.length, `${rel}:${example.line}: the Incorrect example (${example.filename}) produces no ${id} finding`).toBeGreaterThan(0);
      } else {
        expect(found, `${rel}:${example.line}: the Correct example (${example.filename}) produces ${id} findings`).toEqual([]);
      }
    }
  });
});

describe("parseRuleDoc", () => {
  it("reads markers, fences of any length, escapes and options", () => {
    const md = [
      "## What it does", "x", "## Why is this bad?", "y", "## Examples",
      "Incorrect:", "````prompt.md escaped {\"a\": 1}", "a\\u200bb", "```", "inner", "```", "````",
      "**Correct**", "~~~jsonl", "{}", "~~~", "## Options", "None.",
    ].join("\n");
    const doc = parseRuleDoc(md);
    expect(doc.errors).toEqual([]);
    expect(doc.headings).toEqual(["What it does", "Why is this bad?", "Examples", "Options"]);
    expect(doc.examples).toEqual([
      { kind: "incorrect", filename: "prompt.md", options: { a: 1 }, code: "a\u200bb\n```\ninner\n```\n", line: 7 },
      { kind: "correct", filename: "example.jsonl", options: undefined, code: "{}\n", line: 14 },
    ]);
  });

  it("reports a fence without a file name and an unclosed fence", () => {
    const doc = parseRuleDoc("## Examples\nIncorrect\n```\nx\n```\nCorrect\n```prompt.md\nopen");
    expect(doc.errors).toEqual([
      "line 3: example fence needs a file name as its info string (got \"\"), e.g. ```prompt.md",
      "line 7: code fence is never closed",
    ]);
  });
});
