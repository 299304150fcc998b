/**
 * Reading the token-related settings (`model`, `models`, `budgets`, `traffic`, `now`) and the per-file
 * frontmatter keys (`model`, `budget`, output limits). Bad values are ignored here: the config schema
 * (config-schema.ts) reports them with their position when the config is loaded.
 */
import type { PromptDocument, Range } from "../model/document.js";

/** Budget keys: `total` plus one per counted role group. */
export const BUDGET_KEYS = ["total", "system", "user", "assistant", "tool", "examples", "instruction"] as const;
export type BudgetKey = (typeof BUDGET_KEYS)[number];
export type Budgets = Partial<Record<BudgetKey, number>>;

export const DEFAULT_VARIABLE_TOKENS = 20;

export interface BudgetSettings extends Budgets {
  /** Typical length in tokens of each template variable, by name. */
  variables?: Record<string, number>;
  /** Typical length of a variable without a sample or an entry in `variables` (default 20). */
  defaultVariableTokens?: number;
}

export interface TrafficSettings {
  /** Calls per day, for the monthly cost (30 days). */
  callsPerDay?: number;
  /** Typical output tokens per call, for the cost per call (default 0: input only). */
  outputTokens?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function budgetSettings(settings: Readonly<Record<string, unknown>> | undefined): BudgetSettings {
  const raw = settings?.budgets;
  if (!isRecord(raw)) return {};
  const out: BudgetSettings = {};
  for (const key of BUDGET_KEYS) {
    const n = positiveNumber(raw[key]);
    if (n !== undefined) out[key] = n;
  }
  if (isRecord(raw.variables)) {
    out.variables = {};
    for (const [name, v] of Object.entries(raw.variables)) {
      const n = positiveNumber(v);
      if (n !== undefined) out.variables[name] = n;
    }
  }
  const d = positiveNumber(raw.defaultVariableTokens);
  if (d !== undefined) out.defaultVariableTokens = d;
  return out;
}

export function trafficSettings(settings: Readonly<Record<string, unknown>> | undefined): TrafficSettings {
  const raw = settings?.traffic;
  if (!isRecord(raw)) return {};
  return { callsPerDay: positiveNumber(raw.callsPerDay), outputTokens: positiveNumber(raw.outputTokens) };
}

/** Today, or `settings.now` (an ISO date) for reproducible runs and tests. */
export function nowFrom(settings: Readonly<Record<string, unknown>> | undefined): Date {
  const raw = settings?.now;
  if (typeof raw === "string") {
    const d = new Date(raw.length === 10 ? `${raw}T00:00:00Z` : raw);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}

/** A value found in the frontmatter, with the source range of its value. */
export interface FrontmatterValue<T> {
  value: T;
  key: string;
  range?: Range;
}

function getPath(data: unknown, dotted: string): unknown {
  let cur: unknown = data;
  for (const part of dotted.split(".")) {
    if (!isRecord(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function found<T>(document: PromptDocument, key: string, value: T): FrontmatterValue<T> {
  return { value, key, range: document.frontmatter?.keys.get(key)?.value };
}

// `model: gpt-4o` (markdown, .prompt.md, dotprompt `model: googleai/gemini-2.5-pro`); prompty keeps it under
// `model.configuration` (`model` for OpenAI, `azure_deployment` for Azure) or `model.name`.
const MODEL_KEYS = ["model", "model.configuration.model", "model.configuration.azure_deployment", "model.configuration.name", "model.name", "model.id"];

/** The model a file pins in its frontmatter, if any. */
export function frontmatterModel(document: PromptDocument): FrontmatterValue<string> | undefined {
  const data = document.frontmatter?.data;
  if (!isRecord(data)) return undefined;
  for (const key of MODEL_KEYS) {
    const v = getPath(data, key);
    if (typeof v === "string" && v.trim() !== "" && !v.includes("${")) return found(document, key, v.trim());
  }
  return undefined;
}

// Output limits as the common formats spell them.
const OUTPUT_KEYS = [
  "max_tokens", "maxTokens", "max_output_tokens", "maxOutputTokens", "max_completion_tokens",
  "config.maxOutputTokens", "config.max_tokens",
  "model.parameters.max_tokens", "model.parameters.max_completion_tokens", "model.parameters.max_output_tokens",
  "modelParameters.max_tokens", "parameters.max_tokens",
];

/** The output limit a file declares (its `max_tokens` in one of the usual spellings). */
export function frontmatterMaxOutput(document: PromptDocument): FrontmatterValue<number> | undefined {
  const data = document.frontmatter?.data;
  if (!isRecord(data)) return undefined;
  for (const key of OUTPUT_KEYS) {
    const v = getPath(data, key);
    if (typeof v === "number" && Number.isFinite(v) && v > 0) return found(document, key, v);
  }
  return undefined;
}

/**
 * Per-file budgets: `budget: { total: 2000, system: 1200, examples: 600 }`, or `budget: 2000` for the total.
 * The most specific setting wins, so a file's own budget replaces the configured one key by key.
 */
export function frontmatterBudgets(document: PromptDocument): FrontmatterValue<Budgets> | undefined {
  const data = document.frontmatter?.data;
  if (!isRecord(data) || data.budget === undefined) return undefined;
  const raw = data.budget;
  if (typeof raw === "number") return raw >= 0 ? found(document, "budget", { total: raw }) : undefined;
  if (!isRecord(raw)) return undefined;
  const out: Budgets = {};
  for (const key of BUDGET_KEYS) {
    const n = positiveNumber(raw[key]);
    if (n !== undefined) out[key] = n;
  }
  return found(document, "budget", out);
}
