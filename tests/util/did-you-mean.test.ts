/** The one "did you mean" helper (tests/architecture/one-copy.test.ts checks that nothing else ranks names). */
import { describe, expect, it } from "vitest";
import { registryFor } from "../../src/tokens/registry.js";
import { closest, editDistance, nearest } from "../../src/util/edit-distance.js";

describe("nearest", () => {
  it("ranks close candidates, closest first, each once, ignoring case", () => {
    expect(nearest("pii/emial", ["pii/email", "pii/phone", "pii/email", "secrets/aws"])).toEqual(["pii/email"]);
    expect(nearest("PII/Email", ["pii/email"])).toEqual(["pii/email"]);
    expect(nearest("colr", ["color", "colour", "cool", "collar"], 2)).toEqual(["color", "colour"]);
    expect(closest("Sytem", ["system", "user", "assistant"])).toBe("system");
  });

  it("does not turn a short word into an unrelated one", () => {
    expect(nearest("ai", ["tool", "user"])).toEqual([]);
    expect(closest("bot", ["user", "system"])).toBeUndefined();
    expect(nearest("x", [])).toEqual([]);
  });

  it("is Levenshtein distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("the model registry's hints go through it, one per model", () => {
    const registry = registryFor({});
    const hints = registry.suggest("gpt-4o-minii");
    expect(hints[0]).toBe("gpt-4o-mini");
    expect(new Set(hints).size).toBe(hints.length);
  });
});
