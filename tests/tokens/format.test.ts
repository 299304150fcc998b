import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInteger, formatTokens, formatUsd } from "../../src/tokens/format.js";

const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

describe("number formatting", () => {
  it.each([
    [0, "0"], [7, "7"], [999, "999"], [1000, "1,000"], [12345.5, "12,346"], [-2.5, "-3"],
    [1234567, "1,234,567"], [-1000, "-1,000"], [0.5, "1"],
  ])("%s -> %s, as Intl.NumberFormat('en-US') writes it", (n, expected) => {
    expect(formatInteger(n)).toBe(expected);
    expect(formatInteger(n)).toBe(intl.format(n));
  });

  it("writes a count that rounds to zero as 0, where Intl writes -0", () => {
    expect(formatInteger(-0.4)).toBe("0");
  });

  it("matches Intl.NumberFormat on random numbers (negative zero aside)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (n) => {
        const expected = intl.format(n);
        return formatInteger(n) === (expected === "-0" ? "0" : expected);
      }),
      { numRuns: 5000 },
    );
  });

  it("marks approximate counts and writes money", () => {
    expect(formatTokens(12345, true)).toBe("12,345");
    expect(formatTokens(12345, false)).toBe("≈12,345");
    expect(formatUsd(1234.4)).toBe("$1,234");
  });
});
