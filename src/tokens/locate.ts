/** Where whole-file token findings point: the first line of the text they are about. */
import type { PromptDocument, Range } from "../model/document.js";
import { roleGroup } from "./render.js";
import type { BudgetKey } from "./settings.js";

/** First line of a range (so a code frame stays one line long). */
export function firstLine(document: PromptDocument, start: number, end: number): Range {
  const { line } = document.lines.positionAt(start);
  const lineEnd = document.lines.lineEnd(line);
  const stop = Math.min(end, lineEnd);
  return [start, Math.max(start, stop)];
}

/** The first line of the first segment counted under `group` (`total`: the first sent segment). */
export function anchorFor(document: PromptDocument, group: BudgetKey = "total"): Range {
  if (group === "total") {
    // The whole prompt: its first visible line.
    const [start, end] = document.body;
    const lead = /^\s*/.exec(document.source.slice(start, Math.min(end, start + 10_000)))![0].length;
    if (start + lead < end) return firstLine(document, start + lead, end);
  }
  for (const segment of document.segments) {
    const g = roleGroup(segment.role);
    if (!g || (group !== "total" && g !== group)) continue;
    // Skip leading blank text so the range starts on a character the reader can see.
    const lead = /^\s*/.exec(segment.text)![0].length;
    const start = segment.map.toSource(Math.min(lead, segment.text.length));
    return firstLine(document, start, segment.range[1]);
  }
  const start = document.body[0];
  return firstLine(document, start, document.body[1]);
}
