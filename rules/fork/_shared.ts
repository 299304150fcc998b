/**
 * What the fork/* rules share: one composition per document (through `services.shared`), read with the
 * run's file reader, and the conversions from composition locations to report ranges and related locations.
 */
import path from "node:path";
import type { ComposedPrompt, ComposeError, FileRange } from "../../src/compose/index.js";
import { composePrompt, readFrontmatter } from "../../src/compose/index.js";
import { composedDocumentOf, composesOtherFiles, type ComposedDocument } from "../../src/compose/document.js";
import { readWorkingTreeFile } from "../../src/compose/read.js";
import type { RuleContext } from "../../src/rule-api/types.js";
import type { PromptDocument, Range } from "../../src/model/document.js";

export type Composition = { composed: ComposedPrompt; error?: undefined } | { composed?: undefined; error: ComposeError };

/** The composition of the linted document, computed once per document for all fork rules. */
export function composition(context: RuleContext<any>): Promise<Composition> | undefined {
  const { document } = context;
  if (!composesOtherFiles(document)) return undefined;
  return context.services.shared(`fork:compose:${document.path}:${document.source.length}`, async (): Promise<Composition> => {
    const read = context.services.readFile ?? readWorkingTreeFile;
    try {
      const composed = await composePrompt(document.path, (p) => (p === document.path ? document.source : read(p)));
      return { composed };
    } catch (error) {
      if ((error as Error).name === "ComposeError") return { error: error as ComposeError };
      throw error;
    }
  });
}

/**
 * The composed prompt of the linted document, or undefined when it composes nothing or cannot be composed
 * (fork/unresolved reports why; the other fork rules have nothing to check then).
 */
export async function composedPrompt(context: RuleContext<any>): Promise<ComposedPrompt | undefined> {
  return (await composition(context))?.composed;
}

/** A related location (`related` of a report) for a range in another file of the composition. */
export function relatedAt(composed: ComposedPrompt, at: FileRange, message: string) {
  const pos = composed.position(at.filePath, at.range);
  return { filePath: at.filePath, line: pos.line, column: pos.column, endLine: pos.endLine, endColumn: pos.endColumn, message };
}

/** Range in the linted file that stands for a location: itself when it is in this file, else the reference that pulls that file in. */
export function anchorInDocument(composed: ComposedPrompt, at: FileRange): Range {
  if (at.filePath === composed.filePath) return at.range;
  const include = composed.includes.find((i) => i.from === composed.filePath && i.target && reaches(composed, i.target, at.filePath));
  if (include) return include.range;
  return composed.base?.reference ?? firstLineOf(composed);
}

function reaches(composed: ComposedPrompt, from: string, to: string): boolean {
  if (from === to) return true;
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f === to) return true;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const i of composed.includes) if (i.from === f && i.target) stack.push(i.target);
    const text = composed.sources.get(f);
    if (text !== undefined) {
      const fm = readFrontmatter(text);
      const ref = fm.extends ?? fm.forkedFrom;
      if (ref) stack.push(path.resolve(path.dirname(f), ref.value));
    }
  }
  return false;
}

function firstLineOf(composed: ComposedPrompt): Range {
  const text = composed.sources.get(composed.filePath) ?? "";
  const nl = text.indexOf("\n");
  return [0, nl === -1 ? text.length : nl];
}

/** A path shown in messages: relative to the linted file's folder, with forward slashes. */
export function shownPath(fromFile: string, target: string): string {
  const rel = path.relative(path.dirname(fromFile), target).split(path.sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

export type { ComposedDocument };

/** The composed prompt as a `PromptDocument` (parsed once per linted document). */
export function composedDocument(context: RuleContext<any>, composed: ComposedPrompt): Promise<ComposedDocument> {
  const { document } = context;
  return context.services.shared(`fork:composed-document:${document.path}:${document.source.length}`, () =>
    composedDocumentOf(composed, document.path, document.format),
  );
}

/** Where a range of the composed document came from. */
export function originOf(composedDoc: ComposedDocument, range: Range) {
  if (range[0] < composedDoc.header) return undefined;
  return composedDoc.composed.locateRange([range[0] - composedDoc.header, range[1] - composedDoc.header]);
}
