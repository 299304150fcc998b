/** JSONL, JSON and YAML data files: positions from jsonc-parser (strict) and the `yaml` CST. */
import { getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from "jsonc-parser";
import { isMap, isScalar, isSeq, isPair, type Node as YamlNode } from "yaml";
import type { Range } from "../model/document.js";
import { type DocumentBuilder, lines, trimRange } from "./builder.js";
import { DataInterpreter, type DataAdapter } from "./data.js";
import { decodeJsonString } from "./json-string.js";
import { bracketDepth, MAX_NESTING } from "./scan-util.js";
import { aliasBombIn, parseYamlWithPositions, scalarMap } from "./yaml-tools.js";
import { appendAll } from "../util/append.js";

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

const ERROR_MESSAGES: Record<string, string> = {
  InvalidSymbol: "Unexpected character",
  InvalidNumberFormat: "Invalid number",
  PropertyNameExpected: "Expected a property name in double quotes",
  ValueExpected: "Expected a value",
  ColonExpected: "Expected ':'",
  CommaExpected: "Expected ',' or a closing bracket",
  CloseBraceExpected: "Expected '}'",
  CloseBracketExpected: "Expected ']'",
  EndOfFileExpected: "Unexpected content after the JSON value",
  InvalidCommentToken: "Comments are not allowed in JSON",
  UnexpectedEndOfComment: "Unterminated comment",
  UnexpectedEndOfString: "Unterminated string",
  UnexpectedEndOfNumber: "Unexpected end of number",
  InvalidUnicode: "Invalid \\u escape",
  InvalidEscapeCharacter: "Invalid escape character",
  InvalidCharacter: "Invalid character in string (control characters must be escaped)",
};

function jsonError(error: ParseError, base: number, textLength: number): { message: string; range: Range } {
  const name = printParseErrorCode(error.error);
  const message = `Invalid JSON: ${ERROR_MESSAGES[name] ?? name}`;
  // An error at the very end (missing `}`) is an empty range there, not the line break after it.
  const start = Math.min(error.offset, textLength);
  const end = Math.min(start + Math.max(1, error.length), textLength);
  return { message, range: [base + start, base + end] };
}

function jsonAdapter(text: string, base: number): DataAdapter<JsonNode> {
  return {
    kind: (n) => (n.type === "object" || n.type === "array" || n.type === "string" ? n.type : "other"),
    range: (n) => [base + n.offset, base + n.offset + n.length],
    entries: (n) =>
      (n.children ?? []).flatMap((p) => {
        const [key, value] = p.children ?? [];
        if (!key || !value || typeof key.value !== "string") return [];
        return [{ key: key.value, keyRange: [base + key.offset, base + key.offset + key.length] as Range, value }];
      }),
    items: (n) => n.children ?? [],
    decode: (n) => {
      const decoded = decodeJsonString(text, n.offset, n.offset + n.length);
      if (base !== 0) for (let i = 0; i < decoded.table.length; i++) decoded.table[i]! += base;
      return decoded;
    },
    value: (n) => getNodeValue(n),
  };
}

function parseJsonText(text: string): { root: JsonNode | undefined; errors: ParseError[]; crashed?: string } {
  const errors: ParseError[] = [];
  if (bracketDepth(text, true) > MAX_NESTING) return { root: undefined, errors, crashed: "nesting" };
  try {
    return { root: parseTree(text, errors, STRICT), errors };
  } catch (error) {
    // Nesting deep enough to exhaust the stack.
    return { root: undefined, errors, crashed: (error as Error).message };
  }
}

export function parseJsonl(builder: DocumentBuilder): void {
  const source = builder.source;
  builder.records = [];
  let index = 0;
  for (const line of lines(source)) {
    const [s, e] = trimRange(source, line);
    if (e <= s) continue;
    const text = source.slice(s, e);
    const { root, errors, crashed } = parseJsonText(text);
    const interpreter = new DataInterpreter(builder, jsonAdapter(text, s));
    const error = crashed ? { message: `Unexpected nesting deeper than ${MAX_NESTING} levels; the JSON was not parsed`, range: [s, e] as Range } : errors[0] ? jsonError(errors[0], s, text.length) : undefined;
    if (error || !root) {
      const err = error ?? { message: "Invalid JSON: expected a value", range: [s, e] as Range };
      builder.problem("record", err.message, err.range);
      builder.records.push({ index, range: [s, e], value: undefined, error: err });
    } else {
      interpreter.record(root, index, `/${index}`);
    }
    index++;
  }
}

export function parseJson(builder: DocumentBuilder): void {
  const source = builder.source;
  const { root, errors, crashed } = parseJsonText(source);
  if (crashed) builder.problem("structure", `Unexpected nesting deeper than ${MAX_NESTING} levels; the JSON was not parsed`, [0, Math.min(1, source.length)]);
  for (const error of errors.slice(0, 20)) {
    const e = jsonError(error, 0, source.length);
    builder.problem("structure", e.message, e.range);
  }
  if (!root) return;
  new DataInterpreter(builder, jsonAdapter(source, 0)).root(root);
}

type YamlEntry = { key: string; keyRange: Range; value: YamlNode };
const yamlEntries = new WeakMap<object, YamlEntry[]>();

function yamlAdapter(text: string): DataAdapter<YamlNode> {
  return {
    kind: (n) => (isMap(n) ? "object" : isSeq(n) ? "array" : isScalar(n) && typeof n.value === "string" ? "string" : "other"),
    range: (n) => (n.range ? [n.range[0], n.range[1]] : [0, 0]),
    entries: (n) => {
      if (!isMap(n)) return [];
      // A record is probed for several key names and then walked: its entries are listed once.
      let listed = yamlEntries.get(n);
      if (listed) return listed;
      listed = [];
      for (const pair of n.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.value) continue;
        const key = pair.key;
        listed.push({ key: String(key.value), keyRange: key.range ? [key.range[0], key.range[1]] : [0, 0], value: pair.value as YamlNode });
      }
      yamlEntries.set(n, listed);
      return listed;
    },
    items: (n) => (isSeq(n) ? (n.items.filter((x) => x) as YamlNode[]) : []),
    decode: (n) => scalarMap(text, 0, n as { range: [number, number, number]; type?: string; value: unknown }),
    value: (n) => (n as { toJSON(): unknown }).toJSON(),
  };
}

/**
 * The yaml library counts an alias of a plain value once per use: a few-shot file whose records share an
 * anchored system prompt (`system: *sys` in every record) uses it thousands of times and is no bomb. The
 * limit bounds the work of the check all the same (a bomb stops after this many expansions).
 */
const DATA_MAX_ALIAS_COUNT = 10_000;

export function parseYamlFile(builder: DocumentBuilder): void {
  const source = builder.source;
  const parsed = parseYamlWithPositions(source, 0);
  appendAll(builder.comments, parsed.comments);
  for (const error of parsed.errors) builder.problem("structure", `Invalid YAML: ${error.message}`, error.range);
  const doc = parsed.doc;
  if (!doc || !doc.contents) return;
  // Records read aliases as they are written, never expanded; a file whose aliases would expand past the
  // limit is still an error: every tool that loads it (a fine-tune upload, the app's own YAML loader) chokes on it.
  const bomb = parsed.errors.length === 0 ? aliasBombIn(doc, 0, DATA_MAX_ALIAS_COUNT) : undefined;
  if (bomb) builder.problem("structure", `Invalid YAML: ${bomb.message}`, bomb.range);
  new DataInterpreter(builder, yamlAdapter(source)).root(doc.contents as YamlNode);
}
