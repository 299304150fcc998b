/**
 * Few-shot examples inside markdown prompts:
 *   - `<example>` ... `</example>` blocks, with `<input>/<output>`, `<user>/<assistant>` (and similar) parts
 *     or `User:`/`Assistant:` lines inside;
 *   - sections under a heading that says "Example(s)", split by `Input:`/`Output:`-style lines;
 *   - `User:`/`Assistant:`, `Input:`/`Output:`, `Q:`/`A:` lines anywhere in prose.
 * All scans are line- or indexOf-based and linear.
 */
import type { Range } from "../model/document.js";
import { lines, trimRange } from "./builder.js";
import type { Leaf } from "./markdown.js";
import { Finder } from "./scan-util.js";
import { appendAll } from "../util/append.js";

export interface ExamplePart {
  side: "input" | "output";
  /** Text of the part (label or tags excluded), trimmed. */
  content: Range;
  /** Everything the part takes from the prose (label or tags included). */
  full: Range;
}

export interface ExampleRegion {
  range: Range;
  path: string;
  parts: ExamplePart[];
  /** Source the example owns: markdown leaves are clipped around it. */
  owned: Range[];
}

const INPUT_LABELS = new Set([
  "user", "human", "input", "q", "question", "customer", "prompt", "query", "example input", "user input", "user message",
]);
const OUTPUT_LABELS = new Set([
  "assistant", "ai", "output", "a", "answer", "model", "response", "bot", "example output", "expected output",
  "ideal response", "completion", "assistant response", "expected response",
]);
const INPUT_TAGS = new Set(["input", "user", "human", "question", "query", "user_input", "user_query", "prompt", "user_message"]);
const OUTPUT_TAGS = new Set(["output", "assistant", "ai", "answer", "response", "ideal_response", "model_response", "assistant_response", "completion"]);

interface Marker {
  side: "input" | "output";
  lineStart: number;
  contentStart: number;
}

/** `User:`, `**Input:**`, `- Q:`, `### Output` (a heading may omit the colon). */
function lineMarker(source: string, line: Range): Marker | undefined {
  let k = line[0];
  const limit = Math.min(line[1], line[0] + 12);
  let heading = false;
  while (k < limit && " \t>*-_#".includes(source[k]!)) {
    if (source[k] === "#") heading = true;
    k++;
  }
  const labelStart = k;
  const labelLimit = Math.min(line[1], k + 24);
  while (k < labelLimit && /[A-Za-z _]/.test(source[k]!)) k++;
  const label = source.slice(labelStart, k).replace(/[_*]/g, "").trim().toLowerCase();
  if (!label) return undefined;
  const side = INPUT_LABELS.has(label) ? "input" : OUTPUT_LABELS.has(label) ? "output" : undefined;
  if (!side) return undefined;
  while (k < line[1] && (source[k] === "*" || source[k] === "_")) k++;
  if (source[k] === ":") {
    k++;
    while (k < line[1] && (source[k] === "*" || source[k] === "_" || source[k] === " " || source[k] === "\t")) k++;
    return { side, lineStart: line[0], contentStart: k };
  }
  if (heading && trimRange(source, [k, line[1]])[0] === trimRange(source, [k, line[1]])[1]) {
    return { side, lineStart: line[0], contentStart: line[1] };
  }
  return undefined;
}

function markersIn(source: string, range: Range, skip: (at: number) => boolean): Marker[] {
  const out: Marker[] = [];
  for (const line of lines(source, range)) {
    if (skip(line[0])) continue;
    const marker = lineMarker(source, line);
    if (marker) out.push(marker);
  }
  return out;
}

function partsFromMarkers(source: string, markers: Marker[], end: number, stops: Range[] = []): ExamplePart[] {
  let stop = 0;
  return markers.map((m, i) => {
    let partEnd = i + 1 < markers.length ? markers[i + 1]!.lineStart : end;
    // A part also ends where an `<example>` block begins.
    while (stop < stops.length && stops[stop]![0] < m.contentStart) stop++;
    if (stop < stops.length && stops[stop]![0] < partEnd) partEnd = stops[stop]![0];
    const content = trimRange(source, [m.contentStart, Math.max(m.contentStart, partEnd)]);
    return { side: m.side, content, full: [m.lineStart, Math.max(content[1], m.contentStart)] };
  });
}

/** Groups parts into examples: inputs then outputs; a new input after an output starts the next one. */
function pairParts(parts: ExamplePart[]): ExamplePart[][] {
  const groups: ExamplePart[][] = [];
  let current: ExamplePart[] = [];
  let sawOutput = false;
  for (const part of parts) {
    if (part.side === "input" && sawOutput) {
      groups.push(current);
      current = [];
      sawOutput = false;
    }
    current.push(part);
    if (part.side === "output") sawOutput = true;
  }
  if (current.length) groups.push(current);
  return groups.filter((g) => g.some((p) => p.side === "input") && g.some((p) => p.side === "output"));
}

function regionOf(parts: ExamplePart[], path: string, extraOwned: Range[] = [], range?: Range): ExampleRegion {
  const owned = [...extraOwned, ...parts.map((p) => p.full)].sort((a, b) => a[0] - b[0]);
  return { range: range ?? [parts[0]!.full[0], parts[parts.length - 1]!.full[1]], path, parts, owned };
}

export function findExamples(
  source: string,
  leaves: Leaf[],
  headings: { depth: number; text: string; range: Range }[],
  body: Range,
): ExampleRegion[] {
  const codeRanges = leaves.filter((l) => l.kind === "code").map((l) => l.range);
  let codePointer = 0;
  const inCode = (at: number) => {
    // Callers ask in increasing order within one pass; reset when they go back.
    if (codePointer > 0 && codeRanges[codePointer - 1]![0] > at) codePointer = 0;
    while (codePointer < codeRanges.length && codeRanges[codePointer]![1] <= at) codePointer++;
    const r = codeRanges[codePointer];
    return r !== undefined && r[0] <= at && at < r[1];
  };
  const pathAt = (at: number) => {
    // Last leaf starting at or before `at` (binary search: leaves are in source order).
    let lo = 0;
    let hi = leaves.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (leaves[mid]!.range[0] <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found === -1 ? "" : leaves[found]!.path;
  };
  const regions: ExampleRegion[] = [];

  // 1. <example> blocks.
  const tag = /<(\/?)example\b[^<>]{0,200}>/gi;
  tag.lastIndex = body[0];
  let open: Range | undefined;
  const blocks: { open: Range; close: Range }[] = [];
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    if (m.index >= body[1]) break;
    if (inCode(m.index)) continue;
    const r: Range = [m.index, m.index + m[0].length];
    if (m[1] === "") open = r;
    else if (open) {
      blocks.push({ open, close: r });
      open = undefined;
    }
  }
  codePointer = 0;
  for (const block of blocks) {
    const content: Range = [block.open[1], block.close[0]];
    let parts = tagParts(source, content);
    if (parts.length === 0) parts = partsFromMarkers(source, markersIn(source, content, () => false), content[1]);
    if (!parts.some((p) => p.side === "input") && !parts.some((p) => p.side === "output")) continue;
    regions.push(regionOf(parts, pathAt(block.open[0]), [block.open, block.close], [block.open[0], block.close[1]]));
  }
  const blockRanges = regions.map((r) => r.range);
  const covered = (at: number) => containsSorted(blockRanges, at);

  // 2. Sections under an "Example(s)" heading.
  const sections: Range[] = [];
  headings.forEach((h, i) => {
    if (!/\bexamples?\b/i.test(h.text)) return;
    let endAt = body[1];
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.depth <= h.depth) {
        endAt = headings[j]!.range[0];
        break;
      }
    }
    const last = sections[sections.length - 1];
    if (last && last[1] > h.range[1]) return; // nested inside an earlier example section
    sections.push([h.range[1], endAt]);
  });
  for (const section of sections) {
    const markers = markersIn(source, section, (at) => inCode(at) || covered(at));
    codePointer = 0;
    const parts = partsFromMarkers(source, markers, section[1], blockRanges);
    for (const group of pairParts(parts)) regions.push(regionOf(group, pathAt(group[0]!.full[0])));
  }

  // 3. Marker lines in other paragraphs.
  const inSection = (at: number) => containsSorted(sections, at);
  let pending: ExamplePart[] = [];
  let pendingPath = "";
  const flush = () => {
    for (const group of pairParts(pending)) regions.push(regionOf(group, pendingPath));
    pending = [];
  };
  for (const leaf of leaves) {
    if (!leaf.prose) {
      if (leaf.kind === "prose") flush(); // a heading ends a dialogue
      continue;
    }
    if (leaf.path !== pendingPath) flush();
    pendingPath = leaf.path;
    if (inSection(leaf.range[0]) || covered(leaf.range[0])) continue;
    const markers = markersIn(source, leaf.range, () => false);
    if (markers.length === 0) continue;
    const parts = partsFromMarkers(source, markers, leaf.range[1]);
    // Text before the first marker in the paragraph stays prose.
    appendAll(pending, parts);
  }
  flush();
  return regions.sort((a, b) => a.range[0] - b.range[0]);
}

/** `<input>…</input>`, `<user>…</user>` and friends inside an example block. */
function tagParts(source: string, content: Range): ExamplePart[] {
  const parts: ExamplePart[] = [];
  const finder = new Finder(source, content[1]);
  const open = /<([a-z_]+)>/gi;
  open.lastIndex = content[0];
  for (let m = open.exec(source); m && m.index < content[1]; m = open.exec(source)) {
    const name = m[1]!.toLowerCase();
    const side = INPUT_TAGS.has(name) ? "input" : OUTPUT_TAGS.has(name) ? "output" : undefined;
    if (!side) continue;
    const closeTag = `</${m[1]}>`;
    const close = finder.indexOf(closeTag, m.index + m[0].length);
    if (close === -1 || close >= content[1]) continue;
    const inner = trimRange(source, [m.index + m[0].length, close]);
    parts.push({ side, content: inner, full: [m.index, close + closeTag.length] });
    open.lastIndex = close + closeTag.length;
  }
  return parts;
}

/** Whether `at` lies in one of `ranges` (sorted by start, disjoint). */
function containsSorted(ranges: Range[], at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (at < r[0]) hi = mid - 1;
    else if (at >= r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}
