/**
 * Markdown (also .prompt.md, .instructions.md, .mdc, AGENTS.md): a block-level mdast from markdown-it
 * (`markdown-blocks.ts`; CommonMark plus YAML frontmatter, no GFM tables). One verbatim segment per leaf block,
 * heading paths, HTML comments, few-shot examples, and template variables of every syntax the file uses.
 */
import type { Nodes, Root } from "mdast";
import type { Range, SegmentKind, SegmentRole } from "../model/document.js";
import { type DocumentBuilder, trimRange } from "./builder.js";
import { findExamples, type ExampleRegion } from "./examples.js";
import { declaredInputs, findFrontmatter, parseFrontmatterBlock } from "./frontmatter.js";
import { parseMarkdownBlocks } from "./markdown-blocks.js";
import { engineFromName, guessEngine, scanFString, scanTemplate, scanVscode } from "./prose.js";
import { parseText as parseAsText } from "./templated.js";

// GFM tables are left out on purpose: a table as one paragraph segment serves every rule.
export function parseMarkdownTree(source: string): Root {
  return parseMarkdownBlocks(source);
}

export interface Leaf {
  range: Range;
  kind: SegmentKind;
  path: string;
  /** Paragraph-like leaves may hold example markers (`User:` lines). */
  prose: boolean;
  /** A flow HTML node that is nothing but comments. */
  commentOnly?: boolean;
}

const start = (node: Nodes) => node.position?.start.offset ?? 0;
const end = (node: Nodes) => node.position?.end.offset ?? 0;

/** A node's text without markup, whitespace collapsed (heading paths; tests compare trees with it). */
export function plainText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if ("value" in n && typeof n.value === "string" && n.type !== "html") parts.push(n.value);
    if ("children" in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** HTML comments inside an HTML node's source, linear. */
function htmlComments(builder: DocumentBuilder, range: Range): void {
  const source = builder.source;
  let i = range[0];
  while (i < range[1]) {
    const open = source.indexOf("<!--", i);
    if (open === -1 || open >= range[1]) return;
    const close = source.indexOf("-->", open + 4);
    const stop = close === -1 || close + 3 > range[1] ? range[1] : close + 3;
    builder.comments.push({ value: source.slice(open + 4, close === -1 ? stop : close).trim(), range: [open, stop], syntax: "html" });
    i = stop;
  }
}

function isOnlyComments(source: string, range: Range): boolean {
  let i = range[0];
  let any = false;
  while (i < range[1]) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (!source.startsWith("<!--", i)) return false;
    const close = source.indexOf("-->", i + 4);
    if (close === -1 || close + 3 > range[1]) return false;
    i = close + 3;
    any = true;
  }
  return any;
}

/** Content lines of a fenced code block (without the fences); the whole node for indented code. */
function codeContent(source: string, range: Range): Range {
  let k = range[0];
  while (k < range[1] && source[k] === " ") k++;
  if (!source.startsWith("```", k) && !source.startsWith("~~~", k)) return range;
  const firstBreak = source.indexOf("\n", k);
  if (firstBreak === -1 || firstBreak >= range[1]) return [range[1], range[1]];
  const contentStart = firstBreak + 1;
  let lastLineStart = range[1];
  while (lastLineStart > contentStart && source[lastLineStart - 1] !== "\n") lastLineStart--;
  const lastLine = source.slice(lastLineStart, range[1]).trim();
  const contentEnd = lastLine.startsWith("```") || lastLine.startsWith("~~~") ? Math.max(contentStart, lastLineStart - 1) : range[1];
  return [contentStart, contentEnd];
}

/** Leaf blocks in document order with their heading paths; inline HTML comments are collected on the way. */
export function collectLeaves(builder: DocumentBuilder, root: Root): { leaves: Leaf[]; headings: { depth: number; text: string; range: Range }[] } {
  const source = builder.source;
  const leaves: Leaf[] = [];
  const headings: { depth: number; text: string; range: Range }[] = [];
  const trail: { depth: number; text: string }[] = [];
  const pathNow = () => trail.map((h) => h.text).join(" > ");
  const stack: Nodes[] = [...root.children].reverse() as Nodes[];
  while (stack.length) {
    const node = stack.pop()!;
    const range: Range = [start(node), end(node)];
    switch (node.type) {
      case "yaml":
      case "thematicBreak":
      case "definition":
        continue;
      case "heading": {
        const text = plainText(node);
        while (trail.length && trail[trail.length - 1]!.depth >= node.depth) trail.pop();
        trail.push({ depth: node.depth, text });
        headings.push({ depth: node.depth, text, range });
        inlineComments(node);
        const content = headingContent(source, range);
        leaves.push({ range: content, kind: "prose", path: pathNow(), prose: false });
        continue;
      }
      case "paragraph":
        inlineComments(node);
        leaves.push({ range, kind: "prose", path: pathNow(), prose: true });
        continue;
      case "tableCell":
        inlineComments(node);
        leaves.push({ range: cellContent(source, range), kind: "prose", path: pathNow(), prose: false });
        continue;
      case "code":
        leaves.push({ range: codeContent(source, range), kind: "code", path: pathNow(), prose: false });
        continue;
      case "html": {
        htmlComments(builder, range);
        const commentOnly = isOnlyComments(source, range);
        leaves.push({ range, kind: commentOnly ? "comment" : "html", path: pathNow(), prose: false, commentOnly });
        continue;
      }
      default:
        if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  return { leaves, headings };

  function inlineComments(node: Nodes) {
    const inline: Nodes[] = [node];
    while (inline.length) {
      const n = inline.pop()!;
      if (n.type === "html") htmlComments(builder, [start(n), end(n)]);
      if ("children" in n) for (const child of n.children) inline.push(child as Nodes);
    }
  }
}

/** A table cell's text without its pipes. */
function cellContent(source: string, range: Range): Range {
  let [s, e] = trimRange(source, range);
  if (source[s] === "|") s++;
  if (e > s && source[e - 1] === "|" && source[e - 2] !== "\\") e--;
  return trimRange(source, [s, e]);
}

/** ATX heading text without the `#` marks (setext headings keep their underline out too). */
function headingContent(source: string, range: Range): Range {
  let s = range[0];
  let e = range[1];
  const lineBreak = source.indexOf("\n", s);
  if (lineBreak !== -1 && lineBreak < e) e = lineBreak; // setext: first line only (multi-line setext is rare)
  while (s < e && source[s] === " ") s++;
  if (source[s] === "#") {
    while (s < e && source[s] === "#") s++;
    // Closing sequence: ` ##` at the end.
    let k = e;
    while (k > s && (source[k - 1] === " " || source[k - 1] === "\t")) k--;
    let h = k;
    while (h > s && source[h - 1] === "#") h--;
    if (h < k && (h === s || source[h - 1] === " " || source[h - 1] === "\t")) e = h;
  }
  return trimRange(source, [s, e]);
}

/** Deeper nesting makes CommonMark parsing quadratic (each level re-scans the lines below it). */
const MAX_CONTAINER_DEPTH = 64;

/** The first line whose block-quote/list markers nest deeper than the limit (line-prefix scan, linear). */
function tooDeep(source: string): Range | undefined {
  let lineStart = 0;
  while (lineStart < source.length) {
    let k = lineStart;
    let depth = 0;
    for (;;) {
      let spaces = 0;
      while (spaces < 4 && source[k] === " ") {
        k++;
        spaces++;
      }
      const c = source[k];
      if (c === ">") k++;
      else if ((c === "-" || c === "*" || c === "+") && (source[k + 1] === " " || source[k + 1] === "\t")) k += 2;
      else if (c !== undefined && c >= "0" && c <= "9") {
        let d = k;
        while (d < k + 9 && source[d]! >= "0" && source[d]! <= "9") d++;
        if ((source[d] === "." || source[d] === ")") && source[d + 1] === " ") k = d + 2;
        else break;
      } else break;
      if (++depth > MAX_CONTAINER_DEPTH) return [lineStart, k];
    }
    const next = source.indexOf("\n", k);
    if (next === -1) break;
    lineStart = next + 1;
  }
  return undefined;
}

export function parseMarkdown(builder: DocumentBuilder): void {
  const source = builder.source;
  const deep = tooDeep(source);
  if (deep) {
    builder.problem("structure", `Unexpected block nesting deeper than ${MAX_CONTAINER_DEPTH} levels, expected shallower lists and quotes; the file was read as plain text`, deep);
    parseAsText(builder);
    return;
  }
  let root: Root;
  try {
    root = parseMarkdownTree(source);
  } catch (error) {
    builder.problem("structure", `Markdown could not be parsed: ${(error as Error).message}`, [0, Math.min(source.length, 1)]);
    parseAsText(builder);
    return;
  }
  builder.mdast = root;
  const first = root.children[0];
  if (first?.type === "yaml") {
    const fence = findFrontmatter(source, false);
    if (fence && !("unclosed" in fence)) {
      builder.body = [fence.bodyStart, source.length];
      parseFrontmatterBlock(builder, fence);
      builder.inputs = declaredInputs(builder.frontmatter);
    }
  }
  // Templates: frontmatter may name the engine (`template_format: f-string`, `template: jinja2`).
  const data = builder.frontmatter?.data as Record<string, unknown> | undefined;
  const declared = data && typeof data === "object" ? engineFromName(data.template_format ?? data.templateFormat ?? data.template_engine ?? data.template) : undefined;
  const engine = declared ?? guessEngine(source, builder.body);
  // Template comments (`{# #}`) land in `comments`; the prose itself comes from the mdast leaves.
  if (engine === "fstring") scanFString(builder, builder.body);
  else scanTemplate(builder, builder.body, engine);
  scanVscode(builder, builder.body);

  const { leaves, headings } = collectLeaves(builder, root);
  const regions = findExamples(source, leaves, headings, builder.body);
  emitSegments(builder, leaves, regions);
}

/** Leaf segments minus the parts examples own, then the example parts. */
function emitSegments(builder: DocumentBuilder, leaves: Leaf[], regions: ExampleRegion[]): void {
  const source = builder.source;
  const role: SegmentRole = builder.proseRole;
  const owned: { range: Range; example: number }[] = [];
  for (const region of regions) {
    const index = builder.examples.length;
    const example = { range: region.range, inputs: [] as number[], outputs: [] as number[], origin: "markdown" as const };
    builder.examples.push(example);
    for (const part of region.parts) {
      const seg = builder.addVerbatim(part.content, part.side === "input" ? "example-input" : "example-output", "prose", {
        path: region.path,
        example: index,
      });
      if (seg !== -1) (part.side === "input" ? example.inputs : example.outputs).push(seg);
    }
    for (const o of region.owned) owned.push({ range: o, example: index });
  }
  owned.sort((a, b) => a.range[0] - b.range[0]);
  const htmlComments = builder.comments.filter((c) => c.syntax === "html").sort((a, b) => a.range[0] - b.range[0]);
  let o = 0;
  let r = 0;
  let c = 0;
  for (const leaf of leaves) {
    // Pieces of the leaf outside every owned range (owned ranges are sorted and disjoint).
    while (o < owned.length && owned[o]!.range[1] <= leaf.range[0]) o++;
    let pos = leaf.range[0];
    let k = o;
    const pieces: Range[] = [];
    while (k < owned.length && owned[k]!.range[0] < leaf.range[1]) {
      const r = owned[k]!.range;
      if (r[0] > pos) pieces.push([pos, r[0]]);
      pos = Math.max(pos, r[1]);
      k++;
    }
    if (pos < leaf.range[1]) pieces.push([pos, leaf.range[1]]);
    while (r < regions.length && regions[r]!.range[1] <= leaf.range[0]) r++;
    const region = regions[r];
    const inRegion = region && region.range[0] <= leaf.range[0] && leaf.range[1] <= region.range[1] ? r : -1;
    for (const piece of pieces) {
      const trimmed = leaf.kind === "code" ? piece : trimRange(source, piece);
      if (trimmed[1] <= trimmed[0]) continue;
      if (leaf.commentOnly) {
        while (c < htmlComments.length && htmlComments[c]!.range[0] < trimmed[0]) c++;
        for (; c < htmlComments.length && htmlComments[c]!.range[1] <= trimmed[1]; c++) emitComment(builder, htmlComments[c]!.range);
        continue;
      }
      const extra: { path?: string; example?: number } = {};
      if (leaf.path) extra.path = leaf.path;
      if (inRegion !== -1 && pieces.length < 50) extra.example = inRegion;
      builder.addVerbatim(trimmed, role, leaf.kind, extra);
    }
  }
}

function emitComment(builder: DocumentBuilder, range: Range): void {
  let s = range[0] + 4;
  let e = range[1];
  if (builder.source.startsWith("-->", e - 3) && e - 3 >= s) e -= 3;
  [s, e] = trimRange(builder.source, [s, e]);
  if (e > s) builder.addVerbatim([s, e], "comment", "comment");
}
