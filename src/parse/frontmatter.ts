import type { DeclaredInput, Frontmatter, Range } from "../model/document.js";
import { type DocumentBuilder, lines } from "./builder.js";
import { findFrontmatterFence, type FrontmatterFence } from "./frontmatter-fence.js";
import { parseYamlWithPositions, toData, walkYaml } from "./yaml-tools.js";
import { appendAll } from "../util/append.js";

/** A frontmatter block's bounds (see frontmatter-fence.ts, the one finder every part of promptvet uses). */
export type FenceLocation = FrontmatterFence;

/**
 * Finds a `---` fenced YAML block at the start of the file. `allowLeadingComments` lets `#` comment lines
 * and blank lines come first (dotprompt files often carry a license header there).
 * Returns `unclosed` when an opening fence has no closing one.
 */
export function findFrontmatter(source: string, allowLeadingComments: boolean): FenceLocation | { unclosed: Range } | undefined {
  return findFrontmatterFence(source, { allowLeadingComments });
}

/**
 * Parses the YAML of a frontmatter block into the builder: data, key ranges, errors, `#` comments and one
 * "frontmatter" segment per string value (decoded, with a source map).
 */
export function parseFrontmatterBlock(builder: DocumentBuilder, fence: FenceLocation): Frontmatter {
  const [cs, ce] = fence.contentRange;
  const text = builder.source.slice(cs, ce);
  const keys = new Map<string, { key: Range; value: Range }>();
  const frontmatter: Frontmatter = { range: fence.range, contentRange: fence.contentRange, data: undefined, keys, errors: [] };
  try {
    const parsed = parseYamlWithPositions(text, cs);
    appendAll(builder.comments, parsed.comments);
    frontmatter.errors = parsed.errors;
    if (parsed.documentCount > 1) {
      frontmatter.errors.push({ message: "Frontmatter holds more than one YAML document", range: fence.contentRange });
    }
    const doc = parsed.doc;
    if (doc) {
      frontmatter.yaml = doc;
      if (parsed.errors.length === 0) {
        const converted = toData(doc, cs);
        if (converted.aliasBomb) frontmatter.errors.push(converted.aliasBomb);
        else frontmatter.data = converted.data;
      }
      walkYaml(doc.contents, text, cs, {
        key: (path, key, value) => {
          if (!keys.has(path)) keys.set(path, { key, value });
        },
        string: (path, decoded) => {
          if (decoded.text.trim() === "") return;
          builder.addDecoded(decoded.text, decoded.table, "frontmatter", "value", { path });
        },
      });
    }
  } catch (error) {
    frontmatter.errors.push({ message: `Frontmatter could not be parsed: ${(error as Error).message}`, range: fence.contentRange });
  }
  // One broken line makes the YAML parser report a cascade; the first few errors are the useful ones.
  for (const e of frontmatter.errors.slice(0, 5)) builder.problem("frontmatter", e.message, e.range);
  builder.frontmatter = frontmatter;
  return frontmatter;
}

/** Handles the frontmatter of a non-markdown format: finds, parses, sets the body. */
export function readFrontmatter(builder: DocumentBuilder, allowLeadingComments: boolean): Frontmatter | undefined {
  const found = findFrontmatter(builder.source, allowLeadingComments);
  if (!found) return undefined;
  if ("unclosed" in found) {
    builder.problem("frontmatter", "Unclosed frontmatter: expected a closing `---` line", found.unclosed);
    return undefined;
  }
  // Leading `#` lines before the fence are comments too.
  for (const line of lines(builder.source, [0, found.range[0]])) {
    let k = line[0];
    while (k < line[1] && (builder.source[k] === " " || builder.source[k] === "\t")) k++;
    if (builder.source[k] === "#") builder.comments.push({ value: builder.source.slice(k + 1, line[1]).trim(), range: [k, line[1]], syntax: "hash" });
  }
  builder.body = [found.bodyStart, builder.source.length];
  return parseFrontmatterBlock(builder, found);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Inputs declared in frontmatter: prompty `inputs:` (a map or a list of `{name, default|sample|example}`),
 * top-level `sample:` values, dotprompt `input.schema` (Picoschema or JSON Schema) with `input.default`,
 * and generic `variables:`/`inputs:` lists. Undefined when nothing is declared.
 */
export function declaredInputs(frontmatter: Frontmatter | undefined): DeclaredInput[] | undefined {
  if (!frontmatter || !isRecord(frontmatter.data)) return undefined;
  const data = frontmatter.data;
  const keyRange = (path: string): Range => frontmatter.keys.get(path)?.key ?? frontmatter.contentRange;
  const sampleRoot = isRecord(data.sample) ? data.sample : undefined;
  const out: DeclaredInput[] = [];
  const add = (name: string, path: string, spec: unknown) => {
    const input: DeclaredInput = { name, range: keyRange(path) };
    let sample: unknown;
    if (isRecord(spec)) sample = spec.sample ?? spec.default ?? spec.example ?? spec.value;
    else if (spec !== null && typeof spec !== "object" && !isRecord(spec)) sample = spec;
    if (sample === undefined && sampleRoot && name in sampleRoot) sample = sampleRoot[name];
    if (sample !== undefined) input.sample = sample;
    out.push(input);
  };
  let declared = false;
  for (const key of ["inputs", "variables"]) {
    const value = data[key];
    if (isRecord(value)) {
      declared = true;
      for (const [name, spec] of Object.entries(value)) add(name, `${key}.${name}`, spec);
    } else if (Array.isArray(value)) {
      declared = true;
      value.forEach((item, i) => {
        if (typeof item === "string") add(item, `${key}.${i}`, undefined);
        else if (isRecord(item) && typeof item.name === "string") add(item.name, `${key}.${i}.name`, item);
      });
    }
  }
  const input = data.input;
  if (isRecord(input)) {
    const defaults = isRecord(input.default) ? input.default : {};
    const schema = input.schema;
    if (isRecord(schema)) {
      declared = true;
      const jsonSchema = schema.type === "object" && isRecord(schema.properties);
      const props = jsonSchema ? (schema.properties as Record<string, unknown>) : schema;
      const prefix = jsonSchema ? "input.schema.properties" : "input.schema";
      for (const rawKey of Object.keys(props)) {
        const name = picoschemaName(rawKey);
        if (!name) continue;
        const entry: DeclaredInput = { name, range: keyRange(`${prefix}.${rawKey}`) };
        if (name in defaults) entry.sample = defaults[name];
        out.push(entry);
      }
    } else if (isRecord(input.default)) {
      declared = true;
      for (const [name, value] of Object.entries(defaults)) out.push({ name, range: keyRange(`input.default.${name}`), sample: value });
    }
  }
  return declared ? out : undefined;
}

/** `name?`, `name(array, desc)`, `name?(object)` -> `name`; Picoschema wildcards (`(*)`) are not inputs. */
function picoschemaName(key: string): string | undefined {
  let end = key.length;
  const paren = key.indexOf("(");
  if (paren !== -1) end = paren;
  let name = key.slice(0, end).trim();
  if (name.endsWith("?")) name = name.slice(0, -1);
  return name && name !== "*" ? name : undefined;
}
