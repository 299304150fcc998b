import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { get_encoding, type TiktokenEncoding } from "tiktoken";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinRegistryData } from "../../src/tokens/registry.js";
import { loadCounter, tokenizerLoadCount } from "../../src/tokens/tokenizer.js";
import { ensureBpeTables } from "./bpe-tables.js";
import { corpusPath } from "../helpers/corpora.js";

beforeAll(ensureBpeTables, 120_000);

const CORPORA = corpusPath("the tiktoken oracle comparison on real prompts");

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(md|mdc|cursorrules|txt|prompty|prompt|json|yaml|yml|jsonl|j2)$/.test(e.name)) out.push(p);
  }
  return out;
}

const tokenizers = builtinRegistryData().tokenizers;
const oracles = new Map<string, ReturnType<typeof get_encoding>>();
function oracle(name: TiktokenEncoding) {
  let e = oracles.get(name);
  if (!e) oracles.set(name, (e = get_encoding(name)));
  return e;
}
afterAll(() => {
  for (const e of oracles.values()) e.free();
});

describe.skipIf(!CORPORA)("token counts equal tiktoken's on the prompt corpora", () => {
  const files = CORPORA ? walk(CORPORA).sort() : [];
  const texts = files.map((f) => readFileSync(f, "utf8"));

  it("o200k_base: every file, to the token", async () => {
    const counter = await loadCounter("o200k_base", tokenizers);
    const enc = oracle("o200k_base");
    const mismatches: string[] = [];
    texts.forEach((t, i) => {
      const want = enc.encode_ordinary(t).length;
      if (counter.count(t) !== want) mismatches.push(files[i]!);
    });
    expect(files.length).toBeGreaterThan(1000);
    expect(mismatches).toEqual([]);
  }, 120_000);

  for (const [name, oracleName] of [
    ["cl100k_base", "cl100k_base"],
    ["p50k_base", "p50k_base"],
    ["r50k_base", "r50k_base"],
    // o200k_harmony adds special tokens to o200k_base; ordinary text encodes identically.
    ["o200k_harmony", "o200k_base"],
  ] as const) {
    it(`${name}: every 25th file, to the token`, async () => {
      const counter = await loadCounter(name, tokenizers);
      const enc = oracle(oracleName);
      const sample = texts.filter((_, i) => i % 25 === 0);
      const got = sample.map((t) => counter.count(t));
      const want = sample.map((t) => enc.encode_ordinary(t).length);
      expect(got).toEqual(want);
    }, 120_000);
  }
});

describe("special-token text is ordinary text", () => {
  const text = "Stop at <|endoftext|> or <|im_start|>system<|im_end|>, <|eot_id|> and <|begin_of_text|>.";
  for (const name of ["o200k_base", "o200k_harmony", "cl100k_base", "p50k_base", "r50k_base"] as const) {
    it(`${name} counts it like tiktoken's encode_ordinary`, async () => {
      const counter = await loadCounter(name, tokenizers);
      const enc = oracle(name === "o200k_harmony" ? "o200k_base" : name);
      expect(counter.count(text)).toBe(enc.encode_ordinary(text).length);
    });
  }
  it("llama3 splits special-token text into ordinary tokens", async () => {
    const counter = await loadCounter("llama3", tokenizers);
    expect(counter.exact).toBe(true);
    expect(counter.count("<|begin_of_text|>")).toBeGreaterThan(1);
    expect(counter.count("Hello world")).toBe(2);
  });
});

describe("whitespace as tiktoken's Rust regex sees it", () => {
  // JavaScript's \s matches U+FEFF and misses U+0085; Rust's does the opposite (a BOM inside a line of the
  // presidio corpus counted 2 tokens off before the split regex and the BOM lookup were corrected).
  const cases = ["Stephanie \uFEFFKu\u010Dera", "a\u0085 b", "x \uFEFF\uFEFF y", "\u00a0\u00a0tab\tend \u3000", "\uFEFFhello", "a\uFEFF\uFEFF\uFEFFb", "\uFEFF"];
  for (const name of ["o200k_base", "cl100k_base", "r50k_base", "p50k_base"] as const) {
    it(`${name} splits U+FEFF and U+0085 like tiktoken`, async () => {
      const counter = await loadCounter(name, tokenizers);
      const enc = oracle(name);
      expect(cases.map((c) => counter.count(c))).toEqual(cases.map((c) => enc.encode_ordinary(c).length));
    });
  }
  it("counts a 100,000-character adversarial line in linear time", async () => {
    const counter = await loadCounter("o200k_base", tokenizers);
    const line = " \uFEFF".repeat(50_000);
    const t = performance.now();
    expect(counter.count(line)).toBe(oracle("o200k_base").encode_ordinary(line).length);
    expect(performance.now() - t).toBeLessThan(5_000);
  });
});

describe("approximations", () => {
  it("are marked inexact and scale the base count, rounded up", async () => {
    const base = await loadCounter("o200k_base", tokenizers);
    const claude = await loadCounter("claude-2024", tokenizers);
    const text = "You are a careful assistant. Answer in two sentences.";
    expect(claude.exact).toBe(false);
    expect(claude.count(text)).toBe(Math.ceil(base.count(text) * 1.2));
    expect(claude.count("")).toBe(0);
  });

  it("load each tokenizer module once per process", async () => {
    const before = tokenizerLoadCount();
    await Promise.all([loadCounter("o200k_base", tokenizers), loadCounter("gemini", tokenizers), loadCounter("claude-2026", tokenizers)]);
    expect(tokenizerLoadCount()).toBe(before);
  });

  it("reject an unknown tokenizer name with a clear error", async () => {
    await expect(loadCounter("nope", tokenizers)).rejects.toThrow(/unknown tokenizer "nope"/);
  });
});
