import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/util/edit-distance.js";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("model", "model")).toBe(0);
    expect(editDistance("temperature", "temprature")).toBe(1);
  });

  it("with a bound, is exact up to the bound and bound + 1 beyond it", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(6), (a, b, max) => {
        const exact = editDistance(a, b);
        expect(editDistance(a, b, max)).toBe(Math.min(exact, max + 1));
      }),
      { numRuns: 2_000 },
    );
  });

  it("stops early on words far apart", () => {
    expect(editDistance("a".repeat(50), "b".repeat(50), 2)).toBe(3);
    expect(editDistance("short", "a much longer candidate", 2)).toBe(3);
  });
});
