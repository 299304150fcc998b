/** Fenced code blocks of the project's documentation, read with remark (CommonMark), for the docs tests. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Code, Heading, Root, RootContent } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface CodeBlock {
  /** Repository-relative path of the markdown file. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  meta: string;
  text: string;
  /** Text of the nearest `## ` heading above the block. */
  section: string;
  /** The paragraph right before the block (often says what the block is). */
  lead: string;
}

/** README.md, docs/*.md and rules/**.md: the documentation that ships or that users read. */
export function documentationFiles(): string[] {
  const rules: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith(".md")) rules.push(rel);
    }
  };
  walk("rules");
  const docs = readdirSync(path.join(ROOT, "docs")).filter((n) => n.endsWith(".md")).map((n) => `docs/${n}`);
  return ["README.md", ...docs.sort(), ...rules.sort()];
}

const processor = unified().use(remarkParse);

function plainText(node: RootContent | Root): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as RootContent[]).map(plainText).join("");
  return "";
}

/** Every fenced block of a markdown file, nested ones (in lists, quotes) included. */
export function codeBlocks(file: string, markdown = readFileSync(path.join(ROOT, file), "utf8")): CodeBlock[] {
  const tree = processor.parse(markdown);
  const out: CodeBlock[] = [];
  let section = "";
  let lead = "";
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "heading" && (node as Heading).depth === 2) section = plainText(node);
      if (node.type === "paragraph") lead = plainText(node);
      if (node.type === "code") {
        const code = node as Code;
        out.push({ file, line: code.position!.start.line, lang: code.lang ?? "", meta: code.meta ?? "", text: code.value, section, lead });
      } else if ("children" in node) {
        visit(node.children as RootContent[]);
      }
    }
  };
  visit(tree.children);
  return out;
}
