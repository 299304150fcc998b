/**
 * The composition keys of a prompt's YAML frontmatter, with the source range of each value so that a
 * missing base or an unknown section name is reported exactly where it is written.
 *
 *   extends: ../prompts/base.md     # compose: start from the base, then apply this file's sections
 *   forked_from: ../prompts/base.md # a full copy of the base: not composed, only compared (drift)
 *   remove: [Escalation]            # base sections to drop
 *   append: [Policies]              # sections of this file that add to the base section instead of replacing it
 *   model_reason: "..."             # why this fork pins another model than its base
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import type { Range } from "../model/document.js";
import { closedFrontmatterFence } from "../parse/frontmatter-fence.js";

export interface ValueAt<T> {
  value: T;
  /** Source range of the value (for list items: of the item). */
  range: Range;
}

export interface FrontmatterInfo {
  /** Parsed data; `{}` when there is no frontmatter or it does not parse. */
  data: Record<string, unknown>;
  /** Range of the whole block including fences; undefined without frontmatter. */
  range?: Range;
  /** Where the body starts. */
  bodyStart: number;
  /** Range of each top-level key's value. */
  values: Map<string, Range>;
  extends?: ValueAt<string>;
  forkedFrom?: ValueAt<string>;
  remove: ValueAt<string>[];
  append: ValueAt<string>[];
  /** YAML errors, with source ranges. */
  errors: { message: string; range: Range }[];
  /** Composition keys with values of the wrong type. */
  invalid: { message: string; range: Range }[];
}

/** Keys that steer composition; they do not carry over into the composed prompt's frontmatter. */
export const COMPOSITION_KEYS = ["extends", "forked_from", "remove", "append"] as const;

/**
 * The `---` fenced block at the start of a file (after an optional BOM), as the parser finds it: `range` runs
 * to the start of the body (the closing fence's line break included), `content` is the YAML.
 */
export function frontmatterBounds(text: string): { range: Range; content: Range } | undefined {
  const fence = closedFrontmatterFence(text);
  return fence && { range: [fence.range[0], fence.bodyStart], content: fence.contentRange };
}

function nodeRange(node: Node | null | undefined, base: number): Range | undefined {
  const r = node?.range;
  return r ? [base + r[0], base + r[1]] : undefined;
}

function stringOrList(node: unknown, base: number, errors: FrontmatterInfo["errors"], key: string, keyRange: Range): ValueAt<string>[] {
  if (isScalar(node)) {
    if (typeof node.value === "string" && node.value.trim() !== "") return [{ value: node.value.trim(), range: nodeRange(node, base)! }];
  } else if (isSeq(node)) {
    const out: ValueAt<string>[] = [];
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === "string" && item.value.trim() !== "") out.push({ value: item.value.trim(), range: nodeRange(item, base)! });
      else errors.push({ message: `Unexpected item in \`${key}\`, expected a section heading as a string`, range: nodeRange(item as Node, base) ?? keyRange });
    }
    return out;
  } else if (node === null || node === undefined) {
    return [];
  }
  errors.push({ message: `Unexpected value of \`${key}\`, expected a section heading or a list of them`, range: nodeRange(node as Node, base) ?? keyRange });
  return [];
}

/** Reads the frontmatter of `text` (BOM-stripped offsets are the caller's business: ranges index `text`). */
export function readFrontmatter(text: string): FrontmatterInfo {
  const bounds = frontmatterBounds(text);
  const info: FrontmatterInfo = { data: {}, bodyStart: text.charCodeAt(0) === 0xfeff ? 1 : 0, values: new Map(), remove: [], append: [], errors: [], invalid: [] };
  if (!bounds) return info;
  info.range = bounds.range;
  info.bodyStart = bounds.range[1];
  const [cs, ce] = bounds.content;
  const doc = parseDocument(text.slice(cs, ce), { prettyErrors: false });
  for (const e of doc.errors) {
    const pos = e.pos ?? [0, 0];
    info.errors.push({ message: e.message.split("\n")[0]!, range: [cs + pos[0], cs + Math.max(pos[0], pos[1])] });
  }
  if (!isMap(doc.contents)) return info;
  try {
    const data = doc.toJS();
    if (data && typeof data === "object" && !Array.isArray(data)) info.data = data as Record<string, unknown>;
  } catch {
    // Aliases or tags the YAML library cannot turn into data: keep the ranges only.
  }
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const keyRange = nodeRange(pair.key, cs)!;
    const valueRange = nodeRange(pair.value as Node, cs) ?? keyRange;
    info.values.set(key, valueRange);
    switch (key) {
      case "extends":
      case "forked_from": {
        const value = pair.value;
        if (isScalar(value) && typeof value.value === "string" && value.value.trim() !== "") {
          const at = { value: value.value.trim(), range: valueRange };
          if (key === "extends") info.extends = at;
          else info.forkedFrom = at;
        } else {
          info.invalid.push({ message: `Unexpected value of \`${key}\`, expected the relative path of the base prompt`, range: valueRange });
        }
        break;
      }
      case "remove":
      case "append":
        info[key] = stringOrList(pair.value, cs, info.invalid, key, keyRange);
        break;
    }
  }
  return info;
}
