import { describe, expect, it } from "vitest";
import { appendAll } from "../../src/util/append.js";

describe("appendAll", () => {
  const many = Array.from({ length: 1_000_000 }, (_, i) => i);

  it("appends a million items, where push with a spread argument list overflows the call stack", () => {
    expect(() => [0].push(...many)).toThrow(RangeError);
    const target = [-1];
    expect(appendAll(target, many)).toBe(target);
    expect(target).toHaveLength(1_000_001);
    expect(target[0]).toBe(-1);
    expect(target.at(-1)).toBe(999_999);
  });
});
