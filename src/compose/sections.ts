/**
 * Sections of a prompt by ATX heading (`## Tone`), found with a line scanner so that every text format
 * (markdown, dotprompt, Jinja, plain text) is cut the same way. Headings inside fenced code blocks do not
 * count. A section runs from its heading to the next heading of the same or a higher level, so it holds its
 * subsections.
 */
import type { Range } from "../model/document.js";

export interface Section {
  level: number;
  /** Heading text without `#`s, closing `#`s, HTML comments and emphasis markers. */
  title: string;
  /** `normalizeName(title)`. */
  key: string;
  /** Titles from the outermost heading down to this one, joined with " > ". */
  path: string;
  /** Range of the heading line, line break excluded. */
  heading: Range;
  /** Offset where the heading's own content starts (after the heading line break). */
  contentStart: number;
  /** End of the section including its subsections (start of the next heading of level <= this one). */
  end: number;
  /** Index of the enclosing section, -1 at the top. */
  parent: number;
  /** Marked `<!-- promptvet:required -->` on the heading line or in its own content. */
  required?: Range;
}

const REQUIRED = /<!--\s*promptvet:required\b/;

/** Range of a `<!-- promptvet:required -->` marker in `line` (offsets relative to the line). */
function requiredMarker(line: string): [number, number] | undefined {
  const m = REQUIRED.exec(line);
  if (!m) return undefined;
  const close = line.indexOf("-->", m.index + m[0].length);
  return [m.index, close === -1 ? line.length : close + 3];
}

/** How section names compare: case, emphasis, surrounding punctuation and repeated spaces do not matter. */
export function normalizeName(name: string): string {
  return name
    .replace(/[*_`]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[:.]+$/, "")
    .toLowerCase();
}

function cleanTitle(raw: string): string {
  let title = raw;
  // Remove HTML comments (markers) without a regex that could backtrack on a long line.
  for (;;) {
    const open = title.indexOf("<!--");
    if (open === -1) break;
    const close = title.indexOf("-->", open + 4);
    title = title.slice(0, open) + (close === -1 ? "" : title.slice(close + 3));
  }
  title = title.trim();
  // Closing sequence of `#`s (`## Tone ##`), only when preceded by a space.
  let end = title.length;
  while (end > 0 && title[end - 1] === "#") end--;
  if (end < title.length && (end === 0 || title[end - 1] === " " || title[end - 1] === "\t")) title = title.slice(0, end).trim();
  return title.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim();
}

/** Sections of `text` between `from` and `to`; returns them in source order. */
export function parseSections(text: string, from = 0, to = text.length): Section[] {
  const sections: Section[] = [];
  const open: number[] = [];
  let fence: { char: string; length: number } | undefined;
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const line = text.slice(lineStart, contentEnd);
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence.char && fenceMatch[1]!.length >= fence.length && line.slice(fenceMatch[0].length).trim() === "") fence = undefined;
    } else if (fenceMatch) {
      fence = { char: fenceMatch[1]![0]!, length: fenceMatch[1]!.length };
    } else {
      const heading = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(line);
      if (heading) {
        const level = heading[1]!.length;
        while (open.length > 0 && sections[open[open.length - 1]!]!.level >= level) {
          sections[open.pop()!]!.end = lineStart;
        }
        const title = cleanTitle(line.slice(heading[0].length));
        const parent = open.length > 0 ? open[open.length - 1]! : -1;
        const section: Section = {
          level,
          title,
          key: normalizeName(title),
          path: parent === -1 ? title : `${sections[parent]!.path} > ${title}`,
          heading: [lineStart, contentEnd],
          contentStart: lineEnd < to ? lineEnd + 1 : lineEnd,
          end: to,
          parent,
        };
        const marker = requiredMarker(line);
        if (marker) section.required = [lineStart + marker[0], lineStart + marker[1]];
        open.push(sections.length);
        sections.push(section);
      } else if (open.length > 0 && line.includes("promptvet:required")) {
        const current = sections[open[open.length - 1]!]!;
        const marker = requiredMarker(line);
        // Only the section's own content (before any subsection) marks it.
        if (marker && !current.required) current.required = [lineStart + marker[0], lineStart + marker[1]];
      }
    }
    lineStart = lineEnd + 1;
  }
  for (const i of open) sections[i]!.end = to;
  return sections;
}

/** Sections whose name or path (`Policies > Refunds`) matches `name`. */
export function findSections(sections: readonly Section[], name: string): Section[] {
  const key = normalizeName(name);
  if (key.includes(">")) {
    const pathKey = key.split(">").map((p) => p.trim()).join(" > ");
    return sections.filter((s) => normalizeName(s.path).split(">").map((p) => p.trim()).join(" > ") === pathKey);
  }
  return sections.filter((s) => s.key === key);
}
