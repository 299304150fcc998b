/**
 * YAML composition whose duplicate-key check is linear. The `yaml` library's own check compares each new key
 * with every earlier key of its map, so a frontmatter of 5,000 keys costs 12.5 million comparisons (seconds).
 *
 * The library asks `uniqueKeys(earlierKey, newKey)` for each earlier key until one answer is true, then reports
 * DUPLICATE_KEY at the new key. Here the first call answers true at once, after looking the new key up in a set
 * of its map's key values (the first argument of that call is the map's first key, which names the map), and
 * the report is let through only when the key was already there. The errors are the library's own, in its
 * order and at its positions: only the cost changes. Equality is the library's default: the same scalar value
 * by `===` (`1` and `"1"` differ, NaN never repeats); other keys never repeat.
 */
import { Composer, Document, Parser, isScalar, YAMLParseError, type DocumentOptions, type ParseOptions, type SchemaOptions } from "yaml";
import { bracketDepth, MAX_NESTING } from "./scan-util.js";

type ComposerOptions = Omit<DocumentOptions & ParseOptions & SchemaOptions, "uniqueKeys">;
type ErrorSink = (source: unknown, code: string, message: string, warning?: boolean) => void;

/** Adds the key's value to the set; false when it was there already (a duplicate). */
function addKey(keys: Set<unknown>, node: unknown): boolean {
  if (!isScalar(node)) return true;
  const value = node.value;
  if (value !== null && (typeof value === "object" || typeof value === "function" || Number.isNaN(value))) return true;
  if (keys.has(value)) return false;
  keys.add(value);
  return true;
}

/** A `yaml` Composer with the linear duplicate-key check (one per parse: it remembers the keys it has seen). */
export function linearComposer(options: ComposerOptions = {}): Composer {
  const keysByFirstKey = new Map<unknown, Set<unknown>>();
  let duplicate = false;
  const uniqueKeys = (firstKey: unknown, newKey: unknown): boolean => {
    let keys = keysByFirstKey.get(firstKey);
    if (!keys) {
      keys = new Set();
      addKey(keys, firstKey);
      keysByFirstKey.set(firstKey, keys);
    }
    duplicate = !addKey(keys, newKey);
    return true;
  };
  const composer = new Composer({ ...options, uniqueKeys });
  // `onError` is the Composer's error sink (private in its types, stable in yaml 2.x); a test compares every
  // error with the library's own check. Should it ever be missing, the library's check runs instead.
  const sink = composer as unknown as { onError?: ErrorSink };
  const report = sink.onError;
  if (typeof report !== "function") return new Composer({ ...options, uniqueKeys: true });
  sink.onError = (source, code, message, warning) => {
    if (code === "DUPLICATE_KEY" && !duplicate) return;
    report(source, code, message, warning);
  };
  return composer;
}

/**
 * `yaml`'s `parseDocument(text, { prettyErrors: false })`, with the linear duplicate-key check. Flow nesting
 * deeper than `MAX_NESTING` is an error instead of a parse: the library recurses once per level, and a
 * regular expression compiled that deep in the stack kills the process (an "out of memory" no catch sees).
 */
export function parseYamlDocument(text: string): Document {
  if (bracketDepth(text, false) > MAX_NESTING) {
    const doc = new Document();
    doc.errors.push(new YAMLParseError([0, Math.min(text.length, 1)], "RESOURCE_EXHAUSTION", `Unexpected nesting deeper than ${MAX_NESTING} levels; the YAML was not parsed`));
    return doc;
  }
  return withoutStackTraces(() => {
    const composer = linearComposer({ prettyErrors: false });
    let doc: Document | undefined;
    for (const next of composer.compose(new Parser().parse(text), true, text.length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
        break;
      }
    }
    return doc!;
  });
}

/**
 * Runs `parse` with stack traces off. The yaml library makes an Error object for every problem it meets, and
 * capturing a stack costs more than parsing the text it is about: a file of 10,000 broken flow mappings spent
 * most of its parse there. Nobody reads those stacks (errors become positioned findings).
 */
export function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** `yaml`'s `parse(text)`: the plain value, or the first error thrown (warnings are not printed). */
export function parseYamlValue(text: string): unknown {
  const doc = parseYamlDocument(text);
  if (doc.errors.length > 0) throw doc.errors[0];
  return doc.toJS();
}
