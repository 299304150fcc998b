/**
 * The model registry: which tokenizer a model uses, its context window, prices and retirement date.
 * The data lives in `data/models.json` (reviewed data, each entry with its source and as-of date); users
 * extend or override it with `registry` in their config (a list of entries, or a path to a JSON/YAML file).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { nearest } from "../util/edit-distance.js";

export interface ModelPrice {
  /** USD per 1M input tokens. */
  input?: number;
  /** USD per 1M cached input tokens (a prompt-cache hit). */
  cachedInput?: number;
  /** USD per 1M output tokens. */
  output?: number;
}

export interface ModelEntry {
  id: string;
  aliases?: string[];
  provider: string;
  /** A key of the registry's `tokenizers`. */
  tokenizer: string;
  contextWindow?: number;
  /** Some models accept fewer input tokens than their window (the rest is reserved for output). */
  maxInputTokens?: number;
  maxOutputTokens?: number;
  price?: ModelPrice;
  /** ISO dates (YYYY-MM-DD). */
  released?: string;
  retires?: string;
  replacement?: string;
  source?: string;
  asOf?: string;
}

export type TokenizerDef =
  | { kind: "tiktoken" | "llama3"; description?: string }
  /** An approximation: the count of `base`, times `ratio`, rounded up. */
  | { kind: "ratio"; base: string; ratio: number; description?: string; basis?: string };

export interface RegistryData {
  tokenizers: Record<string, TokenizerDef>;
  models: ModelEntry[];
}

export class ModelRegistry {
  private readonly byName = new Map<string, ModelEntry>();

  constructor(readonly data: RegistryData) {
    for (const entry of data.models) {
      this.byName.set(entry.id.toLowerCase(), entry);
      for (const alias of entry.aliases ?? []) this.byName.set(alias.toLowerCase(), entry);
    }
  }

  get models(): readonly ModelEntry[] {
    return this.data.models;
  }

  tokenizer(name: string): TokenizerDef | undefined {
    return this.data.tokenizers[name];
  }

  /**
   * The entry for a model name as people write it: `gpt-4o`, `openai/gpt-4o`, `googleai/gemini-2.5-pro`,
   * `claude-sonnet-4-20250514`, `gpt-4o-2024-08-06`, `anthropic.claude-3-opus-20240229-v1:0`,
   * `claude-sonnet-4-5@20250929`, `meta-llama/Llama-3.3-70B-Instruct`.
   */
  resolve(name: string): ModelEntry | undefined {
    for (const candidate of candidateNames(name)) {
      const entry = this.byName.get(candidate);
      if (entry) return entry;
    }
    return undefined;
  }

  /** Closest known names, for "did you mean" hints. */
  suggest(name: string, limit = 3): string[] {
    const wanted = candidateNames(name).at(-1) ?? name.toLowerCase();
    // Names close to the wanted one, as the ids they stand for (aliases of one model count once); equally close
    // names in alphabetical order, so a hint does not depend on the order of the registry file.
    const ids = nearest(wanted, [...this.byName.keys()].sort(), Infinity).map((known) => this.byName.get(known)!.id);
    return [...new Set(ids)].slice(0, limit);
  }
}

// Hosting prefixes (`openai/`, `googleai/`, `vertexai/`, `bedrock/`, `openrouter/anthropic/` ...).
const PROVIDER_PREFIX =
  /^(?:openai|azure|azure_openai|anthropic|google|googleai|google-genai|vertexai|vertex_ai|vertex|gemini|models|meta|meta-llama|mistral|mistralai|bedrock|openrouter|groq|together|together_ai|fireworks|fireworks_ai|ollama|deepinfra)[/:]/;
// Bedrock ids: `us.anthropic.claude-...-v1:0`.
const BEDROCK_PREFIX = /^(?:[a-z]{2}\.)?(?:anthropic|meta|mistral)\./;
// Snapshot suffixes: `-2024-08-06`, `-20250514`, `@20250929`, `-v1:0`, `-001`, `-latest`.
const SNAPSHOT_SUFFIXES = [/@\d{8}$/, /-v\d+(?::\d+)?$/, /-\d{4}-\d{2}-\d{2}$/, /-\d{8}$/, /-\d{3}$/, /-latest$/];

/** Names to try, from the most specific to the most general. */
export function candidateNames(name: string): string[] {
  const out: string[] = [];
  const push = (n: string) => {
    if (n && !out.includes(n)) out.push(n);
  };
  let n = name.trim().toLowerCase();
  push(n);
  for (let i = 0; i < 3 && PROVIDER_PREFIX.test(n); i++) {
    n = n.replace(PROVIDER_PREFIX, "");
    push(n);
  }
  n = n.replace(BEDROCK_PREFIX, "");
  push(n);
  // `meta-llama-3.1-8b-instruct` and `llama-3.1-8b-instruct` are the same model.
  if (n.startsWith("meta-llama-")) push((n = n.slice("meta-".length)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of SNAPSHOT_SUFFIXES) {
      if (suffix.test(n)) {
        n = n.replace(suffix, "");
        push(n);
        changed = true;
      }
    }
  }
  return out;
}


let builtin: RegistryData | undefined;

/** Finds data/models.json next to the sources (src/tokens) or the bundle (dist/chunks). */
function builtinPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const rel of ["../../data/models.json", "../data/models.json", "../../../data/models.json"]) {
    const candidate = path.resolve(here, rel);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`promptvet: cannot find data/models.json near ${here}`);
}

/** The registry shipped with promptvet (read once per process, on first use). */
export function builtinRegistryData(): RegistryData {
  builtin ??= JSON.parse(readFileSync(builtinPath(), "utf8")) as RegistryData;
  return builtin;
}

const cache = new Map<string, ModelRegistry>();

/**
 * The registry for a file's settings: built-in entries, then `settings.registry` (entries with the same id
 * replace built-in ones; a path is read relative to the current folder). Tokenizer definitions may be added
 * with `{ tokenizers: {...}, models: [...] }` files.
 */
export function registryFor(settings: Readonly<Record<string, unknown>> | undefined): ModelRegistry {
  const extra = settings?.registry;
  const key = extra === undefined ? "" : JSON.stringify(extra);
  let registry = cache.get(key);
  if (!registry) {
    registry = new ModelRegistry(mergeRegistry(builtinRegistryData(), loadExtra(extra)));
    cache.set(key, registry);
  }
  return registry;
}

function loadExtra(extra: unknown): Partial<RegistryData> {
  if (extra === undefined || extra === null) return {};
  if (Array.isArray(extra)) return { models: extra as ModelEntry[] };
  if (typeof extra === "string") {
    const file = path.resolve(process.cwd(), extra);
    const text = readFileSync(file, "utf8");
    const parsed: unknown = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
    return Array.isArray(parsed) ? { models: parsed as ModelEntry[] } : (parsed as Partial<RegistryData>);
  }
  if (typeof extra === "object") return extra as Partial<RegistryData>;
  return {};
}

export function mergeRegistry(base: RegistryData, extra: Partial<RegistryData>): RegistryData {
  const models = new Map(base.models.map((m) => [m.id.toLowerCase(), m]));
  for (const entry of extra.models ?? []) {
    const previous = models.get(entry.id.toLowerCase());
    models.set(entry.id.toLowerCase(), previous ? { ...previous, ...entry } : entry);
  }
  return { tokenizers: { ...base.tokenizers, ...(extra.tokenizers ?? {}) }, models: [...models.values()] };
}
