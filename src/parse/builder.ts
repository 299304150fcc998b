import type {
  DataRecord,
  DeclaredInput,
  FewShotExample,
  Format,
  Frontmatter,
  ParseProblem,
  PromptDocument,
  Range,
  Segment,
  SegmentKind,
  SegmentRole,
  SourceComment,
  TemplateTag,
  TemplateVariable,
} from "../model/document.js";
import { LineIndex } from "../model/line-index.js";
import { OffsetMap } from "../model/offset-map.js";

/** Problems of one kind kept per document; the rest are counted (see `DocumentBuilder.problem`). */
export const MAX_PROBLEMS_PER_KIND = 1_000;

export interface ParseInput {
  path: string;
  source: string;
  format: Format;
  bom?: boolean;
}

/**
 * Collects the pieces of a document while a format adapter walks the source, then assembles the
 * `PromptDocument` with segments in source order (rules visit them in that order).
 */
export class DocumentBuilder {
  readonly source: string;
  segments: Segment[] = [];
  variables: TemplateVariable[] = [];
  tags: TemplateTag[] = [];
  comments: SourceComment[] = [];
  problems: ParseProblem[] = [];
  examples: FewShotExample[] = [];
  records: DataRecord[] | undefined;
  inputs: DeclaredInput[] | undefined;
  frontmatter: Frontmatter | undefined;
  mdast: PromptDocument["mdast"];
  body: Range;

  constructor(
    readonly input: ParseInput,
    readonly isInstructionFile: boolean,
  ) {
    this.source = input.source;
    this.body = [0, input.source.length];
  }

  /** The role plain prose gets in this file. */
  get proseRole(): SegmentRole {
    return this.isInstructionFile ? "instruction" : "system";
  }

  /** Adds a verbatim slice of the source; returns its index (or -1 when empty). */
  addVerbatim(range: Range, role: SegmentRole, kind: SegmentKind, extra: { path?: string; example?: number } = {}): number {
    const [start, end] = range;
    if (end <= start) return -1;
    const segment: Segment = {
      text: this.source.slice(start, end),
      role,
      kind,
      range: [start, end],
      map: OffsetMap.verbatim(start),
    };
    if (extra.path !== undefined) segment.path = extra.path;
    if (extra.example !== undefined) segment.example = extra.example;
    this.segments.push(segment);
    return this.segments.length - 1;
  }

  /** Adds a decoded string whose `table` maps each decoded character to its source offset. */
  addDecoded(
    text: string,
    table: Int32Array,
    role: SegmentRole,
    kind: SegmentKind,
    extra: { path?: string; example?: number } = {},
  ): number {
    const start = table[0] ?? 0;
    const end = table[table.length - 1] ?? start;
    const segment: Segment = {
      text,
      role,
      kind,
      range: [start, Math.max(start, end)],
      map: isIdentity(table, text, this.source) ? OffsetMap.verbatim(start) : OffsetMap.fromTable(table),
    };
    if (extra.path !== undefined) segment.path = extra.path;
    if (extra.example !== undefined) segment.example = extra.example;
    this.segments.push(segment);
    return this.segments.length - 1;
  }

  /** 1-based line of an offset, for messages (the line index is built lazily, once). */
  lineNumber(offset: number): number {
    this.lineIndex ??= new LineIndex(this.source);
    return this.lineIndex.positionAt(offset).line;
  }

  private lineIndex: LineIndex | undefined;

  /**
   * Records a problem. A file can hold one at nearly every character (100,000 `{` are 50,000 unclosed `{{`), and
   * keeping them all makes the parse super-linear (every kept object is copied by each garbage collection) and the
   * report unreadable: past `MAX_PROBLEMS_PER_KIND` of one kind they are counted, and one more problem says so.
   */
  problem(kind: ParseProblem["kind"], message: string, range: Range): void {
    const count = (this.problemCounts.get(kind) ?? 0) + 1;
    this.problemCounts.set(kind, count);
    if (count <= MAX_PROBLEMS_PER_KIND) this.problems.push({ kind, message, range: clampRange(range, this.source.length) });
    else if (count === MAX_PROBLEMS_PER_KIND + 1) this.firstOmitted.set(kind, clampRange(range, this.source.length));
  }

  private readonly problemCounts = new Map<ParseProblem["kind"], number>();
  private readonly firstOmitted = new Map<ParseProblem["kind"], Range>();

  build(): PromptDocument {
    for (const [kind, range] of this.firstOmitted) {
      const omitted = this.problemCounts.get(kind)! - MAX_PROBLEMS_PER_KIND;
      this.problems.push({ kind, message: `${omitted.toLocaleString("en-US")} more problems like the ones before are not listed, from here on`, range });
    }
    // Segment indices are referenced by examples/records, so sort a permutation and remap them.
    const order = this.segments.map((_, i) => i).sort((a, b) => {
      const sa = this.segments[a]!.range;
      const sb = this.segments[b]!.range;
      return sa[0] - sb[0] || sa[1] - sb[1] || a - b;
    });
    const newIndex = new Int32Array(order.length);
    order.forEach((oldIdx, newIdx) => (newIndex[oldIdx] = newIdx));
    const segments = order.map((i) => this.segments[i]!);
    const remap = (i: number) => newIndex[i]!;
    for (const ex of this.examples) {
      ex.inputs = ex.inputs.map(remap);
      ex.outputs = ex.outputs.map(remap);
    }
    for (const record of this.records ?? []) {
      if (record.prompt !== undefined) record.prompt = remap(record.prompt);
      if (record.completion !== undefined) record.completion = remap(record.completion);
      for (const m of record.messages ?? []) if (m.segment !== undefined) m.segment = remap(m.segment);
    }
    const byStart = <T extends { range: Range }>(list: T[]) => list.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    const document: PromptDocument = {
      path: this.input.path,
      source: this.source,
      format: this.input.format,
      bom: this.input.bom ?? false,
      lines: this.lineIndex ?? new LineIndex(this.source),
      body: this.body,
      segments,
      variables: byStart(this.variables),
      tags: byStart(this.tags),
      examples: this.examples,
      comments: byStart(this.comments),
      problems: byStart(this.problems),
      isInstructionFile: this.isInstructionFile,
    };
    if (this.frontmatter) document.frontmatter = this.frontmatter;
    if (this.mdast) document.mdast = this.mdast;
    if (this.inputs) document.inputs = this.inputs;
    if (this.records) document.records = this.records;
    return document;
  }
}

/**
 * A decoded string is verbatim when each character sits at consecutive offsets *and* is the same character
 * (a folded YAML line break becomes a space at the same offset: that still needs its table).
 */
function isIdentity(table: Int32Array, text: string, source: string): boolean {
  if (table.length !== text.length + 1) return false;
  const base = table[0]!;
  for (let i = 1; i < table.length; i++) if (table[i] !== base + i) return false;
  return source.startsWith(text, base);
}

export function clampRange(range: Range, length: number): Range {
  const start = Math.max(0, Math.min(range[0], length));
  return [start, Math.max(start, Math.min(range[1], length))];
}

/** Trims whitespace off both ends of a source range (no regex, linear). */
export function trimRange(source: string, range: Range): Range {
  let [start, end] = range;
  while (start < end && isSpace(source.charCodeAt(start))) start++;
  while (end > start && isSpace(source.charCodeAt(end - 1))) end--;
  return [start, end];
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

/** Line ranges `[start, end)` (without the line break) of a source range. */
export function* lines(source: string, range: Range = [0, source.length]): Generator<Range> {
  let start = range[0];
  const end = range[1];
  while (start <= end) {
    let i = start;
    while (i < end) {
      const c = source.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i++;
    }
    yield [start, i];
    if (i >= end) return;
    start = source.charCodeAt(i) === 13 && source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    if (start > end) return;
    if (start === end) return;
  }
}

/** Splits a range into paragraphs (separated by blank lines), trimmed, verbatim. */
export function paragraphs(source: string, range: Range): Range[] {
  const out: Range[] = [];
  let current: [number, number] | undefined;
  for (const line of lines(source, range)) {
    const trimmed = trimRange(source, line);
    if (trimmed[0] === trimmed[1]) {
      if (current) out.push(trimRange(source, current));
      current = undefined;
    } else if (!current) current = [line[0], line[1]];
    else current[1] = line[1];
  }
  if (current) out.push(trimRange(source, current));
  return out.filter((r) => r[1] > r[0]);
}
