/**
 * Hover: on a finding, the rule, its docs summary and the help line; on a template variable, the tokens it is
 * counted at and the prompt's total against the model's context window; on a frontmatter model, what the
 * model registry knows (context window, output limit, retirement date and replacement, prices). Only masked
 * messages, names and numbers are shown: never a sample value or other quoted prompt text.
 */
import type { MarkupContent, Position } from "vscode-languageserver";
import type { LintMessage, RuleMeta } from "../engine/types.js";
import type { PromptDocument, TemplateVariable } from "../model/document.js";
import { formatInteger, formatTokens, formatUsd } from "../tokens/format.js";
import { registryFor, type ModelEntry, type ModelRegistry } from "../tokens/registry.js";
import { budgetSettings, DEFAULT_VARIABLE_TOKENS, frontmatterModel, nowFrom } from "../tokens/settings.js";
import { countDocument, countText, DEFAULT_TOKENIZER } from "../tokens/stats.js";
import { primaryModel } from "../tokens/target.js";
import { contains, spanToRange, type SourceFrame } from "./positions.js";
import { ruleDocsHref, ruleSummary } from "./rule-docs.js";

export interface HoverSubject {
  document: PromptDocument;
  messages: readonly LintMessage[];
  settings: Readonly<Record<string, unknown>>;
  frame: SourceFrame;
  meta: (ruleId: string) => RuleMeta | undefined;
}

export async function hoverAt(subject: HoverSubject, position: Position, offset: number): Promise<MarkupContent | undefined> {
  const parts: string[] = [];
  for (const message of subject.messages) {
    if (contains(spanToRange(message, subject.frame), position)) parts.push(findingHover(message, subject.meta));
  }
  const variable = variableAt(subject.document, offset);
  if (variable) parts.push(await variableHover(subject, variable));
  const model = frontmatterModel(subject.document);
  const keyRange = model ? subject.document.frontmatter?.keys.get(model.key)?.key : undefined;
  if (model && ((model.range && within(offset, model.range)) || (keyRange && within(offset, keyRange)))) {
    parts.push(await modelHover(subject, model.value));
  }
  if (parts.length === 0) return undefined;
  return { kind: "markdown", value: parts.join("\n\n---\n\n") };
}

function within(offset: number, range: readonly [number, number]): boolean {
  return offset >= range[0] && offset <= range[1];
}

function findingHover(message: LintMessage, meta: (ruleId: string) => RuleMeta | undefined): string {
  const severity = message.severity === 2 ? "error" : "warning";
  if (!message.ruleId) return `**promptvet** · ${severity}\n\n${escape(message.message)}`;
  const rule = meta(message.ruleId);
  const lines = [`**${message.ruleId}** · ${severity}`, "", escape(message.message)];
  if (rule) lines.push("", escape(ruleSummary(rule)));
  if (message.help) lines.push("", `*help:* ${escape(message.help)}`);
  const href = ruleDocsHref(message.ruleId, rule);
  if (href) lines.push("", `[${message.ruleId} documentation](${href})`);
  return lines.join("\n");
}

function variableAt(document: PromptDocument, offset: number): TemplateVariable | undefined {
  return document.variables.find((v) => v.kind !== "partial" && within(offset, v.range));
}

/** The tokenizer and registry entry of the file's primary model (the default encoding when none is named). */
function modelOf(subject: HoverSubject): { registry: ModelRegistry; entry?: ModelEntry; name?: string; tokenizer: string } {
  const registry = registryFor(subject.settings);
  const ref = primaryModel(subject.document, subject.settings, registry);
  return { registry, entry: ref?.entry, name: ref?.name, tokenizer: ref?.entry?.tokenizer ?? DEFAULT_TOKENIZER };
}

async function variableHover(subject: HoverSubject, variable: TemplateVariable): Promise<string> {
  const { registry, entry, name, tokenizer } = modelOf(subject);
  const lines = [`**${escape(variable.path)}** · template variable (${variable.syntax})`, ""];
  const input = subject.document.inputs?.find((i) => i.name === variable.name);
  if (variable.kind === "variable" && input?.sample !== undefined && input.sample !== null) {
    const text = typeof input.sample === "string" ? input.sample : JSON.stringify(input.sample);
    const { tokens, exact } = await countText(text, tokenizer, registry);
    lines.push(`Its declared sample counts ${formatTokens(tokens, exact)} tokens (${tokenizer}).`);
  } else if (variable.kind === "variable") {
    const budgets = budgetSettings(subject.settings);
    const configured = budgets.variables?.[variable.name];
    const tokens = configured ?? budgets.defaultVariableTokens ?? DEFAULT_VARIABLE_TOKENS;
    lines.push(`No sample declared: counted at ${formatInteger(tokens)} tokens (${configured !== undefined ? "`budgets.variables`" : "default"}).`);
  } else {
    lines.push(`A ${variable.kind === "section" ? "block" : "loop"} variable: its tags are not counted as text.`);
  }
  lines.push("", await promptLine(subject, registry, entry, name, tokenizer));
  return lines.join("\n");
}

async function promptLine(subject: HoverSubject, registry: ModelRegistry, entry: ModelEntry | undefined, name: string | undefined, tokenizer: string): Promise<string> {
  const count = await countDocument(subject.document, subject.settings, tokenizer, registry);
  const total = `This prompt: ${formatTokens(count.total, count.exact)} tokens (${tokenizer})`;
  if (!entry) return `${total}${name ? `; model \`${escape(name)}\` is not in the model registry` : "; no model named"}.`;
  const window = entry.maxInputTokens ?? entry.contextWindow;
  const share = window ? `, ${percent(count.total, window)} of ${entry.id}'s ${formatInteger(window)}-token ${entry.maxInputTokens ? "input limit" : "context window"}` : "";
  return `${total}${share}.${retirement(entry, subject.settings)}`;
}

function retirement(entry: ModelEntry, settings: Readonly<Record<string, unknown>>): string {
  if (!entry.retires) return "";
  const retired = new Date(`${entry.retires}T00:00:00Z`).getTime() <= nowFrom(settings).getTime();
  const replacement = entry.replacement ? ` (replacement: ${entry.replacement})` : "";
  return ` ${entry.id} ${retired ? "retired on" : "retires on"} ${entry.retires}${replacement}.`;
}

async function modelHover(subject: HoverSubject, name: string): Promise<string> {
  const { registry, entry, tokenizer } = modelOf(subject);
  if (!entry) {
    const hints = registry.suggest(name);
    return `**${escape(name)}** · not in the model registry${hints.length ? ` (did you mean ${hints.map((h) => `\`${h}\``).join(", ")}?)` : ""}.`;
  }
  const lines = [`**${entry.id}** · ${entry.provider}`];
  const limits: string[] = [];
  if (entry.contextWindow) limits.push(`context window ${formatInteger(entry.contextWindow)} tokens`);
  if (entry.maxInputTokens) limits.push(`input limit ${formatInteger(entry.maxInputTokens)}`);
  if (entry.maxOutputTokens) limits.push(`output limit ${formatInteger(entry.maxOutputTokens)}`);
  if (limits.length) lines.push(`${capitalise(limits.join(", "))}.`);
  if (entry.price?.input !== undefined) {
    lines.push(`Price per 1M tokens: ${formatUsd(entry.price.input)} in${entry.price.output !== undefined ? `, ${formatUsd(entry.price.output)} out` : ""}.`);
  }
  lines.push(await promptLine(subject, registry, entry, entry.id, tokenizer));
  if (entry.source) lines.push(`Source: ${entry.source}${entry.asOf ? ` (as of ${entry.asOf})` : ""}`);
  return lines.join("\n\n");
}

function percent(part: number, whole: number): string {
  const p = (100 * part) / whole;
  return p > 0 && p < 0.1 ? "<0.1%" : `${p.toFixed(1)}%`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Escapes what markdown would turn into markup or HTML, so a message quoting `*` or `<tag>` shows as written.
 * Backticks stay: messages use them for code spans (`model`, `withinDays`).
 */
function escape(text: string): string {
  return text.replace(/[\\*_[\]<>#|]/g, (c) => `\\${c}`);
}
