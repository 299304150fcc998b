import { describe, expect, it } from "vitest";
import { lookupPrice } from "../../src/eval/pricing.js";
import { createProgress } from "../../src/eval/progress.js";
import { statsLine } from "../../src/eval/run.js";
import { registryFor } from "../../src/tokens/registry.js";

function sink() {
  const s = { text: "", write(chunk: string) { s.text += chunk; return true; } };
  return s as unknown as NodeJS.WritableStream & { text: string };
}

describe("pricing", () => {
  // The registry the config resolves to: the shipped entries and the config's own.
  const registry = registryFor({ registry: [{ id: "m-1", aliases: ["m-1-2026"], provider: "acme", tokenizer: "o200k_base", price: { input: 2, output: 8 } }, { id: "no-price", provider: "acme", tokenizer: "o200k_base" }] });

  it("reads prices per million tokens from the model registry, by id, alias or provider-prefixed id", () => {
    expect(lookupPrice("m-1", undefined, registry)).toEqual({ input: 2, output: 8 });
    expect(lookupPrice("m-1-2026", undefined, registry)).toEqual({ input: 2, output: 8 });
    expect(lookupPrice("openai/m-1", undefined, registry)).toEqual({ input: 2, output: 8 });
    expect(lookupPrice("no-price", undefined, registry)).toBeUndefined();
    expect(lookupPrice("unknown", undefined, registry)).toBeUndefined();
  });

  it("configured pricing wins; the shipped registry is read otherwise", () => {
    expect(lookupPrice("anything", { input: 1, output: 2 }, registry)).toEqual({ input: 1, output: 2 });
    expect(lookupPrice("surely-not-a-model-id", undefined, registryFor({}))).toBeUndefined();
    const shipped = registryFor({}).resolve("gpt-4o")!.price!;
    expect(lookupPrice("openai/gpt-4o", undefined, registryFor({}))).toEqual({ input: shipped.input, output: shipped.output });
  });
});

describe("progress and the summary line", () => {
  it("draws a bar on a terminal and clears it; retries are printed as lines", () => {
    const out = sink();
    const p = createProgress(out, true);
    p.start(2);
    p.caseDone("a.md › x", "answered", 10);
    p.note("  retry 1/2 for a.md › y: HTTP 429 (waiting 10 ms)");
    p.caseDone("a.md › y", "cached");
    p.finish();
    expect(out.text).toContain("[████████████░░░░░░░░░░░░] 1/2");
    expect(out.text).toContain("retry 1/2 for a.md › y: HTTP 429");
    expect(out.text.endsWith("\r\x1b[K")).toBe(true);
  });

  it("prints plain lines in CI", () => {
    const out = sink();
    const p = createProgress(out, false);
    p.start(1);
    p.caseDone("a.md › x", "answered", 812.4);
    p.finish();
    expect(out.text).toBe("smoke eval: 1 case to run\n  called a.md › x (812 ms)\n");
  });

  it("says calls, cache hits, retries, tokens and cost (or that the cost is unknown)", () => {
    const files = [{ filePath: "/a.md", cases: 3, passed: 2, failed: 1, regressions: [{ case: "x", kind: "case", detail: "d" }] }];
    const base = { calls: 4, cached: 2, retries: 1, tokens: { input: 120, output: 40 }, files };
    expect(statsLine(base)).toBe(
      "smoke eval: 1 prompt, 3 cases: 2 passed, 1 failed, 1 regression; 4 calls made, 2 cached, 1 retry; tokens 120 in / 40 out; cost unknown",
    );
    expect(statsLine({ ...base, cost: 0.00123 })).toMatch(/cost ≈ \$0\.0012$/);
  });
});
