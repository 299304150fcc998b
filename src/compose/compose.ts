/**
 * Prompt composition: a prompt may start from a base (`extends:` in its frontmatter) and change it section
 * by section, and may pull in partials (`{{> name}}`, `{% include "x" %}`). `composePrompt` returns the
 * text the model will read plus a source map across files, so any finding in the composed text can be
 * reported in the file and at the line it came from.
 *
 * Section rules for a file that extends a base (sections are cut at ATX headings, see sections.ts):
 * - a section of the fork whose heading matches a base section replaces it (override), subsections included;
 * - a section named in `append:` is added at the end of the matching base section instead;
 * - sections named in `remove:` are dropped from the base;
 * - other sections of the fork are added after the base, in order; text before the fork's first heading
 *   goes right after the base's own text before its first heading.
 * The base may itself extend another file; composition is applied from the root base down.
 */
import path from "node:path";
import { LineIndex } from "../model/line-index.js";
import type { Format, Range } from "../model/document.js";
import { detectFormat } from "../parse/detect.js";
import { boundedReader, describeRoots, OutsideRootError } from "./boundary.js";
import { ComposeError, type ComposeProblem, type ReferenceStep } from "./errors.js";
import { COMPOSITION_KEYS, readFrontmatter, type FrontmatterInfo } from "./frontmatter.js";
import { findIncludes, includeCandidates } from "./includes.js";
import { findSections, normalizeName, parseSections, type Section } from "./sections.js";
import { locateOffset, locateRange, MappedTextBuilder, type MappedText, type SourceLocation } from "./source-map.js";

/** Reads a file's text; undefined (or a thrown error) when it does not exist. */
export type ReadFile = (filePath: string) => Promise<string | undefined> | string | undefined;

export interface ComposeOptions {
  /** Longest chain of extends/includes followed (default 32). */
  maxDepth?: number;
  /**
   * Folders the composition may read from (see boundary.ts). Without it, the reader decides: the lint
   * engine hands rules a reader bounded to the repository and the configured `compose.allowRoots`.
   */
  roots?: readonly string[];
}

export interface FileRange {
  filePath: string;
  range: Range;
}

export interface LocatedRange extends FileRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The range is a separator composition inserted, not text of the file. */
  synthetic?: boolean;
}

/** What a fork does to one base section. */
export interface SectionOperation {
  kind: "override" | "append" | "remove" | "add";
  /** Title as the fork writes it (for `remove`: as listed). */
  name: string;
  /** The base section concerned (none for `add`). */
  base?: { title: string; path: string; heading: FileRange; required?: FileRange };
  /** Where the fork states it: its heading, or the `remove:` item. */
  at: FileRange;
}

export interface IncludeReference {
  /** The including file. */
  from: string;
  /** The tag's range in the including file. */
  range: Range;
  name: string;
  /** Resolved file; undefined for an optional include that was not found. */
  target?: string;
}

export interface ComposedPrompt extends MappedText {
  filePath: string;
  format: Format;
  /** This file's own frontmatter. */
  own: FrontmatterInfo;
  /** Frontmatter data of the base chain with this file's keys on top (composition keys removed). */
  frontmatter: Record<string, unknown>;
  /** The base this file extends or was forked from. */
  base?: { kind: "extends" | "forked_from"; target: string; reference: Range; prompt: ComposedPrompt };
  /** What this file does to its base's sections (empty without a base). */
  operations: SectionOperation[];
  /** Every include followed, in this file and in the files it pulls in. */
  includes: IncludeReference[];
  /** Files that make up the composed text, this one first. */
  files: string[];
  /** Non-fatal problems (unknown section names...). */
  problems: ComposeProblem[];
  /** Texts of every file read (BOM removed), by absolute path. */
  sources: Map<string, string>;
  /** Where a composed offset came from, with its 1-based line and column. */
  locate(offset: number): (SourceLocation & { line: number; column: number }) | undefined;
  /** Where a composed range came from (cut at the end of the file piece its start lies in). */
  locateRange(range: Range): LocatedRange | undefined;
  /** Line and column of a range in one of the files read. */
  position(filePath: string, range: Range): LocatedRange;
}

interface Context {
  read: ReadFile;
  maxDepth: number;
  sources: Map<string, string>;
  missing: Set<string>;
  lines: Map<string, LineIndex>;
  memo: Map<string, ComposedPrompt>;
}

/** Composes the prompt in `filePath` (made absolute), reading it and every base and partial with `readFile`. */
export async function composePrompt(filePath: string, readFile: ReadFile, options: ComposeOptions = {}): Promise<ComposedPrompt> {
  const abs0 = path.resolve(filePath);
  // The composed file itself is read as given (the linter already has it); the boundary is for what it pulls in.
  const read: ReadFile = options.roots ? bounded(readFile, options.roots, abs0) : readFile;
  const ctx: Context = { read, maxDepth: options.maxDepth ?? 32, sources: new Map(), missing: new Set(), lines: new Map(), memo: new Map() };
  const abs = path.resolve(filePath);
  const text = await load(ctx, abs);
  if (text === undefined) {
    throw new ComposeError({ kind: "missing", message: `Cannot read "${abs}".`, filePath: abs, range: [0, 0], line: 1, column: 1, via: [], paths: [abs] });
  }
  return composeFile(ctx, abs, [], abs);
}

function bounded(readFile: ReadFile, roots: readonly string[], composed: string): ReadFile {
  const guard = boundedReader(async (p) => readFile(p), roots);
  return (p) => (path.resolve(p) === composed ? readFile(p) : guard(p));
}

async function load(ctx: Context, filePath: string): Promise<string | undefined> {
  const known = ctx.sources.get(filePath);
  if (known !== undefined) return known;
  if (ctx.missing.has(filePath)) return undefined;
  let text: string | undefined;
  try {
    text = await ctx.read(filePath);
  } catch (error) {
    // A refused read is not a missing file: the reference gets its own diagnostic.
    if ((error as Error).name === "OutsideRootError") throw error;
    text = undefined;
  }
  if (text === undefined) {
    ctx.missing.add(filePath);
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  ctx.sources.set(filePath, text);
  return text;
}

function lineIndex(ctx: Context, filePath: string): LineIndex {
  let index = ctx.lines.get(filePath);
  if (!index) ctx.lines.set(filePath, (index = new LineIndex(ctx.sources.get(filePath) ?? "")));
  return index;
}

function position(ctx: Context, filePath: string, range: Range, synthetic?: boolean): LocatedRange {
  const index = lineIndex(ctx, filePath);
  const s = index.positionAt(range[0]);
  const e = index.positionAt(range[1]);
  const out: LocatedRange = { filePath, range, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  if (synthetic) out.synthetic = true;
  return out;
}

function rel(from: string, to: string): string {
  const r = path.relative(path.dirname(from), to).split(path.sep).join("/");
  return r.startsWith(".") ? r : `./${r}`;
}

function composeError(ctx: Context, kind: ComposeError["kind"], message: string, at: FileRange, chain: ReferenceStep[], paths: string[]): ComposeError {
  const pos = position(ctx, at.filePath, at.range);
  return new ComposeError({ kind, message, filePath: at.filePath, range: at.range, line: pos.line, column: pos.column, via: chain, paths });
}

/** Follows a reference from `from` to `target`, guarding against cycles and runaway depth. */
function checkReference(ctx: Context, from: string, range: Range, target: string, chain: ReferenceStep[], what: string): ReferenceStep[] {
  const step: ReferenceStep = { filePath: from, range, target };
  const ancestors = [...chain.map((s) => s.filePath), from];
  const loopAt = ancestors.indexOf(target);
  if (loopAt !== -1) {
    const cycle = [...ancestors.slice(loopAt), target];
    const shown = cycle.map((f, i) => (i === 0 ? path.basename(f) : rel(cycle[i - 1]!, f))).join(" → ");
    throw composeError(ctx, "cycle", `Unexpected cycle: ${what} "${rel(from, target)}" leads back to this file (${shown}); expected each prompt to be composed from files that do not use it.`, { filePath: from, range }, chain, cycle);
  }
  if (chain.length + 1 > ctx.maxDepth) {
    throw composeError(ctx, "too-deep", `Unexpected chain of more than ${ctx.maxDepth} extends/includes at ${what} "${rel(from, target)}"; expected a shallower composition.`, { filePath: from, range }, chain, ancestors);
  }
  return [...chain, step];
}

/**
 * `promptFile` is the prompt whose includes are being expanded: Handlebars and Dotprompt register partials
 * by name for the whole prompt, so a partial's own partials are looked up from the prompt's folder too.
 */
async function composeFile(ctx: Context, filePath: string, chain: ReferenceStep[], promptFile: string): Promise<ComposedPrompt> {
  const memoKey = `${filePath}\0${promptFile}`;
  const memo = ctx.memo.get(memoKey);
  if (memo) return memo;
  const text = ctx.sources.get(filePath)!;
  const format: Format = detectFormat(filePath) ?? "text";
  const own = readFrontmatter(text);
  const problems: ComposeProblem[] = own.invalid.map((e) => ({ kind: "frontmatter" as const, message: e.message, filePath, range: e.range }));
  const includes: IncludeReference[] = [];
  const files = new Set<string>([filePath]);

  const body = await expandIncludes(ctx, filePath, promptFile, text, own.bodyStart, format, chain, includes, files);

  let result: MappedText = body;
  let base: ComposedPrompt["base"];
  let operations: SectionOperation[] = [];
  let frontmatter: Record<string, unknown> = { ...own.data };
  const reference = own.extends ?? own.forkedFrom;
  if (own.extends && own.forkedFrom) {
    problems.push({ kind: "frontmatter", message: "Unexpected `forked_from` next to `extends`; expected one of them (`extends` is used).", filePath, range: own.forkedFrom.range });
  }
  if (reference) {
    const kind = own.extends ? "extends" : "forked_from";
    const target = path.resolve(path.dirname(filePath), reference.value);
    const nextChain = checkReference(ctx, filePath, reference.range, target, chain, kind);
    if ((await loadWithin(ctx, target, { filePath, range: reference.range }, chain, `base prompt "${reference.value}" (${kind})`)) === undefined) {
      throw composeError(ctx, "missing", `Unexpected missing base prompt "${reference.value}" (${kind}), expected a file at ${target}.`, { filePath, range: reference.range }, chain, [target]);
    }
    const basePrompt = await composeFile(ctx, target, nextChain, target);
    base = { kind, target, reference: reference.range, prompt: basePrompt };
    for (const f of basePrompt.files) files.add(f);
    includes.push(...basePrompt.includes);
    if (kind === "extends") {
      const merged = mergeSections(ctx, filePath, own, basePrompt, body, problems);
      result = merged.text;
      operations = merged.operations;
      frontmatter = { ...basePrompt.frontmatter, ...own.data };
    } else {
      operations = compareCopies(ctx, filePath, reference.range, basePrompt, body);
    }
  }
  for (const key of COMPOSITION_KEYS) delete frontmatter[key];

  const composed: ComposedPrompt = {
    ...result,
    filePath,
    format,
    own,
    frontmatter,
    base,
    operations,
    includes,
    files: [...files],
    problems,
    sources: ctx.sources,
    locate(offset) {
      const loc = locateOffset(result, offset);
      if (!loc) return undefined;
      const p = lineIndex(ctx, loc.filePath).positionAt(loc.offset);
      return { ...loc, line: p.line, column: p.column };
    },
    locateRange(range) {
      const loc = locateRange(result, range);
      return loc ? position(ctx, loc.filePath, loc.range, loc.synthetic) : undefined;
    },
    position(file, range) {
      return position(ctx, file, range);
    },
  };
  ctx.memo.set(memoKey, composed);
  return composed;
}

async function expandIncludes(
  ctx: Context,
  filePath: string,
  promptFile: string,
  text: string,
  from: number,
  format: Format,
  chain: ReferenceStep[],
  includes: IncludeReference[],
  files: Set<string>,
): Promise<MappedText> {
  const builder = new MappedTextBuilder();
  let cursor = from;
  for (const tag of findIncludes(text, format, from)) {
    builder.appendSource(filePath, text, cursor, tag.range[0]);
    cursor = tag.range[1];
    let target: string | undefined;
    const candidates = [...new Set([...includeCandidates(filePath, tag), ...(promptFile === filePath ? [] : includeCandidates(promptFile, tag))])];
    let refused: OutsideRootError | undefined;
    for (const [i, candidate] of candidates.entries()) {
      let text: string | undefined;
      try {
        text = await load(ctx, candidate);
      } catch (error) {
        if (!(error instanceof OutsideRootError)) throw error;
        // Lookups in enclosing folders may leave the root: those places are simply not searched. A name that
        // itself points outside (an absolute path, `../../..`) is refused.
        if (i === 0) refused = error;
        continue;
      }
      if (text !== undefined) {
        target = candidate;
        break;
      }
    }
    if (!target && refused) {
      throw outsideError(ctx, `partial "${tag.name}"`, refused, { filePath, range: tag.range }, chain);
    }
    includes.push({ from: filePath, range: tag.range, name: tag.name, target });
    if (!target) {
      if (tag.optional) continue;
      throw composeError(
        ctx,
        "missing",
        `Unexpected missing partial "${tag.name}", expected a file at ${rel(filePath, candidates[0]!)}${candidates.length > 1 ? ` (or one of ${candidates.length - 1} other places)` : ""}.`,
        { filePath, range: tag.range },
        chain,
        candidates,
      );
    }
    const nextChain = checkReference(ctx, filePath, tag.range, target, chain, "include");
    const partial = await composeFile(ctx, target, nextChain, promptFile);
    for (const f of partial.files) files.add(f);
    includes.push(...partial.includes);
    // Jinja drops a template's final newline and a partial on its own line keeps the line's own break.
    let end = partial.text.length;
    if (partial.text.endsWith("\n")) end -= partial.text.endsWith("\r\n") ? 2 : 1;
    builder.appendMapped(partial, 0, end);
  }
  builder.appendSource(filePath, text, cursor, text.length);
  return builder.build();
}

/** Loads a referenced file; a refused read becomes a diagnostic at the reference. */
async function loadWithin(ctx: Context, target: string, at: FileRange, chain: ReferenceStep[], what: string): Promise<string | undefined> {
  try {
    return await load(ctx, target);
  } catch (error) {
    if (error instanceof OutsideRootError) throw outsideError(ctx, what, error, at, chain);
    throw error;
  }
}

function outsideError(ctx: Context, what: string, error: OutsideRootError, at: FileRange, chain: ReferenceStep[]): ComposeError {
  // Reported like a missing file (what fork/unresolved and `promptvet forks` show), with its own reason.
  const pos = position(ctx, at.filePath, at.range);
  return new ComposeError({
    kind: "missing",
    outside: true,
    message: `Unexpected ${what} outside ${describeRoots(error.roots)} (${error.filePath}); expected a file inside the repository, or its folder listed under \`compose.allowRoots\` in the config.`,
    filePath: at.filePath,
    range: at.range,
    line: pos.line,
    column: pos.column,
    via: chain,
    paths: [error.filePath],
  });
}

interface Merge {
  text: MappedText;
  operations: SectionOperation[];
}

function baseInfo(base: ComposedPrompt, section: Section): NonNullable<SectionOperation["base"]> {
  const heading = base.locateRange(section.heading)!;
  const info: NonNullable<SectionOperation["base"]> = { title: section.title, path: section.path, heading: { filePath: heading.filePath, range: heading.range } };
  if (section.required) {
    const r = base.locateRange(section.required)!;
    info.required = { filePath: r.filePath, range: r.range };
  }
  return info;
}

/** Picks the base section a fork name refers to; records a problem when there is none or several. */
function pick(
  candidates: Section[],
  level: number | undefined,
  name: string,
  at: FileRange,
  problems: ComposeProblem[],
  what: "remove" | "append",
): Section | undefined {
  if (candidates.length === 0) {
    return undefined;
  }
  let chosen = candidates;
  if (candidates.length > 1 && level !== undefined) {
    const sameLevel = candidates.filter((s) => s.level === level);
    if (sameLevel.length > 0) chosen = sameLevel;
  }
  if (chosen.length > 1) {
    problems.push({
      kind: "ambiguous-section",
      message: `Unexpected ambiguous section name "${name}" in ${what === "remove" ? "`remove`" : "the fork"}: the base has ${chosen.length} sections with that heading (${chosen.map((s) => `"${s.path}"`).join(", ")}); expected a path such as "${chosen[0]!.path}".`,
      filePath: at.filePath,
      range: at.range,
      name,
    });
  }
  return chosen[0];
}

function mergeSections(ctx: Context, filePath: string, own: FrontmatterInfo, base: ComposedPrompt, fork: MappedText, problems: ComposeProblem[]): Merge {
  const anchor: SourceLocation = { filePath, offset: own.extends!.range[0] };
  const baseSections = parseSections(base.text);
  const forkSections = parseSections(fork.text);
  const units = forkSections.filter((s) => s.parent === -1);
  const appendNames = new Set(own.append.map((a) => normalizeName(a.value)));
  const operations: SectionOperation[] = [];
  const byBase = new Map<Section, { kind: "override" | "append" | "remove"; unit?: Section }>();
  const added: Section[] = [];
  const forkAt = (s: Section): FileRange => {
    const loc = locateRange(fork, s.heading)!;
    return { filePath: loc.filePath, range: loc.range };
  };

  for (const item of own.remove) {
    const at = { filePath, range: item.range };
    const target = pick(findSections(baseSections, item.value), undefined, item.value, at, problems, "remove");
    if (!target) {
      problems.push({ kind: "unknown-section", message: `Unexpected section "${item.value}" in \`remove\`: the base has no section with that heading; expected one of ${listNames(baseSections)}.`, filePath, range: item.range, name: item.value });
      continue;
    }
    byBase.set(target, { kind: "remove" });
    operations.push({ kind: "remove", name: item.value, base: baseInfo(base, target), at });
  }
  for (const item of own.append) {
    if (!units.some((u) => u.key === normalizeName(item.value) || findSections([u], item.value).length > 0)) {
      problems.push({ kind: "append-without-section", message: `Unexpected name "${item.value}" in \`append\`: this file has no section with that heading; expected a "## ${item.value}" section to append.`, filePath, range: item.range, name: item.value });
    }
  }
  for (const unit of units) {
    const at = forkAt(unit);
    const wantsAppend = appendNames.has(unit.key);
    const target = pick(findSections(baseSections, unit.title), unit.level, unit.title, at, problems, "append");
    if (!target) {
      if (wantsAppend) {
        const item = own.append.find((a) => normalizeName(a.value) === unit.key)!;
        problems.push({ kind: "unknown-section", message: `Unexpected section "${item.value}" in \`append\`: the base has no section with that heading; expected one of ${listNames(baseSections)}.`, filePath, range: item.range, name: item.value });
      }
      added.push(unit);
      operations.push({ kind: "add", name: unit.title, at });
      continue;
    }
    if (byBase.has(target)) {
      // Removed and restated: the fork's text wins, as an override.
      byBase.delete(target);
      const i = operations.findIndex((o) => o.kind === "remove" && o.base?.heading.range[0] === baseInfo(base, target).heading.range[0]);
      if (i !== -1) operations.splice(i, 1);
    }
    byBase.set(target, { kind: wantsAppend ? "append" : "override", unit });
    operations.push({ kind: wantsAppend ? "append" : "override", name: unit.title, base: baseInfo(base, target), at });
  }

  const builder = new MappedTextBuilder();
  const basePreambleEnd = introEnd(base.text, baseSections);
  const forkPreambleEnd = forkSections[0]?.heading[0] ?? fork.text.length;
  const forkPreamble = fork.text.slice(0, forkPreambleEnd).trim() !== "";
  let cursor = 0;
  const emitForkPreamble = () => {
    if (!forkPreamble) return;
    builder.ensureBlankLine(anchor);
    const start = fork.text.slice(0, forkPreambleEnd).search(/\S/);
    builder.appendMapped(fork, start, forkPreambleEnd);
    builder.ensureBlankLine(anchor);
  };
  builder.appendMapped(base, 0, basePreambleEnd);
  emitForkPreamble();
  cursor = basePreambleEnd;
  for (const section of baseSections) {
    if (section.heading[0] < cursor) continue; // inside a section already replaced or removed
    const op = byBase.get(section);
    if (!op) continue;
    if (op.kind === "append") {
      builder.appendMapped(base, cursor, section.end);
      builder.ensureBlankLine(anchor);
      builder.appendMapped(fork, skipBlankLines(fork.text, op.unit!.contentStart, op.unit!.end), op.unit!.end);
      if (section.end < base.text.length) builder.ensureBlankLine(anchor);
    } else {
      builder.appendMapped(base, cursor, section.heading[0]);
      if (op.kind === "override") {
        builder.appendMapped(fork, op.unit!.heading[0], op.unit!.end);
        if (section.end < base.text.length) builder.ensureBlankLine(anchor);
      }
    }
    cursor = section.end;
  }
  builder.appendMapped(base, cursor, base.text.length);
  for (const unit of added) {
    builder.ensureBlankLine(anchor);
    builder.appendMapped(fork, unit.heading[0], unit.end);
  }
  void ctx;
  return { text: builder.build(), operations };
}

/**
 * End of a prompt's introduction: the text before its first heading, or, when one top-level heading holds
 * the whole prompt (`# Support assistant`), its own text before its first subsection.
 */
function introEnd(text: string, sections: readonly Section[]): number {
  const first = sections[0];
  if (!first) return text.length;
  const topLevel = sections.filter((s) => s.parent === -1);
  if (topLevel.length === 1 && first.heading[0] === 0 + leadingBlank(text)) {
    const child = sections[1];
    return child ? child.heading[0] : first.end;
  }
  return first.heading[0];
}

function leadingBlank(text: string): number {
  const m = /^\s*/.exec(text.slice(0, 4096));
  const n = m ? m[0].length : 0;
  // Back up to the start of the line that holds the first non-blank character.
  const lineStart = text.lastIndexOf("\n", n - 1) + 1;
  return Math.min(n, lineStart);
}

/** Offset of the first line of `text[from, to)` that is not blank. */
function skipBlankLines(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const nl = text.indexOf("\n", i);
    const end = nl === -1 || nl >= to ? to : nl + 1;
    if (text.slice(i, end).trim() !== "") return i;
    i = end;
  }
  return to;
}

function listNames(sections: readonly Section[]): string {
  if (sections.length === 0) return "(the base has no headings)";
  const names = sections.slice(0, 8).map((s) => `"${s.title}"`);
  return names.join(", ") + (sections.length > 8 ? ", ..." : "");
}

function ownContent(text: string, sections: readonly Section[], i: number): string {
  const s = sections[i]!;
  const next = sections[i + 1];
  const end = next && next.heading[0] < s.end ? next.heading[0] : s.end;
  return text
    .slice(s.contentStart, end)
    .replace(/<!--\s*promptvet:required\b[^>]{0,200}-->/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** For a full copy (`forked_from`): which base sections the copy changed, dropped or added. */
function compareCopies(ctx: Context, filePath: string, reference: Range, base: ComposedPrompt, fork: MappedText): SectionOperation[] {
  const baseSections = parseSections(base.text);
  const forkSections = parseSections(fork.text);
  const operations: SectionOperation[] = [];
  const matched = new Set<number>();
  baseSections.forEach((section, i) => {
    const j = forkSections.findIndex((f, k) => !matched.has(k) && f.key === section.key);
    if (j === -1) {
      operations.push({ kind: "remove", name: section.title, base: baseInfo(base, section), at: { filePath, range: reference } });
      return;
    }
    matched.add(j);
    if (ownContent(base.text, baseSections, i) !== ownContent(fork.text, forkSections, j)) {
      const loc = locateRange(fork, forkSections[j]!.heading)!;
      operations.push({ kind: "override", name: forkSections[j]!.title, base: baseInfo(base, section), at: { filePath: loc.filePath, range: loc.range } });
    }
  });
  forkSections.forEach((section, k) => {
    if (matched.has(k)) return;
    const loc = locateRange(fork, section.heading)!;
    operations.push({ kind: "add", name: section.title, at: { filePath: loc.filePath, range: loc.range } });
  });
  void ctx;
  return operations;
}
