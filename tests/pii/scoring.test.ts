import { describe, expect, it } from "vitest";
import { addCounts, fnv1a, isHeldOut, score, scoreLineValues, scoreSpans, type LineValue } from "../../src/pii/scoring.js";

const lv = (file: string, line: number, type: LineValue["type"], value: string): LineValue => ({ file, line, type, value });

describe("score", () => {
  it("computes precision and recall", () => {
    expect(score({ tp: 3, fp: 1, fn: 2 })).toMatchObject({ precision: 0.75, recall: 0.6 });
  });
  it("scores an empty denominator as 1", () => {
    expect(score({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: 1, recall: 1 });
    expect(score({ tp: 0, fp: 2, fn: 0 })).toMatchObject({ precision: 0, recall: 1 });
  });
  it("uses found gold items for recall when given", () => {
    expect(score({ tp: 1, fp: 0, fn: 1, found: 3 }).recall).toBe(0.75);
  });
});

describe("scoreLineValues", () => {
  it("pairs one prediction with one label of the same file, line and type", () => {
    const gold = [lv("a.md", 1, "email", "x@y.org"), lv("a.md", 2, "phone", "(415) 867-5309")];
    const pred = [lv("a.md", 1, "email", "x@y.org"), lv("a.md", 1, "email", "x@y.org"), lv("a.md", 3, "phone", "(415) 867-5309")];
    const counts = scoreLineValues(pred, gold);
    expect(counts.get("email")).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(counts.get("phone")).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
  it("accepts a value that contains or is contained in the label, exact matches first", () => {
    const gold = [lv("b.md", 4, "street-address", "42 Willow Lane, Apt 3B"), lv("b.md", 4, "street-address", "9 Elm St")];
    const pred = [lv("b.md", 4, "street-address", "42 Willow Lane"), lv("b.md", 4, "street-address", "9 Elm St")];
    expect(scoreLineValues(pred, gold).get("street-address")).toEqual({ tp: 2, fp: 0, fn: 0 });
  });
  it("does not match across types or files", () => {
    const counts = scoreLineValues([lv("a.md", 1, "phone", "1")], [lv("b.md", 1, "phone", "1"), lv("a.md", 1, "us-ssn", "1")]);
    expect(counts.get("phone")).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(counts.get("us-ssn")).toEqual({ tp: 0, fp: 0, fn: 1 });
  });
});

describe("scoreSpans", () => {
  it("counts overlapping predictions and found gold parts separately", () => {
    // One predicted address covers two gold parts (street and ZIP); one gold part is missed; one prediction is wrong.
    const gold = [
      { type: "street-address" as const, start: 0, end: 14 },
      { type: "street-address" as const, start: 20, end: 25 },
      { type: "street-address" as const, start: 40, end: 50 },
    ];
    const pred = [
      { type: "street-address" as const, start: 0, end: 25 },
      { type: "street-address" as const, start: 60, end: 70 },
    ];
    const c = scoreSpans(pred, gold).get("street-address")!;
    expect(c).toEqual({ tp: 1, fp: 1, fn: 1, found: 2 });
    expect(score(c)).toMatchObject({ precision: 0.5, recall: 2 / 3 });
  });
  it("ignores spans of other types and touching (non-overlapping) spans", () => {
    const c = scoreSpans([{ type: "email", start: 5, end: 10 }], [{ type: "email", start: 10, end: 12 }, { type: "phone", start: 5, end: 10 }]);
    expect(c.get("email")).toEqual({ tp: 0, fp: 1, fn: 1, found: 0 });
    expect(c.get("phone")).toEqual({ tp: 0, fp: 0, fn: 1, found: 0 });
  });
});

describe("addCounts", () => {
  it("sums per type, keeping found when either side has it", () => {
    const a = new Map([["email" as const, { tp: 1, fp: 0, fn: 1 }]]);
    const b = new Map([["email" as const, { tp: 2, fp: 1, fn: 0, found: 3 }]]);
    expect(addCounts(a, b).get("email")).toEqual({ tp: 3, fp: 1, fn: 1, found: 4 });
  });
});

describe("held-out split", () => {
  it("hashes with 32-bit FNV-1a", () => {
    // Published FNV-1a test vectors.
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });
  it("holds out about 30% of keys, the same ones on every run", () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `template-${i}`);
    const held = keys.filter(isHeldOut);
    expect(held.length / keys.length).toBeGreaterThan(0.25);
    expect(held.length / keys.length).toBeLessThan(0.35);
    expect(keys.filter(isHeldOut)).toEqual(held);
  });
});
