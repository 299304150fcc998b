/**
 * The prompt as it will be sent, for counting: segment text grouped by role, with template variables
 * filled from declared samples/defaults, or counted at a typical length (`budgets.variables`, default 20
 * tokens), and block tags (`{{#if}}`, `{% for %}`) removed. Frontmatter and comments are not sent.
 */
import type { PromptDocument, Range, Segment, SegmentRole } from "../model/document.js";
import { budgetSettings, DEFAULT_VARIABLE_TOKENS, type BudgetKey } from "./settings.js";

export interface RenderedPrompt {
  /** Text per role group, segments joined by a blank line. */
  texts: Partial<Record<BudgetKey, string>>;
  /** Tokens added per role group for variables without a sample (counted by length, not by text). */
  fixedTokens: Partial<Record<BudgetKey, number>>;
  /** What was assumed for each variable, for messages: `name` -> `sample "…"` / `20 tokens (default)`. */
  assumed: Record<string, string>;
  /**
   * For formats sent as they are written (markdown, text, Jinja, Mustache): the whole body with variables
   * filled, so heading markers, bullets and spacing count too. The total counts this text.
   */
  body?: { text: string; fixedTokens: number };
}

/** Formats whose body is the prompt text itself (other formats carry messages in a structure). */
const SENT_AS_WRITTEN = new Set(["markdown", "text", "jinja", "mustache"]);

/** The role group a segment's tokens count towards; undefined for text that is not sent. */
export function roleGroup(role: SegmentRole): Exclude<BudgetKey, "total"> | undefined {
  switch (role) {
    case "system":
    case "user":
    case "assistant":
    case "tool":
    case "instruction":
      return role;
    case "example-input":
    case "example-output":
      return "examples";
    case "frontmatter":
    case "comment":
      return undefined;
  }
}

function sampleText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 24 ? `${oneLine.slice(0, 21)}...` : oneLine;
}

interface Replacement {
  range: Range;
  /** Text to put in place of the tag. */
  text: string;
  /** Tokens to add instead of text. */
  tokens: number;
}

export function renderPrompt(document: PromptDocument, settings: Readonly<Record<string, unknown>>): RenderedPrompt {
  const budgets = budgetSettings(settings);
  const defaultTokens = budgets.defaultVariableTokens ?? DEFAULT_VARIABLE_TOKENS;
  const inputs = new Map((document.inputs ?? []).map((i) => [i.name, i]));
  const assumed: Record<string, string> = {};

  // Variables and block tags, sorted; overlapping ranges (a tag and its variable) become one replacement.
  const replacements: Replacement[] = [];
  const spans: { range: Range; variable?: { name: string; kind: string } }[] = [
    ...document.variables.map((v) => ({ range: v.range, variable: { name: v.name, kind: v.kind } })),
    ...document.tags.map((t) => ({ range: t.range })),
  ].sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
  for (const span of spans) {
    const last = replacements[replacements.length - 1];
    if (last && span.range[0] < last.range[1]) continue;
    const v = span.variable;
    if (!v || v.kind === "section" || v.kind === "partial") {
      replacements.push({ range: span.range, text: "", tokens: 0 });
      continue;
    }
    const sample = v.kind === "variable" ? sampleText(inputs.get(v.name)?.sample) : undefined;
    if (sample !== undefined) {
      assumed[v.name] ??= `sample "${preview(sample)}"`;
      replacements.push({ range: span.range, text: sample, tokens: 0 });
    } else {
      const configured = budgets.variables?.[v.name];
      const tokens = configured ?? defaultTokens;
      assumed[v.name] ??= configured !== undefined ? `${tokens} tokens (budgets.variables)` : `${tokens} tokens (default)`;
      replacements.push({ range: span.range, text: "", tokens });
    }
  }

  const parts: Partial<Record<BudgetKey, string[]>> = {};
  const fixedTokens: Partial<Record<BudgetKey, number>> = {};
  for (const segment of document.segments) {
    const group = roleGroup(segment.role);
    if (!group) continue;
    const { text, tokens } = fill(segment, replacements);
    (parts[group] ??= []).push(text);
    if (tokens > 0) fixedTokens[group] = (fixedTokens[group] ?? 0) + tokens;
  }
  const texts: Partial<Record<BudgetKey, string>> = {};
  for (const [group, list] of Object.entries(parts)) texts[group as BudgetKey] = list!.join("\n\n");
  const rendered: RenderedPrompt = { texts, fixedTokens, assumed };
  if (SENT_AS_WRITTEN.has(document.format)) {
    const [start, end] = document.body;
    const bodySegment = { text: document.source.slice(start, end), range: [start, end] as Range, map: { isVerbatim: true } } as unknown as Segment;
    const { text, tokens } = fill(bodySegment, replacements);
    rendered.body = { text, fixedTokens: tokens };
  }
  return rendered;
}

/** Applies the replacements that fall inside a verbatim segment; decoded segments are counted as they are. */
function fill(segment: Segment, replacements: readonly Replacement[]): { text: string; tokens: number } {
  if (!segment.map.isVerbatim) return { text: segment.text, tokens: 0 };
  const [start, end] = segment.range;
  let out = "";
  let cursor = 0;
  let tokens = 0;
  for (const r of replacements) {
    if (r.range[1] <= start) continue;
    if (r.range[0] >= end) break;
    const s = Math.max(0, r.range[0] - start);
    const e = Math.min(segment.text.length, r.range[1] - start);
    if (s < cursor) continue;
    out += segment.text.slice(cursor, s) + r.text;
    tokens += r.tokens;
    cursor = e;
  }
  out += segment.text.slice(cursor);
  return { text: out, tokens };
}
