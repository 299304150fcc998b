/**
 * A block-level mdast tree from markdown-it's block parser (CommonMark, no GFM tables, YAML frontmatter),
 * about ten times faster than building the full tree with micromark. Every node carries exact UTF-16 source
 * offsets; inline content is parsed only where a consumer needs it:
 * - headings get their plain text as one `text` child (what mdast's text nodes would join to);
 * - inline HTML that contains `<!--` in a paragraph or heading becomes an `html` child with its source range.
 * Other inline content (emphasis, links, code spans) is not represented: paragraphs hold no other children.
 * Containers (lists, list items, block quotes) span from their marker to the end of their last child.
 */
import markdownIt, { type Env, type MarkdownIt, type StateBlock, type StateInline, type Token } from "markdown-it";
import type { Blockquote, Code, Definition, Heading, Html, List, ListItem, Paragraph, Parent, Root, RootContent, Text, ThematicBreak, Yaml } from "mdast";
import { closedFrontmatterFence } from "./frontmatter-fence.js";

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** Where a node sits in the original source, set on the token by the rule wrappers. */
type Span = {
  start: number;
  end: number;
  /** Line of `end` in the original source (0-based) and of `start`. */
  startLine: number;
  endLine: number;
  /** Inline content that needs a pass, with a map from content offsets to source offsets. */
  inline?: InlineSource;
};

/** One source line's share of a paragraph's or heading's inline content. */
interface Piece {
  /** Offset in the (untrimmed) content string where this line's text starts. */
  at: number;
  /** markdown-it source offset of the first character taken from the line. */
  from: number;
  /** Spaces markdown-it put in front for a partly consumed tab. */
  pad: number;
  line: number;
}

interface InlineSource {
  content: string;
  /** Characters `asciiTrim` removed from the front of the joined lines. */
  lead: number;
  pieces: Piece[];
}

/** Per-parse mapping from markdown-it's source (body only, line endings normalised) to the original source. */
interface Context {
  source: string;
  /** Original offset of markdown-it offset 0 when no line ending was rewritten. */
  base: number;
  /** Original line number of markdown-it line 0. */
  baseLine: number;
  /** Pristine line starts of markdown-it's source. */
  mdLineStarts: number[];
  /** Line starts of the original source (only when line endings were rewritten). */
  origLineStarts: number[] | undefined;
  /** The whole document was handed over without containers around the top level. */
  lineMax: number;
}

let ctx: Context | undefined;

function origLineStart(c: Context, line: number): number {
  return c.origLineStarts ? c.origLineStarts[line + c.baseLine]! : c.base + c.mdLineStarts[line]!;
}

/** markdown-it offset `off` on markdown-it line `line` -> original offset. */
function toOrig(c: Context, line: number, off: number): number {
  return origLineStart(c, line) + (off - c.mdLineStarts[line]!);
}

function isBlank(state: StateBlock, line: number): boolean {
  return state.bMarks[line]! + state.tShift[line]! >= state.eMarks[line]!;
}

/** First non-blank character of a line within its container. */
const contentStart = (state: StateBlock, line: number) => state.bMarks[line]! + state.tShift[line]!;

/**
 * Where a block that keeps its own indentation (indented code, HTML) starts: the container's content column.
 * Spaces are columns; a tab in the indentation is walked column by column.
 */
function indentStart(state: StateBlock, line: number): number {
  const first = contentStart(state, line);
  let extra = state.sCount[line]! - state.blkIndent;
  if (extra <= 0) return first;
  const src = state.src;
  let k = first;
  while (extra > 0 && k > state.bMarks[line]! && src.charCodeAt(k - 1) === 32) {
    extra--;
    k--;
  }
  if (extra <= 0 || src.charCodeAt(k - 1) !== 9) return k;
  // A tab in the indentation: count columns forward from the start of the whitespace run.
  let w = k;
  while (w > state.bMarks[line]! && (src.charCodeAt(w - 1) === 32 || src.charCodeAt(w - 1) === 9)) w--;
  if (w !== state.bMarks[line]!) return w;
  let col = 0;
  let p = w;
  while (p < first && col < state.blkIndent) {
    col += src.charCodeAt(p) === 9 ? 4 - ((col + state.bsCount[line]!) % 4) : 1;
    p++;
  }
  return p;
}

function span(state: StateBlock, startLine: number, start: number, lastLine: number, end: number): Span {
  const c = ctx!;
  return { start: toOrig(c, startLine, start), end: toOrig(c, lastLine, end), startLine: startLine + c.baseLine, endLine: lastLine + c.baseLine };
}

/** Lines `[begin, end)` as markdown-it's `getLines(begin, end, indent, false)` joins them, with a source map. */
function inlineSource(state: StateBlock, begin: number, end: number, indent: number): InlineSource {
  const src = state.src;
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let at = 0;
  for (let line = begin; line < end; line++) {
    let lineIndent = 0;
    const lineStart = state.bMarks[line]!;
    let first = lineStart;
    const last = line + 1 < end ? state.eMarks[line]! + 1 : state.eMarks[line]!;
    while (first < last && lineIndent < indent) {
      const ch = src.charCodeAt(first);
      if (ch === 32 || ch === 9) {
        if (ch === 9) lineIndent += 4 - ((lineIndent + state.bsCount[line]!) % 4);
        else lineIndent++;
      } else if (first - lineStart < state.tShift[line]!) lineIndent++;
      else break;
      first++;
    }
    const pad = lineIndent > indent ? lineIndent - indent : 0;
    const text = (pad ? " ".repeat(pad) : "") + src.slice(first, last);
    pieces.push({ at, from: first, pad, line });
    parts.push(text);
    at += text.length;
  }
  return trimmed(parts.join(""), pieces);
}

function trimmed(raw: string, pieces: Piece[]): InlineSource {
  let s = 0;
  let e = raw.length;
  while (s < e && isAsciiSpace(raw.charCodeAt(s))) s++;
  while (e > s && isAsciiSpace(raw.charCodeAt(e - 1))) e--;
  return { content: raw.slice(s, e), lead: s, pieces };
}

/** markdown-it's `asciiTrim` set: tab, LF, VT, FF, CR, space. */
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** Content offset -> original source point. */
function mapInline(source: InlineSource, offset: number): { line: number; column: number; offset: number } {
  const at = offset + source.lead;
  const pieces = source.pieces;
  let i = pieces.length - 1;
  while (i > 0 && pieces[i]!.at > at) i--;
  const p = pieces[i]!;
  const local = at - p.at;
  const from = local < p.pad ? p.from : p.from + (local - p.pad);
  const c = ctx!;
  const lineStart = origLineStart(c, p.line);
  const orig = lineStart + (from - c.mdLineStarts[p.line]!);
  return { line: p.line + c.baseLine + 1, column: orig - lineStart + 1, offset: orig };
}

function wrapBlock(md: MarkdownIt, name: string, after: (state: StateBlock, startLine: number, first: Token, firstIndex: number) => void): void {
  const ruler = md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule; alt: string[] }[] };
  const entry = ruler.__rules__.find((r) => r.name === name);
  if (!entry) throw new Error(`markdown-it has no block rule ${name}`);
  const original = entry.fn;
  const wrapped: BlockRule = (state, startLine, endLine, silent) => {
    const before = state.tokens.length;
    const container = name === "list" || name === "blockquote";
    if (container) containers.push(name);
    let ok: boolean;
    try {
      ok = original(state, startLine, endLine, silent);
    } finally {
      if (container) containers.pop();
    }
    if (ok && !silent && state.tokens.length > before) after(state, startLine, state.tokens[before]!, before);
    return ok;
  };
  md.block.ruler.at(name, wrapped, { alt: entry.alt });
}

/** markdown-it's line-based block parser with positions recorded on the tokens. */
function createParser(): MarkdownIt {
  const md = markdownIt("commonmark", { html: true, maxNesting: 1_000_000 });
  // Heading text is the link text as written: no URL validation or normalisation.
  md.validateLink = () => true;
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (url) => url;

  wrapBlock(md, "paragraph", (state, startLine, token) => {
    const last = state.line - 1;
    const s = span(state, startLine, contentStart(state, startLine), last, state.eMarks[last]!);
    const from = state.bMarks[startLine]!;
    const to = state.eMarks[last]!;
    const at = state.src.indexOf("<!--", from);
    if (at !== -1 && at < to) s.inline = inlineSource(state, startLine, state.line, state.blkIndent);
    token.meta = s;
  });
  wrapBlock(md, "heading", (state, startLine, token, index) => {
    const s = span(state, startLine, contentStart(state, startLine), startLine, state.eMarks[startLine]!);
    // The heading text sits on one line after the `#` marks: one piece maps it.
    const text = state.tokens[index + 1]!.content;
    s.inline = { content: text, lead: 0, pieces: [{ at: 0, from: headingTextStart(state, startLine), pad: 0, line: startLine }] };
    token.meta = s;
  });
  wrapBlock(md, "lheading", (state, startLine, token) => {
    const underline = state.line - 1;
    const s = span(state, startLine, contentStart(state, startLine), underline, state.eMarks[underline]!);
    s.inline = inlineSource(state, startLine, underline, state.blkIndent);
    token.meta = s;
  });
  wrapBlock(md, "code", (state, startLine, token) => {
    let last = state.line - 1;
    // micromark keeps lines of nothing but indentation (four columns or more) that follow the code in it.
    while (last + 1 < state.lineMax && isBlank(state, last + 1) && state.sCount[last + 1]! - state.blkIndent >= 4 && state.eMarks[last + 1]! > state.bMarks[last + 1]!) last++;
    token.meta = span(state, startLine, indentStart(state, startLine), last, state.eMarks[last]!);
  });
  wrapBlock(md, "fence", (state, startLine, token) => {
    const closed = closingFence(state, token);
    token.meta = leafToEnd(state, startLine, contentStart(state, startLine), closed);
  });
  wrapBlock(md, "html_block", (state, startLine, token) => {
    if (lazyHtmlLines.has(startLine)) {
      // A tag line that ended a paragraph lazily is one line long: the next line is lazy too (micromark).
      state.line = startLine + 1;
      token.map = [startLine, startLine + 1];
      const s = span(state, startLine, indentStart(state, startLine), startLine, state.eMarks[startLine]!);
      token.meta = { ...s, lazy: true };
      return;
    }
    token.meta = leafToEnd(state, startLine, indentStart(state, startLine), htmlClosed(state, startLine));
  });
  wrapBlock(md, "hr", (state, startLine, token) => {
    token.meta = span(state, startLine, contentStart(state, startLine), startLine, state.eMarks[startLine]!);
  });
  // Link reference definitions leave no token; one is added so the tree keeps them as `definition` nodes.
  const reference = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule; alt: string[] }[] }).__rules__.find((r) => r.name === "reference")!;
  const referenceRule = reference.fn;
  md.block.ruler.at(
    "reference",
    (state, startLine, endLine, silent) => {
      const ok = referenceRule(state, startLine, endLine, silent);
      if (ok && !silent) {
        const last = state.line - 1;
        const previous = state.tokens[state.tokens.length - 1];
        const token = state.push("definition", "", 0);
        token.map = [startLine, state.line];
        const own = span(state, startLine, contentStart(state, startLine), last, state.eMarks[last]!);
        // micromark starts a setext heading that follows definitions at the first of them.
        const run = previous?.type === "definition" && previous.map![1] === startLine ? (previous.meta as unknown as Span & { run: Span }).run : own;
        token.meta = { ...own, run };
        continueParagraph(state, endLine, run);
      }
      return ok;
    },
    { alt: reference.alt },
  );
  wrapBlock(md, "blockquote", (state, startLine, token) => {
    token.meta = span(state, startLine, contentStart(state, startLine), startLine, contentStart(state, startLine) + 1);
  });
  wrapBlock(md, "list", (state, startLine, token, index) => {
    const level = token.level + 1;
    for (let i = index; i < state.tokens.length; i++) {
      const t = state.tokens[i]!;
      if (t.type !== "list_item_open" || t.level !== level) continue;
      const line = t.map![0];
      const marker = contentStart(state, line);
      t.meta = span(state, line, marker, line, marker + (t.markup.length || 1));
    }
    token.meta = (state.tokens[index + 1]!.meta as unknown as Span | undefined) ?? span(state, startLine, contentStart(state, startLine), startLine, contentStart(state, startLine));
  });

  // Content indents of the nested contexts (the document, list items, block quote content), to read lazy lines.
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    indents.push(containers[containers.length - 1] === "blockquote" ? -1 : state.blkIndent);
    try {
      tokenize(state, startLine, endLine);
    } finally {
      indents.pop();
    }
  };
  for (const name of ["fence", "blockquote", "hr", "list", "html_block", "heading"]) {
    const entry = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule; alt: string[] }[] }).__rules__.find((r) => r.name === name)!;
    const rule = entry.fn;
    md.block.ruler.at(
      name,
      (state, line, endLine, silent) => {
        if (silent && (state.parentType === "paragraph" || state.parentType === "blockquote")) {
          const lazy = lazyIndent(state, line);
          if (lazy !== undefined) {
            // A lazy line is read where it really sits: four columns past the container it continues is no block start.
            if (lazy >= 4) return false;
            // micromark lets a complete HTML tag line start a block on a lazy line.
            if (name === "html_block" && !rule(state, line, endLine, true) && isHtmlTagLine(state, line)) {
              lazyHtmlLines.add(line);
              return true;
            }
          }
        }
        return rule(state, line, endLine, silent);
      },
      { alt: entry.alt },
    );
  }
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule }[] }).__rules__;
  const lheadingRule = rules.find((r) => r.name === "lheading")!.fn;
  const paragraphRule = rules.find((r) => r.name === "paragraph")!.fn;
  /**
   * CommonMark reads definitions off the start of a paragraph, so the lines after one are still that paragraph:
   * indented code, a lone HTML tag or a list that cannot interrupt a paragraph do not start there.
   */
  function continueParagraph(state: StateBlock, endLine: number, run: Span): void {
    const next = state.line;
    if (next >= endLine || isBlank(state, next) || state.sCount[next]! < state.blkIndent) return;
    if (referenceRule(state, next, endLine, true)) return; // another definition
    const parentType = state.parentType;
    state.parentType = "paragraph";
    const terminators = md.block.ruler.getRules("paragraph");
    const interrupted = terminators.some((rule) => rule(state, next, endLine, true));
    state.parentType = parentType;
    if (interrupted) return;
    const before = state.tokens.length;
    if (lheadingRule(state, next, endLine, false)) {
      const heading = state.tokens[before]!.meta as unknown as Span;
      heading.start = run.start;
      heading.startLine = run.startLine;
    } else paragraphRule(state, next, endLine, false);
  }

  // Inline HTML positions: the rule records where in the content each tag started.
  const inlineRuler = md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule; alt: string[] }[] };
  const html = inlineRuler.__rules__.find((r) => r.name === "html_inline")!;
  const htmlInline = html.fn;
  md.inline.ruler.at(
    "html_inline",
    (state, silent) => {
      const pos = state.pos;
      const ok = htmlInline(state, silent);
      if (ok && !silent) state.tokens[state.tokens.length - 1]!.meta = { pos };
      return ok;
    },
    { alt: html.alt },
  );
  return md;
}

/** Start of an ATX heading's text on its line (markdown-it trims it; the same trim applies here). */
function headingTextStart(state: StateBlock, line: number): number {
  const src = state.src;
  let pos = contentStart(state, line);
  while (src.charCodeAt(pos) === 35) pos++;
  while (pos < state.eMarks[line]! && isAsciiSpace(src.charCodeAt(pos))) pos++;
  return pos;
}

/** Whether a fence found its closing line (markdown-it only says so through the line count). */
function closingFence(state: StateBlock, token: Token): boolean {
  const last = state.line - 1;
  if (last === token.map![0]) return false;
  const src = state.src;
  let pos = contentStart(state, last);
  const max = state.eMarks[last]!;
  const marker = token.markup.charCodeAt(0);
  if (src.charCodeAt(pos) !== marker || state.sCount[last]! - state.blkIndent >= 4) return false;
  const mem = pos;
  while (pos < max && src.charCodeAt(pos) === marker) pos++;
  if (pos - mem < token.markup.length) return false;
  while (pos < max && (src.charCodeAt(pos) === 32 || src.charCodeAt(pos) === 9)) pos++;
  return pos >= max;
}

/** HTML block kinds 1–5 end at a closing sequence; this says whether it was found. */
const HTML_ENDS: [RegExp, RegExp][] = [
  [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /<\/(script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

function htmlClosed(state: StateBlock, startLine: number): boolean {
  const first = state.src.slice(contentStart(state, startLine), state.eMarks[startLine]);
  const kind = HTML_ENDS.find(([open]) => open.test(first));
  if (!kind) return true; // kinds 6 and 7 end at a blank line
  for (let line = startLine; line < state.line; line++) {
    if (kind[1].test(state.src.slice(contentStart(state, line), state.eMarks[line]))) return true;
  }
  return false;
}

/**
 * Where an unclosed fence or HTML block ends, as micromark places it: at the top level it runs to the end of the
 * file, line breaks included. Inside containers it ends with its last line, and takes that line's break too when
 * the next line is not a lazy one (a new list item or quote marker, or the end of a file with only lists open).
 */
function leafToEnd(state: StateBlock, startLine: number, start: number, closed: boolean): Span {
  const c = ctx!;
  const last = state.line - 1;
  const s = span(state, startLine, start, last, state.eMarks[last]!);
  if (closed) return s;
  const next = state.line;
  if (next >= c.lineMax) {
    if (!containers.includes("blockquote")) s.end = fileEnd(c.source);
    return s;
  }
  if (containers.length === 0) {
    s.end = fileEnd(c.source);
    return s;
  }
  if (state.sCount[next]! - state.blkIndent < 4 && startsContainer(state.src, state.bMarks[next]! + state.tShift[next]!, state.eMarks[next]!)) {
    s.end = origLineStart(c, next);
  }
  return s;
}

/** End of the file, before trailing spaces and tabs on a last line that holds nothing else. */
function fileEnd(source: string): number {
  let k = source.length;
  while (k > 0 && (source.charCodeAt(k - 1) === 32 || source.charCodeAt(k - 1) === 9)) k--;
  const c = source.charCodeAt(k - 1);
  return k === source.length || k === 0 || c === 10 || c === 13 ? k : source.length;
}

/** A block quote marker or a list item marker at `pos`. */
function startsContainer(src: string, pos: number, max: number): boolean {
  const c = src.charCodeAt(pos);
  if (c === 62) return true;
  const after = (k: number) => k >= max || src.charCodeAt(k) === 32 || src.charCodeAt(k) === 9;
  if (c === 45 || c === 42 || c === 43) return after(pos + 1);
  let k = pos;
  while (k < max && k - pos < 10 && src.charCodeAt(k) >= 48 && src.charCodeAt(k) <= 57) k++;
  if (k === pos || k - pos > 9) return false;
  const d = src.charCodeAt(k);
  return (d === 46 || d === 41) && after(k + 1);
}

/** Lines where a lazy HTML tag line ended a paragraph (markdown-it line numbers, for the current parse). */
const lazyHtmlLines = new Set<number>();

/** Content indent of each open tokenize context (-1 for block quote content), outermost first. */
const indents: number[] = [];

/**
 * For a line that does not continue the innermost container: its indent past the deepest container it does
 * continue. Undefined when the line is not lazy.
 */
function lazyIndent(state: StateBlock, line: number): number | undefined {
  const col = state.sCount[line]!;
  if (col < 0 || isBlank(state, line)) return undefined;
  // Inside a paragraph a line at the container's indent or deeper is not lazy; a block quote asks only about lazy lines.
  if (state.parentType === "paragraph" && col >= state.blkIndent) return undefined;
  let base = 0;
  for (let i = indents.length - 1; i >= 0; i--) {
    const indent = indents[i]!;
    if (indent === -1) break;
    if (indent <= col) {
      base = indent;
      break;
    }
  }
  return col - base;
}

const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
/** HTML block kind 7: one complete open or closing tag alone on the line (CommonMark). */
const HTML_TAG_LINE = new RegExp(`^(?:<[A-Za-z][A-Za-z0-9\\-]*${ATTRIBUTE}*\\s*\\/?>|<\\/[A-Za-z][A-Za-z0-9\\-]*\\s*>)\\s*$`);

function isHtmlTagLine(state: StateBlock, line: number): boolean {
  const pos = state.bMarks[line]! + state.tShift[line]!;
  if (state.src.charCodeAt(pos) !== 60) return false;
  const text = state.src.slice(pos, state.eMarks[line]);
  return text.length < 10_000 && HTML_TAG_LINE.test(text) && !/^<\/?(?:script|pre|style|textarea)\b/i.test(text);
}

/** Kinds of the containers the block rules are inside right now, outermost first. */
const containers: string[] = [];

let parser: MarkdownIt | undefined;

/** Closing offset of a YAML frontmatter block at the very start (the end of its closing `---` line), or -1. */
function frontmatterEnd(source: string): number {
  return closedFrontmatterFence(source)?.range[1] ?? -1;
}

function lineStartsOf(text: string, from: number): number[] {
  const starts = [from];
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Block-level mdast of a markdown document (see the module comment for what it holds). */
export function parseMarkdownBlocks(source: string): Root {
  parser ??= createParser();
  const md = parser;
  const root: Root = { type: "root", children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: pointAt(source, source.length) } };
  let bodyStart = 0;
  let baseLine = 0;
  const fmEnd = frontmatterEnd(source);
  if (fmEnd !== -1) {
    const yaml: Yaml = { type: "yaml", value: "", position: { start: { line: 1, column: 1, offset: 0 }, end: pointAt(source, fmEnd) } };
    const open = lineEndAfter(source, 0);
    const closeLineStart = source.lastIndexOf("\n", fmEnd - 1);
    const closeStart = Math.max(closeLineStart, source.lastIndexOf("\r", fmEnd - 1)) + 1;
    yaml.value = closeStart > open ? source.slice(open, Math.max(open, closeStart)).replace(/\r?\n$|\r$/, "") : "";
    root.children.push(yaml);
    bodyStart = fmEnd === source.length ? fmEnd : fmEnd + (source.charCodeAt(fmEnd) === 13 && source.charCodeAt(fmEnd + 1) === 10 ? 2 : 1);
    baseLine = lineStartsOf(source.slice(0, bodyStart), 0).length - 1;
  }
  let body = bodyStart === 0 ? source : source.slice(bodyStart);
  let origLineStarts: number[] | undefined;
  if (body.includes("\r")) {
    origLineStarts = lineStartsOf(source, 0);
    body = body.replace(/\r\n?/g, "\n");
  }
  if (body.length === 0) return root;
  const env: Env = {};
  const tokens: Token[] = [];
  const state = new md.block.State(body, md, env, tokens);
  ctx = { source, base: bodyStart, baseLine, mdLineStarts: state.bMarks.slice(), origLineStarts, lineMax: state.lineMax };
  lazyHtmlLines.clear();
  try {
    md.block.tokenize(state, state.line, state.lineMax);
    buildTree(root, tokens, md, env, source);
  } finally {
    ctx = undefined;
  }
  return root;
}

function lineEndAfter(source: string, i: number): number {
  while (i < source.length && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
  return i + (source.charCodeAt(i) === 13 && source.charCodeAt(i + 1) === 10 ? 2 : 1);
}

/** 1-based line/column of an offset, counting `\r\n`, `\r` and `\n` as line endings. */
function pointAt(source: string, offset: number): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

function position(s: Span) {
  const c = ctx!;
  const startCol = s.start - (c.origLineStarts ? c.origLineStarts[s.startLine]! : c.base + c.mdLineStarts[s.startLine - c.baseLine]!) + 1;
  const endCol = s.end - (c.origLineStarts ? c.origLineStarts[s.endLine]! : c.base + c.mdLineStarts[s.endLine - c.baseLine]!) + 1;
  return { start: { line: s.startLine + 1, column: startCol, offset: s.start }, end: { line: s.endLine + 1, column: endCol, offset: s.end } };
}

function buildTree(root: Root, tokens: Token[], md: MarkdownIt, env: Env, source: string): void {
  const stack: Parent[] = [root];
  const top = () => stack[stack.length - 1]!;
  const closeContainer = () => {
    const node = stack.pop()!;
    const last = node.children[node.children.length - 1];
    if (last?.position && node.position) {
      node.position.end = { ...last.position.end };
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const meta = t.meta as unknown as Span | undefined;
    switch (t.type) {
      case "paragraph_open": {
        const node: Paragraph = { type: "paragraph", children: [], position: position(meta!) };
        if (meta!.inline) node.children = inlineHtml(md, env, meta!.inline, tokens[i + 1]!.content) as Paragraph["children"];
        top().children.push(node as RootContent);
        i += 2;
        break;
      }
      case "heading_open": {
        const inline = tokens[i + 1]!;
        const node: Heading = { type: "heading", depth: Number(t.tag.slice(1)) as Heading["depth"], children: [], position: position(meta!) };
        node.children = headingChildren(md, env, meta!.inline!, inline.content) as Heading["children"];
        top().children.push(node as RootContent);
        i += 2;
        break;
      }
      case "fence":
      case "code_block": {
        const node: Code = { type: "code", lang: null, meta: null, value: t.content.replace(/\n$/, ""), position: position(meta!) };
        if (t.type === "fence") {
          const info = t.info.trim();
          if (info) {
            const space = info.search(/[ \t]/);
            node.lang = space === -1 ? info : info.slice(0, space);
            node.meta = space === -1 ? null : info.slice(space).trim() || null;
          }
        }
        top().children.push(node as RootContent);
        break;
      }
      case "html_block": {
        const p = position(meta!);
        const node: Html = { type: "html", value: source.slice(p.start.offset, p.end.offset), position: p };
        // micromark keeps a lazy tag line inside the container whose paragraph it ended (unless the file ends there).
        const lazy = (meta as Span & { lazy?: boolean }).lazy && p.end.offset < source.length;
        (lazy ? deepestOpen(top()) : top()).children.push(node as RootContent);
        break;
      }
      case "hr": {
        const node: ThematicBreak = { type: "thematicBreak", position: position(meta!) };
        top().children.push(node as RootContent);
        break;
      }
      case "definition": {
        const node: Definition = { type: "definition", identifier: "", label: "", url: "", title: null, position: position(meta!) };
        top().children.push(node as RootContent);
        break;
      }
      case "blockquote_open": {
        const node: Blockquote = { type: "blockquote", children: [], position: position(meta!) };
        top().children.push(node as RootContent);
        stack.push(node);
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open": {
        const ordered = t.type === "ordered_list_open";
        const startAttr = t.attrGet("start");
        const node: List = { type: "list", ordered, start: ordered ? (startAttr === null ? 1 : Number(startAttr)) : null, spread: false, children: [], position: position(meta!) };
        top().children.push(node as RootContent);
        stack.push(node);
        break;
      }
      case "list_item_open": {
        const node: ListItem = { type: "listItem", spread: false, checked: null, children: [], position: position(meta!) };
        top().children.push(node as RootContent);
        stack.push(node);
        break;
      }
      case "blockquote_close":
      case "bullet_list_close":
      case "ordered_list_close":
      case "list_item_close":
        closeContainer();
        break;
      default:
        break;
    }
  }
}

/** The innermost container at the end of `parent`: its last child while that is a list, list item or quote. */
function deepestOpen(parent: Parent): Parent {
  for (;;) {
    const last = parent.children[parent.children.length - 1];
    if (!last || (last.type !== "list" && last.type !== "listItem" && last.type !== "blockquote")) return parent;
    parent = last;
  }
}

/** Inline HTML holding `<!--`, with source positions. */
function inlineHtml(md: MarkdownIt, env: Env, source: InlineSource, content: string): Html[] {
  const out: Html[] = [];
  const tokens: Token[] = [];
  md.inline.parse(content, md, env, tokens);
  for (const t of tokens) if (t.type === "html_inline" && t.content.includes("<!--")) out.push(htmlNode(source, t));
  return out;
}

function htmlNode(source: InlineSource, t: Token): Html {
  const pos = (t.meta as { pos: number }).pos;
  const start = mapInline(source, pos);
  const last = mapInline(source, pos + t.content.length - 1);
  return { type: "html", value: t.content, position: { start, end: { line: last.line, column: last.column + 1, offset: last.offset + 1 } } };
}

/** Characters that can start inline markup; without them a heading's text is its content. */
const INLINE_MARKUP = /[\\`*_[\]<>&!\n\0]/;

function headingChildren(md: MarkdownIt, env: Env, source: InlineSource, content: string): (Text | Html)[] {
  if (!INLINE_MARKUP.test(content)) return content ? [{ type: "text", value: content.replace(/\s+/g, " ") }] : [];
  const tokens: Token[] = [];
  md.inline.parse(content, md, env, tokens);
  let text = "";
  const html: Html[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case "text":
      case "text_special":
      case "code_inline":
        text += t.content;
        break;
      case "softbreak":
        text += "\n";
        break;
      case "html_inline":
        if (t.content.includes("<!--")) html.push(htmlNode(source, t));
        break;
      default:
        break;
    }
  }
  const value = text.replace(/\0/g, "\uFFFD");
  return value ? [{ type: "text", value }, ...html] : html;
}
