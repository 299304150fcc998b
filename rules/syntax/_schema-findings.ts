/**
 * Validates a frontmatter against the schema of its kind and maps every ajv error to the source range
 * of the key (unknown keys) or value (wrong types) it concerns. Shared by `syntax/frontmatter-schema` and
 * `syntax/frontmatter-unknown-key`; the two only differ in which findings they keep.
 */
import type { ErrorObject } from "ajv";
import { compileSchema } from "../../src/util/ajv.js";
import type { PromptDocument, Range } from "../../src/model/document.js";
import { readFrontmatter } from "./_frontmatter-data.js";
import { closest } from "../../src/util/edit-distance.js";
import { FRONTMATTER_SCHEMAS, type FrontmatterKind, KIND_LABELS, frontmatterKind, knownKeysAt } from "./_frontmatter-schemas.js";

export interface UnknownKeyFinding {
  type: "unknown-key";
  key: string;
  path: string;
  expected: string[];
  /** The known key closest to `key`, if one is close: computed when read (see `unknownKey`). */
  readonly suggestion: string | undefined;
  range: Range;
  kind: FrontmatterKind;
}

export interface WrongValueFinding {
  type: "wrong-value";
  path: string;
  expected: string;
  actual: string;
  range: Range;
  kind: FrontmatterKind;
}

export type SchemaFinding = UnknownKeyFinding | WrongValueFinding;

/**
 * An unknown key whose "did you mean" hint is looked for when a message is built: past the number of findings a
 * rule lists per file (5,000 unknown keys in a generated header), no message is built, and the edit distances to
 * every known key would be computed for nothing.
 */
function unknownKey(key: string, path: string, expected: string[], range: Range, kind: FrontmatterKind): UnknownKeyFinding {
  let suggestion: string | undefined | null = null;
  return {
    type: "unknown-key",
    key,
    path,
    expected,
    get suggestion() {
      if (suggestion === null) suggestion = closest(key, expected);
      return suggestion;
    },
    range,
    kind,
  };
}

/** Both rules that read the findings get the same list: one validation per document. */
const memo = new WeakMap<PromptDocument, Promise<SchemaFinding[]>>();

export function schemaFindings(document: PromptDocument): Promise<SchemaFinding[]> {
  let findings = memo.get(document);
  if (!findings) memo.set(document, (findings = computeFindings(document)));
  return findings;
}

async function computeFindings(document: PromptDocument): Promise<SchemaFinding[]> {
  const kind = frontmatterKind(document);
  if (!kind) return [];
  const view = await readFrontmatter(document);
  if (!view || view.errors.length > 0) return [];
  const data = view.data;
  if (data === null || data === undefined) return [];
  const schema = FRONTMATTER_SCHEMAS[kind];
  const fmRange = document.frontmatter!.range;
  const locate = (segments: string[], part: "key" | "value"): Range => {
    for (let n = segments.length; n > 0; n--) {
      const entry = view.keys.get(segments.slice(0, n).join("."));
      if (entry) return n === segments.length ? entry[part] : entry.key;
    }
    return [fmRange[0], Math.min(fmRange[0] + 3, fmRange[1])];
  };

  if (typeof data !== "object" || Array.isArray(data)) {
    return [{ type: "wrong-value", path: "(frontmatter)", expected: "a mapping of keys to values", actual: describe(data), range: document.frontmatter!.contentRange, kind }];
  }

  const validate = compileSchema(schema);
  if (validate(data)) return [];
  const findings: SchemaFinding[] = [];
  const seen = new Set<string>();
  // Every unknown key of one mapping has the same list of known keys (thousands of keys, one schema walk).
  const knownKeys = new Map<string, string[]>();
  const expectedAt = (segments: string[]): string[] => {
    const id = segments.join("\0");
    let keys = knownKeys.get(id);
    if (!keys) knownKeys.set(id, (keys = knownKeysAt(schema, segments).sort()));
    return keys;
  };
  for (const error of relevantErrors(validate.errors ?? [], data, schema)) {
    const segments = pointerSegments(error.instancePath);
    if (error.keyword === "additionalProperties") {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const full = [...segments, key];
      const id = `unknown:${full.join(".")}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const expected = expectedAt(segments);
      findings.push(unknownKey(key, full.join("."), expected, locate(full, "key"), kind));
      continue;
    }
    const value = valueAt(data, segments);
    // An empty YAML value (`key:`) means "not set" to every tool that reads these headers.
    if (value === null) continue;
    // Prompty resolves `${file:...}` / `${env:...}` references before reading a value.
    if (kind === "prompty" && typeof value === "string" && /^\$\{\w+:/.test(value)) continue;
    const path = segments.join(".") || "(frontmatter)";
    const id = `wrong:${path}`;
    if (seen.has(id)) continue;
    seen.add(id);
    findings.push({ type: "wrong-value", path, expected: expectedOf(error, schema), actual: describe(value), range: locate(segments, "value"), kind });
  }
  return findings.sort((a, b) => a.range[0] - b.range[0]);
}

export function kindLabel(kind: FrontmatterKind): string {
  return KIND_LABELS[kind];
}

/**
 * ajv reports every branch of a failed `anyOf`. When the value has the type of one branch (`model:` is a
 * mapping), that branch's errors are the useful ones ("model.parameters must be a mapping"); otherwise the
 * `anyOf` itself is ("expected a string or a mapping"). Outer `anyOf`s are resolved first.
 */
function relevantErrors(errors: ErrorObject[], data: unknown, schema: object): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const anyOfs = errors.filter((e) => e.keyword === "anyOf").sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const anyOf of anyOfs) {
    if (dropped.has(anyOf)) continue;
    const value = valueAt(data, pointerSegments(anyOf.instancePath));
    const found = schemaAt(schema, anyOf.schemaPath);
    const branches = (Array.isArray(found) ? found : []) as { type?: unknown }[];
    const branch = branches.findIndex((b) => typeMatches(b.type, value));
    const inside = errors.filter((e) => e !== anyOf && e.schemaPath.startsWith(`${anyOf.schemaPath}/`));
    const keep = new Set(branch >= 0 ? inside.filter((e) => e.schemaPath.startsWith(`${anyOf.schemaPath}/${branch}/`)) : []);
    if (keep.size > 0) dropped.add(anyOf);
    for (const e of inside) if (!keep.has(e)) dropped.add(e);
  }
  return errors.filter((e) => !dropped.has(e));
}

function typeMatches(type: unknown, value: unknown): boolean {
  if (type === undefined) return true;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    switch (t) {
      case "object":
        return value !== null && typeof value === "object" && !Array.isArray(value);
      case "array":
        return Array.isArray(value);
      case "integer":
        return Number.isInteger(value);
      case "null":
        return value === null;
      default:
        return typeof value === t;
    }
  });
}

function pointerSegments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function valueAt(data: unknown, segments: string[]): unknown {
  let value = data;
  for (const s of segments) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[s];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value.length > 30 ? `${value.slice(0, 27)}...` : value)}`;
    case "number":
      return `the number ${value}`;
    case "boolean":
      return `the boolean ${value}`;
    case "object":
      return "a mapping";
    default:
      return typeof value;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean (true or false)",
  object: "a mapping",
  array: "a list",
  null: "null",
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(" or ");
}

/** The schema node an ajv `schemaPath` ("#/properties/model/anyOf") points at. */
function schemaAt(schema: object, schemaPath: string): unknown {
  let node: unknown = schema;
  for (const s of schemaPath.replace(/^#\/?/, "").split("/").filter(Boolean)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[s.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

function expectedOf(error: ErrorObject, schema: object): string {
  switch (error.keyword) {
    case "type":
      return typeWords((error.params as { type: unknown }).type);
    case "enum":
      return `one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    case "anyOf": {
      const found = schemaAt(schema, error.schemaPath);
      const branches = (Array.isArray(found) ? found : []) as { type?: unknown; items?: { type?: unknown } }[];
      const words = branches.map((b) => (b.type === "array" && b.items?.type ? `a list of ${String(b.items.type)}s` : typeWords(b.type)));
      return words.length > 0 && words.every((w) => w && w !== "undefined") ? words.join(" or ") : "a value of another shape";
    }
    default:
      return error.message ?? "a valid value";
  }
}
