/**
 * The `eval` key of promptvet.config.*: JSON Schema (merged into the config schema) and the resolved,
 * defaulted settings the runner uses.
 */

const positiveInt = { type: "integer", minimum: 1 };

export const evalConfigSchema = {
  type: "object",
  description: "Smoke eval of changed prompts against a model endpoint.",
  additionalProperties: false,
  properties: {
    enabled: { type: "boolean", description: "Set to false to turn the smoke eval off." },
    provider: {
      type: "object",
      description: "The model endpoint. Keys are read from the environment variable named by apiKeyEnv, never from the file.",
      required: ["type"],
      additionalProperties: false,
      properties: {
        type: { enum: ["openai-compatible", "anthropic", "exec"] },
        baseUrl: { type: "string", description: "openai-compatible: the URL before /chat/completions (e.g. http://127.0.0.1:11434/v1); anthropic: the URL before /v1/messages." },
        model: { type: "string" },
        apiKeyEnv: { type: "string", description: "Name of the environment variable that holds the API key.", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
        apiKeyHeader: { type: "string", description: "Header that carries the key: Authorization (default, as a Bearer token) or e.g. api-key for Azure OpenAI." },
        headers: { type: "object", additionalProperties: { type: "string" }, description: "Extra non-secret headers." },
        query: { type: "object", additionalProperties: { type: "string" }, description: "Query parameters, e.g. { api-version: 2024-10-21 } for Azure OpenAI." },
        stream: { type: "boolean", description: "Use server-sent events (default false)." },
        maxTokensField: { enum: ["max_tokens", "max_completion_tokens"], description: "openai-compatible: name of the max tokens field." },
        anthropicVersion: { type: "string" },
        command: {
          description: "exec: the command to run; receives the request as JSON on stdin.",
          oneOf: [{ type: "string" }, { type: "array", items: { type: "string" }, minItems: 1 }],
        },
        output: { enum: ["json", "text"], description: "exec: stdout is a JSON object (default) or the plain answer." },
      },
    },
    modelFromFrontmatter: { type: "boolean", description: "Use the prompt's frontmatter model instead of provider.model." },
    temperature: { type: "number", minimum: 0, maximum: 2 },
    maxTokens: positiveInt,
    budgetMs: { ...positiveInt, description: "Total time budget of one eval run (default 20000)." },
    requestTimeoutMs: { ...positiveInt, description: "Timeout of one request (default 10000)." },
    concurrency: { ...positiveInt, maximum: 64 },
    maxResponseBytes: { ...positiveInt, description: "Largest answer accepted from the provider, in bytes (default 8388608, 8 MiB); a larger one is an error." },
    retries: {
      type: "object",
      additionalProperties: false,
      properties: {
        max: { type: "integer", minimum: 0, maximum: 10, description: "Retries of one call (default 2)." },
        total: { type: "integer", minimum: 0, description: "Retries of the whole run, all calls together (default 10)." },
        baseDelayMs: { type: "integer", minimum: 0, description: "First backoff (default 500); never below 100 ms, and a server's Retry-After only lengthens it." },
        maxDelayMs: { type: "integer", minimum: 0 },
      },
    },
    cache: {
      description: "Response cache (default: inside the repository's git folder): false to turn it off, or { dir } to put it elsewhere.",
      oneOf: [{ type: "boolean" }, { type: "object", additionalProperties: false, properties: { dir: { type: "string" } } }],
    },
    baselines: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: { type: "boolean" },
        dir: { type: "string", description: "Where baselines are stored (default .promptvet/baselines)." },
        update: { type: "boolean", description: "Re-record baselines even when they are anchored to another model." },
      },
    },
    thresholds: {
      type: "object",
      additionalProperties: false,
      properties: {
        latencyPct: { type: "number", minimum: 0, description: "Median latency increase that counts as a regression (default 50)." },
        outputTokensPct: { type: "number", minimum: 0, description: "Output token increase that counts as a regression (default 50)." },
      },
    },
    onError: { enum: ["error", "warn"], description: "Severity of provider errors (unreachable, auth, timeout, malformed, budget)." },
    pricing: {
      type: "object",
      description: "USD per million tokens, when the model registry does not know the model.",
      additionalProperties: false,
      required: ["input", "output"],
      properties: { input: { type: "number", minimum: 0 }, output: { type: "number", minimum: 0 } },
    },
  },
} as const;

export type ProviderType = "openai-compatible" | "anthropic" | "exec";

export interface ProviderConfig {
  type: ProviderType;
  baseUrl?: string;
  model?: string;
  apiKeyEnv?: string;
  apiKeyHeader?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  stream?: boolean;
  maxTokensField?: "max_tokens" | "max_completion_tokens";
  anthropicVersion?: string;
  command?: string | string[];
  output?: "json" | "text";
}

export interface EvalSettings {
  enabled: boolean;
  provider?: ProviderConfig;
  modelFromFrontmatter: boolean;
  temperature: number;
  maxTokens: number;
  budgetMs: number;
  requestTimeoutMs: number;
  concurrency: number;
  maxResponseBytes: number;
  retries: { max: number; total: number; baseDelayMs: number; maxDelayMs: number };
  cache: false | { dir?: string };
  baselines: { enabled: boolean; dir: string; update: boolean };
  thresholds: { latencyPct: number; outputTokensPct: number };
  onError: "error" | "warn";
  pricing?: { input: number; output: number };
}

export const EVAL_DEFAULTS: Omit<EvalSettings, "provider" | "pricing"> = {
  enabled: true,
  modelFromFrontmatter: false,
  temperature: 0,
  maxTokens: 512,
  budgetMs: 20_000,
  requestTimeoutMs: 10_000,
  concurrency: 4,
  maxResponseBytes: 8 * 1024 * 1024,
  retries: { max: 2, total: 10, baseDelayMs: 500, maxDelayMs: 5_000 },
  cache: {},
  baselines: { enabled: true, dir: ".promptvet/baselines", update: false },
  thresholds: { latencyPct: 50, outputTokensPct: 50 },
  onError: "error",
};

/** Validation problem in the `eval` settings, with the JSON pointer of the offending key. */
export interface EvalConfigProblem {
  path: string;
  message: string;
}

/** Validates and defaults the `eval` key of a resolved config. */
export async function resolveEvalSettings(config: Record<string, unknown>): Promise<{ settings: EvalSettings; problems: EvalConfigProblem[] }> {
  const raw = config.eval;
  const problems: EvalConfigProblem[] = [];
  if (raw !== undefined) {
    const { validateWith } = await import("./validate.js");
    for (const e of validateWith(evalConfigSchema, raw)) problems.push({ path: `/eval${e.path}`, message: e.message });
  }
  const user = (problems.length === 0 && raw && typeof raw === "object" ? raw : {}) as Partial<EvalSettings> & { cache?: boolean | { dir?: string } };
  const settings: EvalSettings = {
    ...EVAL_DEFAULTS,
    ...user,
    retries: { ...EVAL_DEFAULTS.retries, ...(user.retries ?? {}) },
    baselines: { ...EVAL_DEFAULTS.baselines, ...(user.baselines ?? {}) },
    thresholds: { ...EVAL_DEFAULTS.thresholds, ...(user.thresholds ?? {}) },
    cache: user.cache === false ? false : user.cache === true || user.cache === undefined ? {} : user.cache,
  };
  return { settings, problems };
}
