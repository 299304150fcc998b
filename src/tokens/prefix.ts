/**
 * Prompt caching: providers reuse the work for an exact prefix of the prompt. The cacheable part is the
 * static text before the first dynamic element (a template variable or block tag, a date/timestamp, an id).
 * These helpers find that prefix and tell a formatting-only change from a change of content.
 */
import { parseYamlValue as parseYaml } from "../parse/yaml-keys.js";
import type { PromptDocument } from "../model/document.js";

export interface DynamicElement {
  start: number;
  end: number;
  /** What it is, for messages: `template variable {{name}}`, `date 2026-11-27`, `id`. */
  what: string;
}

// Linear-time patterns (no nested quantifiers): ISO dates/timestamps, "November 27, 2026", UUIDs.
const DATE_ISO = /\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?)?\b/g;
const DATE_WORDS = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, (?:19|20)\d\d\b/g;
const UUID = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g;

/** Dynamic elements of the sent text (the body), in source order. */
export function dynamicElements(document: PromptDocument): DynamicElement[] {
  const [bodyStart, bodyEnd] = document.body;
  const out: DynamicElement[] = [];
  for (const v of document.variables) {
    if (v.range[0] < bodyStart || v.range[0] >= bodyEnd) continue;
    out.push({ start: v.range[0], end: v.range[1], what: `template variable \`${document.source.slice(v.range[0], v.range[1])}\`` });
  }
  for (const t of document.tags) {
    if (t.range[0] < bodyStart || t.range[0] >= bodyEnd) continue;
    out.push({ start: t.range[0], end: t.range[1], what: `template tag \`${document.source.slice(t.range[0], t.range[1])}\`` });
  }
  const body = document.source.slice(bodyStart, bodyEnd);
  for (const [re, label] of [[DATE_ISO, "date"], [DATE_WORDS, "date"], [UUID, "id"]] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      out.push({ start: bodyStart + m.index, end: bodyStart + m.index + m[0].length, what: `${label} ${m[0]}` });
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop elements nested in an earlier one (a date inside a tag).
  const merged: DynamicElement[] = [];
  for (const d of out) {
    const last = merged[merged.length - 1];
    if (last && d.start < last.end) continue;
    merged.push(d);
  }
  return merged;
}

/** The static text the provider can cache: the body up to the first dynamic element. */
export function staticPrefix(document: PromptDocument): { start: number; text: string } {
  const first = dynamicElements(document)[0];
  const [start, end] = document.body;
  return { start, text: document.source.slice(start, first ? first.start : end) };
}

export type ChurnKind = "whitespace" | "heading formatting" | "JSON/YAML key order";

/** Why two prefixes differ when only their formatting does; undefined when the content changed. */
export function formattingOnlyChange(before: string, after: string, format: PromptDocument["format"]): ChurnKind | undefined {
  if (before === after) return undefined;
  const ws = (t: string) => normalizeWhitespace(t);
  if (ws(before) === ws(after)) return "whitespace";
  const hd = (t: string) => normalizeHeadings(ws(t));
  if (hd(before) === hd(after)) return "heading formatting";
  const keys = (t: string) => hd(canonicalData(t, format));
  if (sameCharacters(before, after) && keys(before) === keys(after)) return "JSON/YAML key order";
  return undefined;
}

/**
 * Whether the two texts hold the same characters, blanks, quotes and heading marks aside: keys moved around keep
 * every character (a cheap test before parsing both prefixes as JSON or YAML, which costs more than the
 * rest of the rule on a large data file whose content changed).
 */
function sameCharacters(before: string, after: string): boolean {
  const counts = new Map<number, number>();
  const tally = (text: string, step: number) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x23 || code === 0x22 || code === 0x27) continue;
      counts.set(code, (counts.get(code) ?? 0) + step);
    }
  };
  tally(before, 1);
  tally(after, -1);
  for (const count of counts.values()) if (count !== 0) return false;
  return true;
}

function normalizeWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    // Runs of empty lines end as one empty line below: collapsed first, a file of blank lines is not split per line.
    .replace(/\n{3,}/g, "\n\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line, i, lines) => line !== "" || (i > 0 && lines[i - 1] !== ""))
    .join("\n")
    .trim();
}

/** ATX and setext headings become `#<level> text`; closing hashes and spacing are dropped. */
function normalizeHeadings(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const atx = /^(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(line);
    if (atx) {
      out.push(`#${atx[1]!.length} ${(atx[2] ?? "").trim()}`);
      continue;
    }
    const next = lines[i + 1];
    if (line !== "" && next !== undefined && /^(?:=+|-+)$/.test(next) && !/^[-*+] /.test(line)) {
      out.push(`#${next.startsWith("=") ? 1 : 2} ${line.trim()}`);
      i++;
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}

/** Fenced JSON/YAML blocks (and whole JSON/YAML files) rewritten with sorted keys. */
function canonicalData(text: string, format: PromptDocument["format"]): string {
  if (format === "json" || format === "yaml") return canonicalValue(text, format === "json" ? "json" : "yaml") ?? text;
  const lines = text.split(/\r\n?|\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})\s*(json|jsonc|yaml|yml)?\b/i.exec(lines[i]!);
    if (!open) {
      out.push(lines[i]!);
      continue;
    }
    const fence = open[1]!;
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trim().startsWith(fence)) j++;
    const content = lines.slice(i + 1, j).join("\n");
    const lang = (open[2] ?? "").toLowerCase();
    const canonical = canonicalValue(content, lang.startsWith("y") ? "yaml" : "json");
    out.push(lines[i]!, canonical ?? content);
    if (j < lines.length) out.push(lines[j]!);
    i = j;
  }
  return out.join("\n");
}

function canonicalValue(text: string, kind: "json" | "yaml"): string | undefined {
  try {
    const value: unknown = kind === "json" ? JSON.parse(text) : parseYaml(text);
    if (typeof value !== "object" || value === null) return undefined;
    return JSON.stringify(sortKeys(value));
  } catch {
    return undefined;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** Length of the common prefix and of the common suffix (not overlapping) of two strings. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  let prefix = 0;
  const max = Math.min(a.length, b.length);
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}
