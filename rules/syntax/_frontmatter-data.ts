/**
 * The frontmatter as the tool that owns the file reads it.
 *
 * Cursor reads a `.mdc` rule's `globs:` line as raw text, so `globs: **\/*.ts` or `globs: *.js, *.ts` is fine
 * for Cursor (its own editor writes it that way) even though strict YAML reads `*` as an alias. For those
 * files the YAML is read again with each raw `globs:` value masked by a same-length plain scalar, so
 * every offset still matches the source, and the raw text is put back as the value.
 */
import type { Frontmatter, PromptDocument, Range } from "../../src/model/document.js";

export interface FrontmatterView {
  data: unknown;
  errors: { message: string; range: Range }[];
  keys: Map<string, { key: Range; value: Range }>;
}

const RAW_GLOBS_LINE = /^globs:[ \t]*(\S[^\r\n]*?)[ \t]*$/gm;

function isCursorRule(path: string): boolean {
  return path.toLowerCase().endsWith(".mdc");
}

/** Frontmatter data, YAML errors and key ranges; undefined when the file has no frontmatter. */
export async function readFrontmatter(document: PromptDocument): Promise<FrontmatterView | undefined> {
  const fm = document.frontmatter;
  if (!fm) return undefined;
  if (isCursorRule(document.path) && (fm.errors.length > 0 || fm.data === undefined)) {
    const reread = await rereadWithRawGlobs(document.source, fm);
    if (reread) return reread;
  }
  return { data: fm.data, errors: fm.errors, keys: fm.keys };
}

async function rereadWithRawGlobs(source: string, fm: Frontmatter): Promise<FrontmatterView | undefined> {
  const [start, end] = fm.contentRange;
  const text = source.slice(start, end);
  let rawValues = 0;
  const masked = text.replace(RAW_GLOBS_LINE, (line, value: string) => {
    // Quoted and flow-sequence values are ordinary YAML.
    if (/^["'[]/.test(value)) return line;
    const at = line.indexOf(value);
    rawValues++;
    return line.slice(0, at) + "x".repeat(value.length) + line.slice(at + value.length);
  });
  if (rawValues === 0) return undefined;

  const { parseDocument, isMap, isScalar, isPair } = await import("yaml");
  const doc = parseDocument(masked, { prettyErrors: false, uniqueKeys: false });
  const errors = doc.errors.map((e) => ({
    message: e.message.split("\n")[0]!,
    // yaml reports "missing ]" one past the end of the text: keep every error inside the header.
    range: [Math.min(start + e.pos[0], end), Math.min(start + Math.max(e.pos[1], e.pos[0]), end)] as Range,
  }));
  let data: unknown;
  const keys = new Map<string, { key: Range; value: Range }>();
  if (errors.length === 0) {
    try {
      data = doc.toJS();
    } catch (error) {
      errors.push({ message: (error as Error).message, range: [start, start] });
    }
    if (isMap(doc.contents)) {
      for (const item of doc.contents.items) {
        if (!isPair(item) || !isScalar(item.key) || !item.key.range) continue;
        const name = String(item.key.value);
        const keyRange: Range = [start + item.key.range[0], start + item.key.range[1]];
        const valueNode = item.value as { range?: [number, number, number] } | null;
        const valueRange: Range = valueNode?.range ? [start + valueNode.range[0], start + valueNode.range[1]] : keyRange;
        keys.set(name, { key: keyRange, value: valueRange });
        if (name === "globs" && data && typeof data === "object" && isScalar(item.value)) {
          (data as Record<string, unknown>).globs = source.slice(valueRange[0], valueRange[1]);
        }
      }
    }
  }
  return { data, errors, keys };
}
