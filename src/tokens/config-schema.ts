/**
 * JSON Schema of the config keys the token features read. They may appear at the top level and inside
 * `overrides` (per glob). Register with `configFragments.push(tokensConfigFragment)`.
 */

const tokens = { type: "integer", minimum: 0 };

const budgetProperties = {
  total: { ...tokens, description: "Maximum tokens of the whole prompt as sent." },
  system: { ...tokens, description: "Maximum tokens of system segments." },
  user: { ...tokens, description: "Maximum tokens of user segments." },
  assistant: { ...tokens, description: "Maximum tokens of assistant segments." },
  tool: { ...tokens, description: "Maximum tokens of tool segments." },
  examples: { ...tokens, description: "Maximum tokens of few-shot examples (inputs and outputs)." },
  instruction: { ...tokens, description: "Maximum tokens of an instruction file (AGENTS.md, CLAUDE.md, ...)." },
};

const price = {
  type: "object",
  additionalProperties: false,
  properties: {
    input: { type: "number", minimum: 0, description: "USD per 1M input tokens." },
    cachedInput: { type: "number", minimum: 0, description: "USD per 1M cached input tokens." },
    output: { type: "number", minimum: 0, description: "USD per 1M output tokens." },
  },
};

const isoDate = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };

export const modelEntrySchema = {
  type: "object",
  required: ["id"],
  additionalProperties: false,
  properties: {
    id: { type: "string", minLength: 1 },
    aliases: { type: "array", items: { type: "string" } },
    provider: { type: "string" },
    tokenizer: { type: "string", description: "A tokenizer of the registry: o200k_base, o200k_harmony, cl100k_base, p50k_base, r50k_base, llama3, gemini, tekken, llama4, claude-2024, claude-2026." },
    contextWindow: tokens,
    maxInputTokens: tokens,
    maxOutputTokens: tokens,
    price,
    released: isoDate,
    retires: isoDate,
    replacement: { type: "string" },
    source: { type: "string" },
    asOf: isoDate,
  },
};

export const tokensConfigProperties: Record<string, object> = {
  model: { type: "string", description: "The model prompts are sent to when a file's frontmatter names none (e.g. gpt-5.5, claude-sonnet-5-5)." },
  models: {
    type: "array",
    items: { type: "string" },
    description: "More models every prompt must fit (migration targets): budgets and context windows are checked under each.",
  },
  budgets: {
    type: "object",
    additionalProperties: false,
    description: "Token budgets (budget/max-tokens) and typical variable lengths used to render prompts for counting.",
    properties: {
      ...budgetProperties,
      variables: { type: "object", additionalProperties: tokens, description: "Typical tokens of each template variable, by name." },
      defaultVariableTokens: { ...tokens, description: "Typical tokens of a variable without a sample or an entry in `variables` (default 20)." },
    },
  },
  traffic: {
    type: "object",
    additionalProperties: false,
    description: "Expected traffic, for cost estimates.",
    properties: {
      callsPerDay: { type: "number", minimum: 0, description: "Calls per day (a month is 30 days)." },
      outputTokens: { ...tokens, description: "Typical output tokens per call (default 0: the cost covers the prompt only)." },
    },
  },
  registry: {
    description: "Extra or corrected model registry entries (same id replaces the built-in entry), or a path to a JSON/YAML file with a list of entries or { tokenizers, models }.",
    oneOf: [{ type: "string" }, { type: "array", items: modelEntrySchema }],
  },
  now: { ...isoDate, description: "The date model/retiring compares retirement dates with (default: today). For reproducible runs." },
};

export const tokensConfigFragment = { properties: tokensConfigProperties };
