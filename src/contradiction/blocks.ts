/**
 * Turns a document into the instruction text a model reads as rules: blocks of prose with their heading
 * path, list context and template branch, minus the parts that are not instructions (code, quotes, examples,
 * "bad example" blocks). Every block keeps exact source offsets, so findings land on the right column.
 */
import type { Content, Heading, List, ListItem, Parent, Root } from "mdast";
import type { PromptDocument, Range, Segment } from "../model/document.js";
import { allMatches } from "./text.js";
import { appendAll } from "../util/append.js";
import { commentLines, isCommentLines, isRuleStringList, ruleStringLines, unquoteRuleStrings } from "./rule-strings.js";

export interface InstructionBlock {
  /** Text with non-instruction spans (inline code, quotes, URLs) blanked out, same length as the source slice. */
  text: string;
  /**
   * The same text unmasked (same length and offsets as `text`): quoted keywords ("never say \"guaranteed\"") and
   * code-span values ("use `pnpm`") are rules about those very strings.
   */
  raw?: string;
  /** Source offset of `text[0]`; the slice is verbatim unless `map` is given. */
  start: number;
  /** Maps a text offset to a source offset for decoded (non-verbatim) segments. */
  map?: (offset: number) => number;
  /** Heading titles from the top down. */
  headings: string[];
  /** The lead-in sentence of the list this block is an item of ("Avoid the following:"). */
  listIntro?: string;
  /** True for list items and table cells: short fragments are still directives there. */
  isItem: boolean;
  /** Identifier of the template branch (`{% if %}`/`{% else %}`) that contains the block, or "" outside any. */
  branch: string;
  /** A heading that states a constraint on its section ("## Summary (5–8 sentences)"). */
  heading?: boolean;
  /** The branch at a source offset, for blocks whose lines lie in different branches of one `{% if %}`. */
  branchOf?: (offset: number) => string;
}

/** Section headings that organise rules rather than narrowing where they apply. */
const GENERIC_HEADING =
  /^(?:\W*)(?:(?:the|your|our|general|core|key|basic|main|important|additional|other|critical|global|overall|response|output|answer|reply|writing|communication|formatting|format|style|tone|voice|language|behaviou?r|persona|identity|role|system|strict|hard|ground|house|base|default|key)\s*)*(?:rules?|guidelines?|instructions?|style|tone|voice|format(?:ting)?|constraints?|requirements?|behaviou?rs?|policy|policies|principles?|notes?|reminders?|overview|about|context|persona|identity|role|personality|guidance|standards?|conventions?|expectations?|do'?s and don'?ts|dos and don'?ts|limitations?|restrictions?|boundaries|guardrails|important|summary of rules|checklist of rules|language|length|communication|preferences|details|specifics|output|responses?|answers?|replies|writing|presentation|structure|tips|best practices|directives|setup|configuration|instructions for you|how to respond|how you respond|how to answer|how to reply|what to do|what not to do|things to avoid|never|always|do|don'?t|avoid|must|must not|musts|prohibited|forbidden|tasks?|objective|goals?|mission|purpose|capabilities|tools?)(?:\s*(?:&|and|\/)\s*[a-z' ]+)?\W*$/i;

/** Headings or lead-ins that mark what follows as something not to imitate. */
const BAD_EXAMPLE =
  /\b(?:bad|wrong|incorrect|poor|unacceptable|negative|counter|anti)[- ](?:examples?|responses?|answers?|outputs?|patterns?|replies)\b|\b(?:do not|don't|never) (?:do|write|answer|respond|reply) (?:this|like this|this way)\b|\bnot like this\b|\bavoid (?:responses?|answers?|replies|outputs?|writing) like\b|\bwhat not to (?:say|write)\b|❌|👎|\bexamples? of what not\b/i;

/** A blockquote that is an admonition of the author ("> **Note:**", "> [!WARNING]"), not a quoted message. */
const NOTE_QUOTE = /^>\s*(?:\*\*|__)?\s*(?:\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]|(?:note|warning|important|tip|caution|rule|reminder|shortcut|attention|heads[- ]up)\b)/i;

/** A parenthesised length in a heading: "(5–8 sentences)", "(max 100 words)". */
const HEADING_CONSTRAINT = /\([^()]{0,20}\b\d{1,4}\s*(?:[-–]\s*\d{1,4}\s*)?(?:words?|sentences?|paragraphs?|bullets?|bullet points|items?|lines?|characters?)\b[^()]{0,20}\)/i;

/** Headings of sections that hold examples rather than rules. */
const EXAMPLE_HEADING = /\b(?:examples?|sample (?:responses?|outputs?|answers?|conversations?|dialogues?)|few[- ]shot|demonstrations?|transcripts?|example (?:conversations?|dialogues?|interactions?))\b/i;

/** Words at the head of a heading or lead-in that flip the polarity of the items under it. */
export const NEGATIVE_LEAD =
  /^(?:\W*)(?:don'?ts?\b|do not\b|never\b|avoid\b|prohibited\b|forbidden\b|not allowed\b|must not\b|must never\b|you (?:must|should) (?:not|never)\b|you (?:never|don'?t)\b|things to avoid\b|what not to do\b|restrictions?\b|please avoid\b|under no circumstances\b|stay away from\b|refrain from\b|no-?go\b|banned\b|never do\b|do not do\b)/i;

/** Lead-ins that make the items under them conditional or scoped ("When the user is upset:"). */
const CONDITIONAL_LEAD = /^(?:\W*)(?:if|when|whenever|unless|for|in|during|after|before|once|while|where|on)\b/i;

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

/** Blanks spans that are not the author's own words: inline code, URLs, quoted speech, HTML tags. */
/** Spans that hold no instruction words, each with a character that must be present for it to match. */
const NON_INSTRUCTION_SPANS: readonly { needs: string; re: RegExp }[] = [
  { needs: "`", re: /`[^`\n]*`/g },
  { needs: "http", re: /\bhttps?:\/\/[^\s)>\]]+/g },
  { needs: "<", re: /<\/?[A-Za-z][^<>\n]{0,200}>/g },
  { needs: '"', re: /"[^"\n]{1,300}"/g },
  { needs: "“", re: /“[^”\n]{1,300}”/g },
  { needs: "'", re: /(?<![A-Za-z0-9])'[^'\n]{3,300}'(?![A-Za-z0-9])/g },
  { needs: "«", re: /«[^»\n]{1,300}»/g },
  { needs: "{", re: /\{\{[^}\n]{0,200}\}\}|\{%[^%\n]{0,200}%\}|\{#[^#\n]{0,200}#\}/g },
];

export function maskNonInstructionText(text: string): string {
  // Emphasis markers carry no words; blanking them keeps "**Never** use emoji" a plain sentence.
  const unstarred = text.includes("*") ? text.replace(/\*+/g, (m) => " ".repeat(m.length)) : text;
  const out = unquoteRuleStrings(unstarred);
  const spans: [number, number][] = [];
  for (const { needs, re } of NON_INSTRUCTION_SPANS) {
    if (!out.includes(needs)) continue;
    for (const m of allMatches(re, out)) spans.push([m.index, m.index + m[0].length]);
  }
  if (spans.length === 0) return out;
  // Blank every span (line breaks kept, so lines and offsets stay where they were).
  spans.sort((a, b) => a[0] - b[0]);
  let result = "";
  let at = 0;
  for (const [s, e] of spans) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    result += out.slice(at, from) + out.slice(from, e).replace(/[^\n]/g, " ");
    at = e;
  }
  return result + out.slice(at);
}

/** Template branches: each `{% if %}` / `{% elif %}` / `{% else %}` (or Handlebars `{{#if}}`/`{{else}}`) opens a branch. */
function templateBranches(document: PromptDocument): { range: Range; id: string }[] {
  const branches: { range: Range; id: string }[] = [];
  const stack: { start: number; id: string; kind: string }[] = [];
  let counter = 0;
  const tags: { type: "open" | "close" | "middle" | "single"; keyword: string; range: Range }[] =
    document.tags && document.tags.length > 0 ? document.tags.map((t) => ({ type: t.type, keyword: t.keyword, range: t.range })) : scanTags(document.source);
  for (const tag of tags) {
    if (!/^(?:if|unless|elif|elseif|else|each|for|with|block|macro|\^|#)/.test(tag.keyword) && tag.type !== "middle") {
      if (tag.type !== "close") continue;
    }
    if (tag.type === "open") {
      stack.push({ start: tag.range[1], id: `b${++counter}`, kind: tag.keyword });
    } else if (tag.type === "middle") {
      const top = stack.pop();
      if (top) {
        branches.push({ range: [top.start, tag.range[0]], id: top.id });
        stack.push({ start: tag.range[1], id: `b${++counter}`, kind: top.kind });
      }
    } else if (tag.type === "close") {
      const top = stack.pop();
      if (top) branches.push({ range: [top.start, tag.range[0]], id: top.id });
    }
  }
  return branches;
}

function scanTags(source: string): { type: "open" | "close" | "middle"; keyword: string; range: Range }[] {
  const tags: { type: "open" | "close" | "middle"; keyword: string; range: Range }[] = [];
  const re = /\{%-?\s*(if|elif|else|endif|for|endfor)\b[^%\n]{0,300}?-?%\}|\{\{\s*([#/])\s*(if|unless|each|with)\b[^}\n]{0,300}\}\}|\{\{\s*else\s*\}\}/g;
  for (const m of source.matchAll(re)) {
    const range: Range = [m.index!, m.index! + m[0].length];
    if (m[1]) {
      const k = m[1];
      if (k === "if" || k === "for") tags.push({ type: "open", keyword: k, range });
      else if (k === "elif" || k === "else") tags.push({ type: "middle", keyword: k, range });
      else tags.push({ type: "close", keyword: k.slice(3), range });
    } else if (m[2]) tags.push({ type: m[2] === "#" ? "open" : "close", keyword: m[3]!, range });
    else tags.push({ type: "middle", keyword: "else", range });
  }
  return tags;
}

function branchAt(branches: { range: Range; id: string }[], offset: number): string {
  let best = "";
  let bestLen = Infinity;
  for (const b of branches) {
    if (offset >= b.range[0] && offset < b.range[1] && b.range[1] - b.range[0] < bestLen) {
      best = b.id;
      bestLen = b.range[1] - b.range[0];
    }
  }
  return best;
}

function nodeText(source: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : [s, e];
}

function headingTitle(source: string, node: Heading): string {
  const r = nodeText(source, node);
  return r ? source.slice(r[0], r[1]).replace(/^#+\s*|\s*#+\s*$/g, "").replace(/[*_`]/g, "").trim() : "";
}

/** True when a heading narrows where the rules under it apply (a scope), rather than just grouping rules. */
export function isScopingHeading(title: string): boolean {
  const t = title.replace(/^[\d.)\s]+/, "").replace(/[*_:`]/g, "").trim();
  if (t === "") return false;
  if (GENERIC_HEADING.test(t)) return false;
  return CONDITIONAL_HEADING.test(t) || PART_OF_OUTPUT.test(t);
}

/** Headings that name a situation ("When the user is upset", "For enterprise accounts"). */
const CONDITIONAL_HEADING = /^(?:\W*)(?:if|when|whenever|unless|for|in|during|handling|dealing with|responding to|replying to|answering)\b/i;

/** Headings that name one part of the output or one kind of task: rules under them apply there only. */
const PART_OF_OUTPUT =
  /\b(?:summary|summaries|checklist|greetings?|intro(?:duction)?s?|opening|closing|sign-?off|titles?|subject lines?|headlines?|tl;?dr|conclusions?|sections?|emails?|errors?|error messages|code reviews?|reviews?|commits?|commit messages|changelogs?|release notes|tickets?|reports?|appendix|faq|escalations?|refunds?|billing|technical|troubleshooting|onboarding|hand-?offs?|voice|phone|sms|social|tweets?|posts?|follow-?ups?|first (?:message|reply|turn)|footer|header|notifications?|alerts?|captions?|descriptions?|abstract|metadata|comments?|docstrings?|documentation|tests?|logs?|mode|modes|scenarios?|cases?|edge cases|exceptions?|translations?|outreach|campaigns?|newsletters?|chat widget|api|json mode|slack|discord|whatsapp|templates?)\b/i;

export function collectBlocks(document: PromptDocument): InstructionBlock[] {
  const branches = templateBranches(document);
  const exampleRanges = (document.examples ?? []).map((e) => e.range);
  const inExample = (offset: number) => exampleRanges.some((r) => offset >= r[0] && offset < r[1]);
  const blocks = document.mdast ? blocksFromMdast(document, document.mdast, branches, inExample) : blocksFromSegments(document, branches, inExample);
  return blocks.flatMap(splitRuleStrings);
}

/**
 * A list of rules written as string literals or `//` comments (`rules = ["Use X", "Avoid Y"]`, `"indent": "4 spaces"`) is read as list
 * items, one rule a line, so a short value ("snake_case") still states its key's rule.
 */
function splitRuleStrings(block: InstructionBlock): InstructionBlock[] {
  if (block.isItem || block.raw === undefined) return [block];
  const comments = isCommentLines(block.raw);
  if (!comments && !isRuleStringList(block.raw)) return [block];
  const { map } = block;
  const lines = comments ? commentLines(block.raw) : ruleStringLines(block.raw);
  return lines.map(([s, e]) => ({
    ...block,
    // The comment marker is no word of the rule.
    text: comments ? block.text.slice(s, e).replace("//", "  ") : block.text.slice(s, e),
    raw: block.raw!.slice(s, e),
    start: map ? map(s) : block.start + s,
    ...(map ? { map: (i: number) => map(s + i) } : {}),
    isItem: true,
  }));
}

function blocksFromMdast(
  document: PromptDocument,
  root: Root,
  branches: { range: Range; id: string }[],
  inExample: (offset: number) => boolean,
): InstructionBlock[] {
  const { source } = document;
  const blocks: InstructionBlock[] = [];
  const headingStack: { depth: number; title: string }[] = [];
  let skipDepth = 0; // heading depth of a skipped (example / bad-example) section; 0 = none

  const push = (range: [number, number], isItem: boolean, listIntro: string | undefined, heading = false) => {
    if (inExample(range[0])) return;
    const raw = source.slice(range[0], range[1]);
    blocks.push({
      text: maskNonInstructionText(raw),
      raw,
      start: range[0],
      headings: headingStack.map((h) => h.title),
      listIntro,
      isItem,
      ...(heading ? { heading } : {}),
      branch: branchAt(branches, range[0]),
      ...(branches.length > 0 ? { branchOf: (offset: number) => branchAt(branches, offset) } : {}),
    });
  };

  const visitList = (list: List, intro: string | undefined) => {
    for (const item of list.children as ListItem[]) {
      let prevText: string | undefined;
      for (const child of item.children) {
        if (child.type === "paragraph") {
          const r = nodeText(source, child);
          if (r) {
            push(r, true, intro);
            prevText = source.slice(r[0], r[1]);
          }
        } else if (child.type === "list") {
          // A nested list's lead-in is the parent item's own text when it ends with a colon.
          const nestedIntro = prevText && /:\s*$/.test(prevText) ? prevText : intro;
          visitList(child, nestedIntro);
        }
      }
    }
  };

  let previous: { type: string; text: string } | undefined;
  let skipNext = false;
  const firstContent = (root.children as Content[]).find((n) => n.type !== "yaml");
  for (const node of root.children as Content[]) {
    if (node.type === "heading") {
      // The document's opening heading is its title, not a section that narrows the rules under it.
      const title = node === firstContent ? "" : headingTitle(source, node);
      while (headingStack.length > 0 && headingStack[headingStack.length - 1]!.depth >= node.depth) headingStack.pop();
      headingStack.push({ depth: node.depth, title });
      if (skipDepth && node.depth <= skipDepth) skipDepth = 0;
      if (!skipDepth && (BAD_EXAMPLE.test(title) || EXAMPLE_HEADING.test(title))) skipDepth = node.depth;
      skipNext = false;
      previous = { type: "heading", text: title };
      // "## Executive Summary (5–8 sentences)": a heading that states a length for its section.
      const hr = nodeText(source, node);
      if (hr && !skipDepth && HEADING_CONSTRAINT.test(title)) push(hr, true, undefined, true);
      continue;
    }
    if (skipDepth) {
      // A closing tag or a rule ends a skipped example section as well as a heading does.
      const rr = nodeText(source, node);
      const t = rr ? source.slice(rr[0], rr[1]).trim() : "";
      if (node.type === "thematicBreak" || (node.type === "html" && /^<\//.test(t))) skipDepth = 0;
      continue;
    }
    const r = nodeText(source, node);
    const text = r ? source.slice(r[0], r[1]) : "";
    if (skipNext && (node.type === "code" || node.type === "blockquote" || node.type === "list" || node.type === "paragraph" || node.type === "html")) {
      // The block right after a "bad example:" lead-in shows what not to do; its wording is not a rule.
      skipNext = false;
      previous = { type: node.type, text };
      continue;
    }
    if (node.type === "paragraph" && r) {
      if (BAD_EXAMPLE.test(text)) {
        skipNext = true;
        previous = { type: node.type, text };
        continue;
      }
      if (/^(?:\W*)(?:example|e\.g\.|for example|sample)\b[^.\n]{0,60}:\s*$/i.test(text)) {
        skipNext = true;
        previous = { type: node.type, text };
        continue;
      }
      push(r, false, undefined);
    } else if (node.type === "list") {
      const intro = previous?.type === "paragraph" && /:\s*$/.test(previous.text) ? previous.text : undefined;
      visitList(node as List, intro);
    } else if (node.type === "table") {
      // Table cells are data more often than rules; only rule-like rows are useful and rare. Skip.
    } else if (node.type === "blockquote" && NOTE_QUOTE.test(text)) {
      // "> **Note:** …", "> [!IMPORTANT]": an admonition is the author's own rule, not a quoted message.
      for (const child of (node as Parent).children as Content[]) {
        const cr = nodeText(source, child);
        if (cr && child.type === "paragraph") push(cr, false, undefined);
        else if (child.type === "list") visitList(child as List, undefined);
      }
    }
    // code, blockquote (quoted messages), html, thematicBreak, yaml: not instructions.
    previous = { type: node.type, text };
  }
  return blocks;
}

/** Without a markdown tree (plain text, JSON/YAML values), split segment text into lines and paragraphs. */
/** Formats whose text is data: their prose is what the data interpretation made segments of. */
const DATA_FORMATS: ReadonlySet<string> = new Set(["yaml", "json", "jsonl"]);

function blocksFromSegments(
  document: PromptDocument,
  branches: { range: Range; id: string }[],
  inExample: (offset: number) => boolean,
): InstructionBlock[] {
  const blocks: InstructionBlock[] = [];
  // The system message of a JSONL chat record is the instruction its example obeys; records repeat it, so it is
  // read once.
  const seenSystem = new Set<string>();
  const usable = (s: Segment) => {
    if (!(s.kind === "prose" || s.kind === "value") || !(s.role === "system" || s.role === "instruction")) return false;
    if (s.example === undefined) return true;
    if (s.role !== "system" || seenSystem.has(s.text)) return false;
    seenSystem.add(s.text);
    return true;
  };
  let segments = document.segments.filter(usable);
  // A data file (YAML, JSON, JSONL) with no string its interpretation reads as text holds keys and short values,
  // not instructions: reading its raw lines would take every "key: value" for a rule.
  if (segments.length === 0 && document.segments.length === 0 && document.source.length > 0 && !DATA_FORMATS.has(document.format)) {
    segments = [];
    const start = document.body?.[0] ?? 0;
    appendAll(blocks, linesToBlocks(document.source.slice(start, document.body?.[1] ?? document.source.length), (i) => start + i, true, branches, inExample));
    return blocks;
  }
  for (const seg of segments) {
    const verbatim = seg.map.isVerbatim;
    // A record's system message lies inside the record's example range but is not part of the example.
    const within = seg.example === undefined ? inExample : () => false;
    appendAll(blocks, linesToBlocks(seg.text, (i) => seg.map.toSource(i), verbatim, branches, within, seg.path));
  }
  return blocks;
}

function linesToBlocks(
  text: string,
  toSource: (i: number) => number,
  verbatim: boolean,
  branches: { range: Range; id: string }[],
  inExample: (offset: number) => boolean,
  path?: string,
): InstructionBlock[] {
  const out: InstructionBlock[] = [];
  const headings: string[] = path && !path.startsWith("/") ? path.split(" > ") : [];
  let intro: string | undefined;
  let inFence = false;
  let skipUntilBlank = false;
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  let para: { start: number; end: number } | undefined;
  const flush = () => {
    if (!para) return;
    const s = para.start;
    const e = para.end;
    para = undefined;
    const src = toSource(s);
    if (inExample(src)) return;
    out.push({
      text: maskNonInstructionText(text.slice(s, e)),
      raw: text.slice(s, e),
      start: src,
      map: verbatim ? undefined : (i: number) => toSource(s + i),
      headings: [...headings],
      listIntro: intro,
      isItem: false,
      branch: branchAt(branches, src),
      ...(branches.length > 0 ? { branchOf: (offset: number) => branchAt(branches, offset) } : {}),
    });
  };
  while ((m = lineRe.exec(text)) && m[0].length > 0) {
    const lineStart = m.index;
    const line = m[0].replace(/[\r\n]+$/, "");
    const trimmed = line.trim();
    if (/^(```|~~~)/.test(trimmed)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (trimmed === "") {
      flush();
      skipUntilBlank = false;
      continue;
    }
    if (skipUntilBlank || /^>/.test(trimmed)) continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(trimmed);
    if (heading) {
      flush();
      headings.splice(0, headings.length, heading[1]!.trim());
      intro = undefined;
      continue;
    }
    const item = /^(\s*(?:[-*+•]|\d+[.)])\s+)(.*)$/.exec(line);
    if (item) {
      flush();
      const s = lineStart + item[1]!.length;
      const src = toSource(s);
      if (!inExample(src))
        out.push({
          text: maskNonInstructionText(item[2]!),
          raw: item[2]!,
          start: src,
          map: verbatim ? undefined : (i: number) => toSource(s + i),
          headings: [...headings],
          listIntro: intro,
          isItem: true,
          branch: branchAt(branches, src),
        });
      continue;
    }
    if (BAD_EXAMPLE.test(trimmed) && /:$/.test(trimmed)) {
      flush();
      skipUntilBlank = true;
      continue;
    }
    if (/:$/.test(trimmed) && trimmed.length < 80) {
      flush();
      intro = trimmed;
      if (/^[A-Z][A-Za-z '&/-]{1,40}:$/.test(trimmed)) headings.splice(0, headings.length, trimmed.slice(0, -1));
      continue;
    }
    if (!para) para = { start: lineStart, end: lineStart + line.length };
    else para.end = lineStart + line.length;
  }
  flush();
  return out;
}

export { CONDITIONAL_LEAD, BAD_EXAMPLE };
