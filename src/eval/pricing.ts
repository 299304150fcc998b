/**
 * Prices (USD per million tokens) from the model registry `data/models.json`, or `eval.pricing`. An unknown
 * model has no price: the summary then says "cost unknown" rather than guessing.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface Price {
  input: number;
  output: number;
}

function registryPath(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, "data", "models.json");
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

/** Accepts the registry as an array of entries or an object keyed by id; prices per 1M tokens. */
export function priceFromRegistry(model: string, registry: unknown): Price | undefined {
  const entries: Record<string, unknown>[] = [];
  const list = Array.isArray(registry) ? registry : registry && typeof registry === "object" ? ((registry as { models?: unknown }).models ?? registry) : [];
  if (Array.isArray(list)) entries.push(...(list.filter((e) => e && typeof e === "object") as Record<string, unknown>[]));
  else if (list && typeof list === "object") for (const [id, e] of Object.entries(list)) if (e && typeof e === "object") entries.push({ id, ...(e as object) });
  const wanted = model.toLowerCase();
  const bare = wanted.includes("/") ? wanted.slice(wanted.lastIndexOf("/") + 1) : wanted;
  const entry = entries.find((e) => {
    const ids = [e.id, e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])].filter((x): x is string => typeof x === "string").map((x) => x.toLowerCase());
    return ids.includes(wanted) || ids.includes(bare);
  });
  if (!entry) return undefined;
  const p = (entry.pricing ?? entry.price ?? entry.prices ?? entry) as Record<string, unknown>;
  const input = firstNumber(p, ["input", "inputPer1M", "inputPerMTok", "input_per_1m", "inputPerMillion"]);
  const output = firstNumber(p, ["output", "outputPer1M", "outputPerMTok", "output_per_1m", "outputPerMillion"]);
  return input !== undefined && output !== undefined ? { input, output } : undefined;
}

function firstNumber(obj: Record<string, unknown>, keys: string[]): number | undefined {
  for (const k of keys) if (typeof obj[k] === "number") return obj[k] as number;
  return undefined;
}

export function lookupPrice(model: string, configured?: Price): Price | undefined {
  if (configured) return configured;
  const file = registryPath();
  if (!file) return undefined;
  try {
    return priceFromRegistry(model, JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return undefined;
  }
}
