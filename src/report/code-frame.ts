import { LineIndex } from "../model/line-index.js";
import { visibleControls } from "./util.js";

export interface FrameRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FrameStyle {
  gutter(text: string): string;
  marker(text: string): string;
}

export interface FrameOptions {
  /** Lines shown before and after the flagged lines. */
  context?: number;
  /** Widest slice of a line that is shown; longer lines are cut around the finding with "…". */
  maxWidth?: number;
  /** Width of the line-number gutter, so frames of one file line up; fits the frame when omitted. */
  numberWidth?: number;
  style?: FrameStyle;
}

const plain: FrameStyle = { gutter: (s) => s, marker: (s) => s };

/** Flagged lines shown in full above and below an elision when a range spans many lines. */
const EDGE_LINES = 2;

/**
 * Draws the lines around a range with a `^` underline, like a compiler diagnostic. The text must be
 * the masked source of the result: this function prints whatever it is given.
 */
export function codeFrame(lines: LineIndex, range: FrameRange, options: FrameOptions = {}): string[] {
  const context = options.context ?? 2;
  const maxWidth = Math.max(20, options.maxWidth ?? 120);
  const style = options.style ?? plain;
  const lineCount = lines.lineCount;

  const startLine = clamp(range.line, 1, lineCount);
  let endLine = clamp(range.endLine, startLine, lineCount);
  let endColumn = range.endColumn;
  // A range that stops at the start of a line (it took the line break) is drawn on the line before.
  if (endLine > startLine && endColumn <= 1) {
    endLine--;
    endColumn = lines.lineText(endLine).length + 1;
  }

  const first = Math.max(1, startLine - context);
  const last = Math.min(lineCount, endLine + context);
  const shown: (number | "gap")[] = [];
  for (let n = first; n <= last; n++) {
    const flagged = n >= startLine && n <= endLine;
    if (flagged && endLine - startLine + 1 > EDGE_LINES * 2 + 1 && n > startLine + EDGE_LINES - 1 && n < endLine - EDGE_LINES + 1) {
      if (shown[shown.length - 1] !== "gap") shown.push("gap");
      continue;
    }
    shown.push(n);
  }

  // One horizontal window for the whole frame, placed so the start of the finding is visible.
  const startCol0 = Math.max(0, range.column - 1);
  const longest = Math.max(...shown.map((n) => (n === "gap" ? 0 : lines.lineText(n).length)));
  let windowStart = 0;
  if (longest > maxWidth && startCol0 > maxWidth / 3) windowStart = startCol0 - Math.floor(maxWidth / 3);
  const windowEnd = windowStart + maxWidth;

  const numberWidth = Math.max(options.numberWidth ?? 0, String(last).length);
  const out: string[] = [];
  for (const n of shown) {
    if (n === "gap") {
      out.push(style.gutter(`  ${" ".repeat(numberWidth)} ⋮`));
      continue;
    }
    const text = lines.lineText(n);
    const flagged = n >= startLine && n <= endLine;
    const slice = cut(text, windowStart, windowEnd);
    const prefix = flagged ? style.marker(">") : " ";
    out.push(`${prefix} ${style.gutter(`${String(n).padStart(numberWidth)} |`)}${slice.text ? " " + slice.text : ""}`);
    if (!flagged) continue;

    // Underline from the range start (or the first non-blank character on continuation lines) to its end.
    const from = n === startLine ? range.column - 1 : firstNonBlank(text);
    const to = n === endLine ? Math.max(from, endColumn - 1) : text.length;
    const under = underline(text, from, to, windowStart, windowEnd, slice.lead);
    out.push(`  ${style.gutter(`${" ".repeat(numberWidth)} |`)} ${under.pad}${style.marker(under.marks)}`);
  }
  return out;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

function firstNonBlank(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : 0;
}

/** The visible part of a line between two UTF-16 offsets, with "…" where it was cut. */
function cut(text: string, start: number, end: number): { text: string; lead: string } {
  const lead = start > 0 ? "…" : "";
  const tail = end < text.length ? "…" : "";
  return { text: lead + visibleControls(text.slice(start, end)) + tail, lead };
}

/**
 * Spaces up to the range and carets under it. Tabs in the padding stay tabs so terminals align them
 * with the line above; wide characters count twice.
 */
function underline(text: string, from: number, to: number, windowStart: number, windowEnd: number, lead: string): { pad: string; marks: string } {
  const a = clamp(from, windowStart, windowEnd);
  const b = clamp(to, a, windowEnd);
  let pad = lead ? " " : "";
  for (let i = windowStart; i < a && i < text.length; i++) pad += text[i] === "\t" ? "\t" : " ".repeat(width(text.charCodeAt(i)));
  if (a > text.length) pad += " ".repeat(a - Math.max(windowStart, text.length));
  let count = 0;
  for (let i = a; i < b && i < text.length; i++) count += text[i] === "\t" ? 1 : width(text.charCodeAt(i));
  if (b > text.length) count += b - Math.max(a, text.length);
  return { pad, marks: "^".repeat(Math.max(1, count)) };
}

/** Display width of a UTF-16 code unit: 0 for combining marks and low surrogates, 2 for wide scripts. */
function width(code: number): number {
  if (code >= 0xdc00 && code <= 0xdfff) return 0; // the second half of a pair was counted with the first
  if (code >= 0xd800 && code <= 0xdbff) return 2; // astral: mostly emoji and CJK extensions
  if ((code >= 0x0300 && code <= 0x036f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  ) {
    return 2;
  }
  return 1;
}
