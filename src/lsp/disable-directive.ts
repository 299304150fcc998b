/**
 * "Disable <rule> for this line": a `promptvet-disable-next-line` comment above the finding, in the comment
 * syntax of the place it goes (YAML `#` inside frontmatter, `<!-- -->` in markdown, `{# #}` in Jinja,
 * `{{!-- --}}` in Handlebars). JSON and JSONL have no comments, and plain text none that promptvet reads, so no
 * directive is offered there. Before it is offered, the edited text is parsed to check that the comment is
 * read as a directive for that line (an HTML comment inside a code block is code, for instance).
 */
import { parseDirectives } from "../engine/directives.js";
import type { Format, PromptDocument } from "../model/document.js";
import { parseDocument } from "../parse/index.js";

export const REASON_PLACEHOLDER = "<reason>";

type CommentStyle = (body: string) => string;

const STYLES: Record<"hash" | "html" | "jinja" | "handlebars", CommentStyle> = {
  hash: (body) => `# ${body}`,
  html: (body) => `<!-- ${body} -->`,
  jinja: (body) => `{# ${body} #}`,
  handlebars: (body) => `{{!-- ${body} --}}`,
};

const BODY_STYLE: Partial<Record<Format, CommentStyle>> = {
  markdown: STYLES.html,
  prompty: STYLES.html,
  jinja: STYLES.jinja,
  mustache: STYLES.handlebars,
  dotprompt: STYLES.handlebars,
  yaml: STYLES.hash,
};

/** The insertion (a source offset and text) that silences `ruleId` on 1-based `line`, if the format allows one. */
export function disableNextLineInsertion(document: PromptDocument, ruleId: string, line: number): { offset: number; text: string } | undefined {
  const offset = document.lines.lineStarts[line - 1];
  if (offset === undefined) return undefined;
  const inFrontmatter = !!document.frontmatter && offset >= document.frontmatter.contentRange[0] && offset < document.frontmatter.contentRange[1];
  const style = inFrontmatter ? STYLES.hash : BODY_STYLE[document.format];
  if (!style) return undefined;
  const lineText = document.lines.lineText(line);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = document.source.slice(offset + lineText.length, offset + lineText.length + 2) === "\r\n" ? "\r\n" : "\n";
  const text = `${indent}${style(`promptvet-disable-next-line ${ruleId} -- ${REASON_PLACEHOLDER}`)}${eol}`;
  return readsAsDirective(document, offset, text, ruleId, line + 1) ? { offset, text } : undefined;
}

function readsAsDirective(document: PromptDocument, offset: number, text: string, ruleId: string, targetLine: number): boolean {
  const source = document.source.slice(0, offset) + text + document.source.slice(offset);
  const edited = parseDocument({ path: document.path, source, format: document.format, bom: document.bom });
  return parseDirectives(edited).some((d) => d.type === "disable-next-line" && d.line === targetLine && d.ruleIds.includes(ruleId));
}
