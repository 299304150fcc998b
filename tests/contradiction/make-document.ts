/**
 * A stand-in for the real parser, used by the contradiction tests and benchmark when `src/parse` is not
 * available: markdown tree, frontmatter range and markdown few-shot examples. It prefers the real parser.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkFrontmatter from "remark-frontmatter";
import { parse as parseYaml } from "yaml";
import type { FewShotExample, PromptDocument, Segment } from "../../src/model/document.js";
import { LineIndex } from "../../src/model/line-index.js";
import { OffsetMap } from "../../src/model/offset-map.js";

let realParser: ((input: { path: string; source: string; format: any; bom: boolean }) => PromptDocument) | null | undefined;
let realDetect: ((path: string) => any) | undefined;

async function loadRealParser(): Promise<void> {
  if (realParser !== undefined) return;
  try {
    const parse = await import("../../src/parse/index.js" as string);
    const detect = await import("../../src/parse/detect.js" as string);
    realParser = parse.parseDocument;
    realDetect = detect.detectFormat;
  } catch {
    realParser = null;
  }
}

export async function makeDocumentAsync(path: string, source: string): Promise<PromptDocument> {
  await loadRealParser();
  if (realParser) {
    const format = realDetect?.(path) ?? "markdown";
    return realParser({ path, source, format, bom: false });
  }
  return makeDocument(path, source);
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]);

export function makeDocument(path: string, source: string): PromptDocument {
  const mdast = processor.parse(source);
  const lines = new LineIndex(source);
  let body: [number, number] = [0, source.length];
  let frontmatter: PromptDocument["frontmatter"];
  const first = mdast.children[0];
  if (first && first.type === "yaml" && first.position) {
    const end = first.position.end.offset!;
    body = [end, source.length];
    const contentStart = source.indexOf("\n", 0) + 1;
    const contentEnd = source.lastIndexOf("\n---", end);
    let data: unknown;
    try {
      data = parseYaml((first as { value: string }).value);
    } catch {
      data = undefined;
    }
    frontmatter = { range: [0, end], contentRange: [contentStart, Math.max(contentStart, contentEnd)], data, keys: new Map(), errors: [] };
  }
  const segments: Segment[] = [];
  const examples: FewShotExample[] = [];
  // Markdown example blocks: <example> ... </example> with User:/Assistant: or Input:/Output: lines.
  for (const m of source.matchAll(/<example>([\s\S]*?)<\/example>/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    const inner = m[1]!;
    const innerStart = start + "<example>".length;
    const marker = /^(?:User|Input|Customer|Q|Human)\s*:|^(?:Assistant|Output|Agent|A|AI|Bot)\s*:/gim;
    const parts: { role: "in" | "out"; start: number }[] = [];
    for (const mm of inner.matchAll(marker)) {
      parts.push({ role: /^(?:User|Input|Customer|Q|Human)/i.test(mm[0]) ? "in" : "out", start: mm.index! + mm[0].length });
    }
    const ex: FewShotExample = { range: [start, end], inputs: [], outputs: [], origin: "markdown" };
    parts.forEach((p, i) => {
      const stop = i + 1 < parts.length ? inner.lastIndexOf("\n", parts[i + 1]!.start) : inner.length;
      let s = p.start;
      let e = Math.max(s, stop);
      while (s < e && /\s/.test(inner[s]!)) s++;
      while (e > s && /\s/.test(inner[e - 1]!)) e--;
      const segIndex = segments.length;
      segments.push({
        text: inner.slice(s, e),
        role: p.role === "in" ? "example-input" : "example-output",
        kind: "prose",
        range: [innerStart + s, innerStart + e],
        map: OffsetMap.verbatim(innerStart + s),
        example: examples.length,
      });
      (p.role === "in" ? ex.inputs : ex.outputs).push(segIndex);
    });
    examples.push(ex);
  }
  return {
    path,
    source,
    format: /\.(?:txt|cursorrules)$/.test(path) ? "text" : "markdown",
    bom: false,
    lines,
    frontmatter,
    mdast,
    body,
    segments,
    variables: [],
    tags: [],
    examples,
    comments: [],
    problems: [],
    isInstructionFile: false,
  };
}
