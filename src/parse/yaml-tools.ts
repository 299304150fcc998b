/**
 * YAML with positions: one parse gives the `yaml` Document (data, errors, node ranges) and the CST (where
 * `#` comments live with their offsets). Every range is shifted by `base`, the offset of the YAML text in
 * the file, so callers only ever see file offsets.
 */
import { Parser, isAlias, isMap, isPair, isScalar, isSeq, type Document as YamlDocument, type Node as YamlNode } from "yaml";
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

/** Converts a YAML data value to plain JS without ever throwing (alias bombs, cycles). */
export function toData(doc: YamlDocument): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
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
