/**
 * YAML with positions: one parse gives the `yaml` Document (data, errors, node ranges) and the CST (where
 * `#` comments live with their offsets). Every range is shifted by `base`, the offset of the YAML text in
 * the file, so callers only ever see file offsets.
 */
import { Parser, isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Document as YamlDocument, type Node as YamlNode } from "yaml";
import type { Range, SourceComment } from "../model/document.js";
import type { DecodedString } from "./json-string.js";
import { mapYamlScalar, type ScalarStyle } from "./yaml-scalar.js";
import { bracketDepth, MAX_NESTING } from "./scan-util.js";
import { linearComposer, withoutStackTraces } from "./yaml-keys.js";

export interface YamlParseResult {
  /** The first document (undefined only when the text holds no document at all). */
  doc: YamlDocument | undefined;
  /** Number of documents in the stream. */
  documentCount: number;
  errors: { message: string; range: Range }[];
  comments: SourceComment[];
}

export function parseYamlWithPositions(text: string, base: number): YamlParseResult {
  if (bracketDepth(text, false) > MAX_NESTING) {
    return {
      doc: undefined,
      documentCount: 0,
      errors: [{ message: `Unexpected nesting deeper than ${MAX_NESTING} levels; the YAML was not parsed`, range: [base, base + Math.min(text.length, 1)] }],
      comments: [],
    };
  }
  const { tokens, docs } = withoutStackTraces(() => {
    const tokens = Array.from(new Parser().parse(text));
    const composer = linearComposer({ keepSourceTokens: true, prettyErrors: false });
    return { tokens, docs: Array.from(composer.compose(tokens, true, text.length)) };
  });
  const errors: { message: string; range: Range }[] = [];
  for (const doc of docs) {
    for (const error of doc.errors) {
      const [s, e] = error.pos;
      errors.push({ message: firstLine(error.message), range: [base + s, base + Math.max(s, e)] });
    }
  }
  return { doc: docs[0], documentCount: docs.length, errors, comments: collectComments(tokens, base) };
}

function firstLine(message: string): string {
  const nl = message.indexOf("\n");
  return nl === -1 ? message : message.slice(0, nl);
}

/** `#` comments anywhere in the CST, found with an explicit stack (deep nesting must not overflow). */
function collectComments(tokens: unknown[], base: number): SourceComment[] {
  const comments: SourceComment[] = [];
  const stack: unknown[] = [...tokens].reverse();
  while (stack.length) {
    const item = stack.pop();
    if (!item || typeof item !== "object") continue;
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
      continue;
    }
    const token = item as Record<string, unknown>;
    if (token.type === "comment" && typeof token.offset === "number" && typeof token.source === "string") {
      const start = base + token.offset;
      comments.push({ value: token.source.slice(1).trim(), range: [start, start + token.source.length], syntax: "hash" });
      continue;
    }
    for (const key of ["start", "key", "sep", "value", "end", "items", "props"]) {
      const child = token[key];
      if (child && typeof child === "object") stack.push(child);
    }
  }
  return comments.sort((a, b) => a.range[0] - b.range[0]);
}

/** Aliases expanded at most this many times: a "billion laughs" document is refused, not expanded. */
export const MAX_ALIAS_COUNT = 100;

/** A YAML document as plain data, or why it has none: an alias bomb is an error to report, not a silent `undefined`. */
export type YamlData = { data: unknown; aliasBomb?: undefined } | { data?: undefined; aliasBomb: { message: string; range: Range } };

/**
 * Converts a YAML document to plain JS without ever throwing. Aliases that expand more than MAX_ALIAS_COUNT
 * times (an anchor of aliases of anchors of aliases...: nine lines make a billion nodes) give `aliasBomb`,
 * at the first alias (`base` shifts its range to file offsets); other failures (cycles) give no data.
 */
export function toData(doc: YamlDocument, base = 0, maxAliasCount = MAX_ALIAS_COUNT): YamlData {
  try {
    return { data: doc.toJS({ maxAliasCount }) };
  } catch (error) {
    if (!/alias/i.test((error as Error).message)) return { data: undefined };
    const alias = firstAlias(doc);
    const range: Range = alias?.range ? [base + alias.range[0], base + alias.range[1]] : [base, base + 1];
    return { aliasBomb: { message: `YAML aliases expand more than ${maxAliasCount} times (an alias bomb), refused as a resource exhaustion risk`, range } };
  }
}

/** Only a document with an alias can be an alias bomb: the check costs a conversion, so it runs only then. */
export function aliasBombIn(doc: YamlDocument, base = 0, maxAliasCount = MAX_ALIAS_COUNT): { message: string; range: Range } | undefined {
  return firstAlias(doc) ? toData(doc, base, maxAliasCount).aliasBomb : undefined;
}

function firstAlias(doc: YamlDocument): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

export interface YamlVisit {
  /** Called for every map key (dotted path, key range, value range). */
  key?(path: string, key: Range, value: Range): void;
  /** Called for every string scalar value (not keys). */
  string?(path: string, decoded: DecodedString, pointer: string): void;
}

/**
 * Walks a YAML node tree: dotted paths (`model.configuration.type`, sequence items by index) and JSON
 * pointers. Iterative, so nesting depth cannot overflow the stack.
 */
export function walkYaml(root: YamlNode | null | undefined, text: string, base: number, visit: YamlVisit): void {
  if (!root) return;
  const stack: { node: unknown; path: string; pointer: string }[] = [{ node: root, path: "", pointer: "" }];
  let guard = 0;
  while (stack.length && guard++ < 1_000_000) {
    const { node, path, pointer } = stack.pop()!;
    if (isAlias(node)) continue;
    if (isScalar(node)) {
      if (typeof node.value === "string" && node.range && visit.string) {
        visit.string(path, scalarMap(text, base, node), pointer);
      }
      continue;
    }
    if (isMap(node)) {
      const items = node.items;
      for (let i = items.length - 1; i >= 0; i--) {
        const pair = items[i]!;
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const keyName = isScalar(keyNode) ? String(keyNode.value) : keyNode ? "?" : "";
        const childPath = path ? `${path}.${keyName}` : keyName;
        const childPointer = `${pointer}/${escapePointer(keyName)}`;
        const keyRange = keyNode?.range;
        if (keyRange && visit.key) {
          const valueNode = pair.value as YamlNode | null;
          const valueRange: Range = valueNode?.range
            ? [base + valueNode.range[0], base + valueNode.range[1]]
            : [base + keyRange[1], base + keyRange[1]];
          visit.key(childPath, [base + keyRange[0], base + keyRange[1]], valueRange);
        }
        if (pair.value) stack.push({ node: pair.value, path: childPath, pointer: childPointer });
      }
      continue;
    }
    if (isSeq(node)) {
      const items = node.items;
      for (let i = items.length - 1; i >= 0; i--) {
        stack.push({ node: items[i], path: path ? `${path}.${i}` : String(i), pointer: `${pointer}/${i}` });
      }
    }
  }
}

/** Decoded text and file-offset table of a string scalar. */
export function scalarMap(text: string, base: number, node: { range?: [number, number, number] | null; type?: string; value: unknown }): DecodedString {
  const range = node.range!;
  const decoded = mapYamlScalar(text, range[0], range[1], node.type as ScalarStyle | undefined, String(node.value));
  if (base !== 0) for (let i = 0; i < decoded.table.length; i++) decoded.table[i]! += base;
  return decoded;
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
