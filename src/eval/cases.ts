/**
 * Finds and reads the cases of a prompt: `<file name>.cases.yaml` next to it (`support.md.cases.yaml`), or
 * `<stem>.cases.yaml` (`support.cases.yaml`), plus a `tests:` list in the prompt's frontmatter. Everything is
 * validated against the cases schema; each problem points at the line of the offending node.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Range } from "../model/document.js";
import { casesFileSchema, frontmatterTestsSchema } from "./cases-schema.js";
import type { Assertion, EvalCase } from "./types.js";
import { validateWith } from "./validate.js";

export interface CasesProblem {
  filePath: string;
  message: string;
  range: Range;
}

export interface LoadedCases {
  cases: EvalCase[];
  problems: CasesProblem[];
}

const SUFFIXES = [".cases.yaml", ".cases.yml"];

/** Candidate cases files of a prompt, most specific first. */
export function casesFileCandidates(promptPath: string): string[] {
  const dir = path.dirname(promptPath);
  const base = path.basename(promptPath);
  const stem = stemOf(base);
  const names = SUFFIXES.map((s) => base + s);
  if (stem !== base) names.push(...SUFFIXES.map((s) => stem + s));
  return names.map((n) => path.join(dir, n));
}

/** `support.prompt.md` -> `support`, `support.md` -> `support`. */
function stemOf(base: string): string {
  const dot = base.indexOf(".", 1);
  return dot === -1 ? base : base.slice(0, dot);
}

/** True when the path is a cases file (not a prompt). */
export function isCasesFile(file: string): boolean {
  return SUFFIXES.some((s) => file.endsWith(s));
}

/** The prompt files a cases file may belong to (the caller checks which exists). */
export function promptCandidatesForCasesFile(casesPath: string): string[] {
  const suffix = SUFFIXES.find((s) => casesPath.endsWith(s));
  if (!suffix) return [];
  return [casesPath.slice(0, -suffix.length)];
}

/** Which cases files exist on disk for a prompt (the first one wins; a second one is reported). */
export function findCasesFiles(promptPath: string, exists: (p: string) => boolean = existsSync): string[] {
  return casesFileCandidates(promptPath).filter(exists);
}

/** Parses a cases file. */
export async function parseCasesFile(filePath: string, text: string): Promise<LoadedCases> {
  const YAML = await import("yaml");
  const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problems: CasesProblem[] = [];
  for (const err of doc.errors) problems.push({ filePath, message: `Invalid YAML: ${firstLine(err.message)}`, range: [err.pos[0], err.pos[1]] });
  if (problems.length > 0) return { cases: [], problems };
  const data = plainData(doc);
  if (data instanceof Error) return { cases: [], problems: [{ filePath, message: `Invalid cases file: ${firstLine(data.message)}`, range: [0, 0] }] };
  const errors = validateWith(casesFileSchema, data);
  if (errors.length > 0) {
    for (const e of errors) problems.push({ filePath, message: `Invalid cases file at ${e.path || "(root)"}: ${e.message}`, range: rangeOfPath(doc, e.path, 0) });
    return { cases: [], problems };
  }
  return collect(doc, ["cases"], filePath, 0, (data as { cases: unknown[] }).cases, problems);
}

/**
 * Reads `tests:` from a prompt's frontmatter. `yamlText` is the text between the `---` fences and `offset`
 * where it starts in the prompt's source.
 */
export async function parseFrontmatterTests(filePath: string, yamlText: string, offset: number): Promise<LoadedCases> {
  const YAML = await import("yaml");
  const doc = YAML.parseDocument(yamlText, { prettyErrors: false });
  if (doc.errors.length > 0) return { cases: [], problems: [] }; // the frontmatter rules report broken YAML
  const plain = plainData(doc);
  if (plain instanceof Error) return { cases: [], problems: [{ filePath, message: `Invalid frontmatter: ${firstLine(plain.message)}`, range: [offset, offset] }] };
  const data = plain as Record<string, unknown> | null;
  if (!data || typeof data !== "object" || !("tests" in data)) return { cases: [], problems: [] };
  const problems: CasesProblem[] = [];
  const errors = validateWith(frontmatterTestsSchema, data.tests);
  if (errors.length > 0) {
    for (const e of errors) problems.push({ filePath, message: `Invalid frontmatter tests at ${e.path || "(root)"}: ${e.message}`, range: rangeOfPath(doc, `/tests${e.path}`, offset) });
    return { cases: [], problems };
  }
  return collect(doc, ["tests"], filePath, offset, data.tests as unknown[], problems);
}

type YamlDoc = import("yaml").Document.Parsed;

/** Aliases expanded at most this many times: a "billion laughs" file is refused, not expanded. */
const MAX_ALIAS_COUNT = 100;

/**
 * The document as plain data, or the error that stopped it: a YAML alias bomb (an alias of an alias of ...)
 * would expand to gigabytes, and the yaml library refuses it with an exception.
 */
function plainData(doc: YamlDoc): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = (error as Error).message;
    return new Error(/alias/i.test(message) ? `too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions), refused as a resource exhaustion risk` : message);
  }
}

function collect(doc: YamlDoc, at: string[], filePath: string, offset: number, items: unknown[], problems: CasesProblem[]): LoadedCases {
  const cases: EvalCase[] = [];
  const seen = new Map<string, number>();
  items.forEach((raw, i) => {
    const item = raw as { name: string; vars?: Record<string, unknown>; input?: string; assert?: Record<string, unknown>[] };
    const range = rangeOfPath(doc, `/${at.join("/")}/${i}`, offset);
    if (seen.has(item.name)) {
      problems.push({ filePath, message: `Duplicate case name "${item.name}", expected each case name once`, range: rangeOfPath(doc, `/${at.join("/")}/${i}/name`, offset) });
      return;
    }
    seen.set(item.name, i);
    const assertions: Assertion[] = [];
    const assertRanges: Range[] = [];
    (item.assert ?? []).forEach((a, j) => {
      const [key, value] = Object.entries(a)[0]!;
      const where = rangeOfPath(doc, `/${at.join("/")}/${i}/assert/${j}`, offset);
      if (key === "regex" || key === "not-regex") {
        try {
          new RegExp(value as string, "u");
        } catch (error) {
          problems.push({ filePath, message: `Invalid regular expression in case "${item.name}": ${(error as Error).message}`, range: where });
          return;
        }
      }
      assertions.push({ type: key, value } as Assertion);
      assertRanges.push(where);
    });
    cases.push({ name: item.name, vars: item.vars ?? {}, input: item.input, assert: assertions, filePath, range, assertRanges });
  });
  return { cases, problems };
}

/** Source range of the YAML node at a JSON pointer; walks up to the nearest existing node. */
function rangeOfPath(doc: YamlDoc, pointer: string, offset: number): Range {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  for (let n = parts.length; n >= 0; n--) {
    const keys = parts.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const node = (n === 0 ? doc.contents : doc.getIn(keys, true)) as { range?: [number, number, number] } | undefined;
    if (node && node.range) {
      // For an item of a map, point at its first key rather than the whole block.
      return [node.range[0] + offset, node.range[1] + offset];
    }
  }
  return [offset, offset];
}

function firstLine(message: string): string {
  return message.split("\n")[0]!;
}
