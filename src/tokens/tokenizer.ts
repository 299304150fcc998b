/**
 * Token counters, loaded lazily: the tokenizer tables cost ~0.2-0.5 s to load, so only a run that counts
 * tokens pays for them, and each is loaded at most once per process (a module-level promise per name).
 *
 * OpenAI encodings come from gpt-tokenizer: it gives the same counts as tiktoken (a test checks that on the
 * corpora), loads as fast as tiktoken's WASM build and encodes about twice as fast here (see
 * scripts/bench-tokens.ts). Special-token text such as `<|endoftext|>` is counted as ordinary text, as a
 * prompt author's file is text, never control tokens.
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

/** How many tokenizer modules this process has started to import (for tests and the benchmark). */
export function tokenizerLoadCount(): number {
  return loads;
}

const NO_SPECIAL = { disallowedSpecial: new Set<string>() };
const NEVER = /(?!)x/g;

async function importEncoding(name: string): Promise<RawCount> {
  loads++;
  // One literal import per encoding so a bundler can split each table into its own chunk.
  switch (name) {
    case "o200k_base":
      return gptCounter(await import("gpt-tokenizer/encoding/o200k_base"));
    case "o200k_harmony":
      return gptCounter(await import("gpt-tokenizer/encoding/o200k_harmony"));
    case "cl100k_base":
      return gptCounter(await import("gpt-tokenizer/encoding/cl100k_base"));
    case "p50k_base":
      return gptCounter(await import("gpt-tokenizer/encoding/p50k_base"));
    case "r50k_base":
      return gptCounter(await import("gpt-tokenizer/encoding/r50k_base"));
    case "llama3": {
      const m = await import("llama3-tokenizer-js");
      const tokenizer = m.default;
      // A regex that never matches: special-token text (`<|eot_id|>`) in a prompt file is ordinary text.
      const options = { bos: false, eos: false, specialTokenRegex: NEVER };
      return (t) => tokenizer.encode(t, options).length;
    }
    default:
      loads--;
      throw new Error(`promptvet: no tokenizer implementation named "${name}"`);
  }
}

interface GptEncodingModule {
  countTokens(text: string, options: typeof NO_SPECIAL): number;
  default: unknown;
}

/**
 * tiktoken pre-splits text with a Rust regex where `\s` is Unicode White_Space; JavaScript's `\s` also
 * matches U+FEFF and misses U+0085, so a BOM inside a line (seen in the corpora) split differently and
 * counted 1-2 tokens off. The split regex is rewritten with Rust's whitespace set so counts match tiktoken.
 */
function gptCounter(mod: GptEncodingModule): RawCount {
  const core = (mod.default as { bytePairEncodingCoreProcessor?: BpeCore }).bytePairEncodingCoreProcessor;
  if (core && core.tokenSplitRegex instanceof RegExp && !PATCHED.has(core.tokenSplitRegex)) {
    core.tokenSplitRegex = withRustWhitespace(core.tokenSplitRegex);
    PATCHED.add(core.tokenSplitRegex);
    keepByteOrderMarks(core);
  }
  return (t) => mod.countTokens(t, NO_SPECIAL);
}

interface BpeCore {
  tokenSplitRegex?: RegExp;
  getBpeRankFromBytes?: (key: Uint8Array) => number | undefined;
  getBpeRankFromString?: (key: string) => number | undefined;
  binarySearch?: (key: Uint8Array) => number;
  bytePairNonUtfSortedEncoder?: [Uint8Array, number][];
}

const BOM_KEEPING = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * gpt-tokenizer 4.0.0 turns byte sequences into strings with a TextDecoder that drops a leading BOM, so the
 * merges of tokens that start with U+FEFF are never found (" \uFEFF" became 3 tokens instead of 1). Byte
 * keys that start with EF BB BF are looked up with a decoder that keeps it.
 */
function keepByteOrderMarks(core: BpeCore): void {
  const original = core.getBpeRankFromBytes;
  const byString = core.getBpeRankFromString;
  if (typeof original !== "function" || typeof byString !== "function") return;
  core.getBpeRankFromBytes = function (this: BpeCore, key: Uint8Array) {
    if (key.length >= 3 && key[0] === 0xef && key[1] === 0xbb && key[2] === 0xbf) {
      let text: string | undefined;
      try {
        text = BOM_KEEPING.decode(key);
      } catch {
        text = undefined;
      }
      const rank = text === undefined ? undefined : byString.call(this, text);
      if (rank !== undefined) return rank;
      // Tokens that are a bare BOM are stored as bytes, not strings.
      const index = this.binarySearch?.(key) ?? -1;
      return index === -1 ? undefined : this.bytePairNonUtfSortedEncoder?.[index]?.[1];
    }
    return original.call(this, key);
  };
}

const PATCHED = new WeakSet<RegExp>();
// Unicode White_Space, as Rust's regex crate defines `\s`.
const RUST_WS = "\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/** Rewrites `\s`/`\S` of a regex (inside and outside character classes) to Rust's whitespace set. */
export function withRustWhitespace(re: RegExp): RegExp {
  const src = re.source;
  let out = "";
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === "\\") {
      const next = src[i + 1];
      if (next === "s") out += inClass ? RUST_WS : `[${RUST_WS}]`;
      else if (next === "S" && !inClass) out += `[^${RUST_WS}]`;
      else out += c + (next ?? "");
      i++;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  return new RegExp(out, re.flags);
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
