/**
 * Every detector stays linear on long adversarial lines: 100,000 characters built to make a naive regex
 * backtrack or a scanner restart at every position. Each must finish well under a second.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DETECTORS } from "../../src/pii/index.js";
import { preloadPiiDependencies } from "../../src/pii/lazy.js";
import { PII_TYPES, type PiiType } from "../../src/pii/types.js";

const N = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);

const ADVERSARIAL: Record<string, string> = {
  "digits and spaces": fill("1 "),
  "two-digit groups": fill("12 "),
  "digit run": fill("7"),
  "dashed digits": fill("12-"),
  "plus signs": fill("+1-"),
  "open parentheses": fill("("),
  "local parts without @": fill("a."),
  "at signs": fill("a@"),
  "dotted domains": fill("a@b."),
  "dotted quads": fill("1.1."),
  "colons and hex": fill("a:1:"),
  "capitalised words": fill("Maria "),
  "name cues": fill("my name is Ab "),
  "house numbers": fill("12 Main "),
  "IBAN prefixes": fill("DE89 "),
  "birth cues": fill("DOB 1987-"),
  "signature lines": fill("Thanks,\nMaria "),
};

beforeAll(async () => {
  await preloadPiiDependencies(PII_TYPES);
});

describe.each(PII_TYPES.map((t) => [t] as const))("detector %s", (type: PiiType) => {
  it.each(Object.entries(ADVERSARIAL))("is fast on %s", (_name, text) => {
    const detector = DETECTORS[type];
    detector({ text: text.slice(0, 1000), options: {} }); // warm up lexicons and metadata
    // CPU time, not wall time: the test is about blow-ups (a quadratic scan takes minutes here), and on a shared
    // machine wall time also counts the time other processes held the cores.
    const c0 = process.cpuUsage();
    const matches = detector({ text, options: { textKind: "dialogue" } });
    const used = process.cpuUsage(c0);
    const ms = (used.user + used.system) / 1000;
    expect(Array.isArray(matches)).toBe(true);
    expect(ms, `${type} took ${ms.toFixed(0)} ms on ${text.length} characters`).toBeLessThan(500);
  });
});
