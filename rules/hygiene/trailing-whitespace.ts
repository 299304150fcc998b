import { defineRule } from "../../src/rule-api/types.js";
import type { PromptDocument, Range } from "../../src/model/document.js";

interface Options {
  /** Leave two or more trailing spaces that make a markdown hard line break. */
  allowMarkdownHardBreaks: boolean;
  /** Leave lines that hold nothing but whitespace. */
  skipBlankLines: boolean;
}

const MARKDOWN_LIKE = new Set(["markdown", "prompty", "dotprompt"]);

/**
 * Trailing spaces and tabs are invisible in review, change the bytes a provider caches by prefix, and
 * count as tokens. Markdown hard line breaks (two or more spaces before a non-blank line, outside code and
 * frontmatter) are meaningful and skipped by default.
 */
export default defineRule<Options>({
  meta: {
    id: "hygiene/trailing-whitespace",
    category: "hygiene",
    fixable: true,
    docs: {
      description: "Disallow spaces and tabs at the end of lines",
      help: "Remove the trailing whitespace (promptvet --fix does).",
      recommended: "warn",
    },
    messages: {
      trailing: "Unexpected trailing whitespace ({{count}} character{{s}}), expected the line to end at its last visible character.",
    },
    schema: {
      type: "object",
      properties: {
        allowMarkdownHardBreaks: { type: "boolean" },
        skipBlankLines: { type: "boolean" },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowMarkdownHardBreaks: true, skipBlankLines: false },
  },
  create(context) {
    return {
      document(document) {
        const { allowMarkdownHardBreaks, skipBlankLines } = context.options;
        const { lines, source } = document;
        const hardBreaksPossible = allowMarkdownHardBreaks && MARKDOWN_LIKE.has(document.format);
        const noBreakZones = hardBreaksPossible ? codeAndFrontmatterRanges(document) : [];
        for (let line = 1; line <= lines.lineCount; line++) {
          const start = lines.lineStarts[line - 1]!;
          const end = lines.lineEnd(line);
          let ws = end;
          while (ws > start) {
            const c = source.charCodeAt(ws - 1);
            if (c !== 32 && c !== 9) break;
            ws--;
          }
          if (ws === end) continue;
          const blank = ws === start;
          if (blank && skipBlankLines) continue;
          if (!blank && hardBreaksPossible && isHardBreak(source, ws, end, line, document, noBreakZones)) continue;
          const count = end - ws;
          context.report({
            messageId: "trailing",
            data: { count, s: count === 1 ? "" : "s" },
            range: [ws, end],
            fix: { range: [ws, end], text: "" },
          });
        }
      },
    };
  },
});

function isHardBreak(source: string, ws: number, end: number, line: number, document: PromptDocument, zones: Range[]): boolean {
  if (end - ws < 2) return false;
  for (let i = ws; i < end; i++) if (source.charCodeAt(i) !== 32) return false;
  // A hard break needs a following line with content.
  if (line >= document.lines.lineCount) return false;
  if (document.lines.lineText(line + 1).trim() === "") return false;
  return !zones.some(([s, e]) => ws >= s && ws < e);
}

/** Source ranges where markdown hard breaks do not exist: fenced/indented code and the frontmatter. */
function codeAndFrontmatterRanges(document: PromptDocument): Range[] {
  const ranges: Range[] = [];
  if (document.frontmatter) ranges.push(document.frontmatter.range);
  const visit = (node: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
    if ((node.type === "code" || node.type === "html") && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      ranges.push([node.position.start.offset, node.position.end.offset]);
      return;
    }
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  if (document.mdast) visit(document.mdast as unknown as Parameters<typeof visit>[0]);
  return ranges;
}
