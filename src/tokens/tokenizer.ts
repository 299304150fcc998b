/**
 * Token counters, loaded lazily and at most once per process (a module-level promise per name), so only a
 * run that counts tokens pays for a tokenizer.
 *
 * The OpenAI encodings (o200k, cl100k, p50k, r50k) are counted by promptvet's own byte-pair encoder
 * (src/tokens/bpe) over rank tables the build writes as binary files (dist/tokenizers/*.bin): loading one
 * is a single file read, a few milliseconds, where a JavaScript tokenizer module took ~0.35 s to compile
 * and index. Counts equal tiktoken's `encode_ordinary` (tests check that on the corpora and on random
 * text). Special-token text such as `<|endoftext|>` is counted as ordinary text, as a prompt author's file
 * is text, never control tokens.
 */
import type { RegistryData, TokenizerDef } from "./registry.js";

export interface TokenCounter {
  /** Registry name of the tokenizer (`o200k_base`, `claude-2024`, ...). */
  name: string;
  /** Exact for a published tokenizer; false for a calibrated approximation (shown with ≈). */
  exact: boolean;
  count(text: string): number;
}

type RawCount = (text: string) => number;

const pending = new Map<string, Promise<RawCount>>();
let loads = 0;

/** How many tokenizers this process has started to load (for tests and the benchmark). */
export function tokenizerLoadCount(): number {
  return loads;
}

const NEVER = /(?!)x/g;

/** The rank table each BPE encoding counts with (o200k_harmony only adds special tokens to o200k_base). */
const BPE_TABLES: Readonly<Record<string, string>> = {
  o200k_base: "o200k_base",
  o200k_harmony: "o200k_base",
  cl100k_base: "cl100k_base",
  p50k_base: "p50k_base",
  r50k_base: "r50k_base",
};

async function importEncoding(name: string): Promise<RawCount> {
  loads++;
  const table = BPE_TABLES[name];
  if (table !== undefined) {
    const { loadBpeCounter } = await import("./bpe/counter.js");
    return loadBpeCounter(table);
  }
  if (name === "llama3") {
    const m = await import("llama3-tokenizer-js");
    const tokenizer = m.default;
    // A regex that never matches: special-token text (`<|eot_id|>`) in a prompt file is ordinary text.
    const options = { bos: false, eos: false, specialTokenRegex: NEVER };
    return (t) => tokenizer.encode(t, options).length;
  }
  loads--;
  throw new Error(`promptvet: no tokenizer implementation named "${name}"`);
}

function rawCounter(name: string): Promise<RawCount> {
  let p = pending.get(name);
  if (!p) {
    p = importEncoding(name);
    pending.set(name, p);
    // A failed import may be retried by a later call (e.g. after a transient error).
    p.catch(() => pending.delete(name));
  }
  return p;
}

/** A counter for a registry tokenizer name (loads its tables on first use). */
export async function loadCounter(name: string, tokenizers: RegistryData["tokenizers"]): Promise<TokenCounter> {
  const def: TokenizerDef | undefined = tokenizers[name];
  if (!def) throw new Error(`promptvet: unknown tokenizer "${name}" in the model registry`);
  if (def.kind === "ratio") {
    const base = await rawCounter(def.base);
    const ratio = def.ratio;
    return { name, exact: false, count: (t) => (t.length === 0 ? 0 : Math.ceil(base(t) * ratio)) };
  }
  const raw = await rawCounter(name);
  return { name, exact: true, count: (t) => (t.length === 0 ? 0 : raw(t)) };
}
