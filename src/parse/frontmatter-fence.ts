/**
 * Where a YAML frontmatter block is: the one finder every part of promptvet uses (the parser, the markdown block
 * tree, composition, rendering partials, the eval's fallback document), so they all agree on what a prompt's
 * frontmatter is. The rules are those of remark-frontmatter (micromark), the tests' reference: an opening `---`
 * on the first line, a closing `---` on a later line, each alone on its line but for spaces and tabs. A `...`
 * line (a YAML document end marker) does not close it. A leading byte order mark is skipped.
 */
import type { Range } from "../model/document.js";

export interface FrontmatterFence {
  /** The whole block: from the opening fence to the end of the closing fence (its line break excluded). */
  range: Range;
  /** The YAML between the fences, without the line break before the closing fence. */
  contentRange: Range;
  /** Where the body starts: after the closing fence's line break. */
  bodyStart: number;
}

export interface FenceOptions {
  /** Blank lines and `#` comment lines may come before the opening fence (dotprompt files carry licence headers). */
  allowLeadingComments?: boolean;
}

/** Frontmatter at the start of `source`, `{ unclosed }` for an opening fence without a closing one, or undefined. Linear. */
export function findFrontmatterFence(source: string, options: FenceOptions = {}): FrontmatterFence | { unclosed: Range } | undefined {
  let lineStart = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let open: Range | undefined;
  for (;;) {
    // Line breaks as CommonMark has them: LF, CRLF or a lone CR.
    let lineEnd = lineStart;
    while (lineEnd < source.length && source.charCodeAt(lineEnd) !== 10 && source.charCodeAt(lineEnd) !== 13) lineEnd++;
    const next = lineEnd + lineBreakLength(source, lineEnd);
    if (open === undefined) {
      if (isFence(source, lineStart, lineEnd)) open = [lineStart, lineEnd];
      else if (!options.allowLeadingComments || !isBlankOrComment(source, lineStart, lineEnd)) return undefined;
    } else if (isFence(source, lineStart, lineEnd)) {
      const contentStart = Math.min(open[1] + lineBreakLength(source, open[1]), lineStart);
      return { range: [open[0], lineEnd], contentRange: [contentStart, Math.max(contentStart, lineEndBefore(source, lineStart))], bodyStart: next };
    }
    if (next === lineEnd) break; // the last line
    lineStart = next;
  }
  return open ? { unclosed: open } : undefined;
}

/** The frontmatter's bounds when it is a closed block, else undefined. */
export function closedFrontmatterFence(source: string, options?: FenceOptions): FrontmatterFence | undefined {
  const found = findFrontmatterFence(source, options);
  return found && "range" in found ? found : undefined;
}

/** `---` followed by nothing but spaces and tabs. */
function isFence(source: string, start: number, end: number): boolean {
  if (end - start < 3 || !source.startsWith("---", start)) return false;
  for (let i = start + 3; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function isBlankOrComment(source: string, start: number, end: number): boolean {
  let k = start;
  while (k < end && (source.charCodeAt(k) === 32 || source.charCodeAt(k) === 9)) k++;
  return k === end || source.charCodeAt(k) === 35;
}

/** Where the line before the one starting at `lineStart` ends (its line break excluded). */
function lineEndBefore(source: string, lineStart: number): number {
  let end = lineStart;
  if (source.charCodeAt(end - 1) === 10) end--;
  if (source.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** Length of the line break at `at` (CRLF, LF or a lone CR), 0 when there is none. */
function lineBreakLength(source: string, at: number): number {
  const c = source.charCodeAt(at);
  if (c === 13) return source.charCodeAt(at + 1) === 10 ? 2 : 1;
  return c === 10 ? 1 : 0;
}
