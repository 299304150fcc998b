/**
 * The scanning helpers stand in for built-ins (`matchAll`, `split(/\s+/)`) on the hot path of directive
 * extraction; they must give exactly the built-ins' answers, including for non-ASCII whitespace and for
 * expressions that can match the empty string.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasOtherSubject, OTHER_SUBJECT } from "../../src/contradiction/directives.js";
import { allMatches, splitClauses, whitespaceRuns, wordRuns } from "../../src/contradiction/text.js";
import { VALUE_PATTERNS } from "../../src/contradiction/vocabulary.js";

/** Text mixing words, ASCII and Unicode whitespace, astral characters and the words the patterns look for. */
const pieces = [
  "a", "Use", "JSON", "json only", "emoji", "bullet points", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u2028",
  "\u3000", "\ufeff", "\u200b", "😀", "\ud83d", "é", ".", ",", "-", "never", "tables", "in English", "3 words", "",
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(""));
const anyText = fc.oneof(text, fc.string({ unit: "binary", maxLength: 40 }));

describe("whitespaceRuns / wordRuns", () => {
  it("count what split(/\\s+/) counts", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(whitespaceRuns(s) + 1).toBe(s.split(/\s+/).length);
        expect(wordRuns(s)).toBe(s.split(/\s+/).filter(Boolean).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("allMatches", () => {
  const expressions = [
    ...VALUE_PATTERNS.map((p) => p.re),
    /\s*/g, // matches the empty string everywhere
    /(?:)/gu, // empty matches stepping over surrogate pairs
    /\b/g,
    /x*/giu,
    /(\d+)|(?<word>[a-z]+)/g,
  ];
  it("yields the same matches as matchAll and leaves lastIndex alone", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...expressions), (s, re) => {
        const before = re.lastIndex;
        const expected = [...s.matchAll(re)];
        const actual = allMatches(re, s);
        expect(actual).toEqual(expected);
        expect(actual.map((m) => [m.index, m.input, m.groups])).toEqual(expected.map((m) => [m.index, m.input, m.groups]));
        expect(re.lastIndex).toBe(before);
      }),
      { numRuns: 2000 },
    );
  });

  it("lets the caller reuse the expression inside its loop", () => {
    const re = /\bemoji\b/g;
    const seen: number[] = [];
    for (const m of allMatches(re, "emoji and emoji and emoji")) {
      seen.push(m.index);
      "emoji".replace(re, "x"); // resets lastIndex mid-loop
    }
    expect(seen).toEqual([0, 10, 20]);
  });
});

describe("hasOtherSubject", () => {
  const words = [
    "if", "If", "when", "WHENEVER", "whenever", "unless", "the", "The", "a", "A", "our", "some", "this", "that", "each", "every",
    "user", "Users", "customer", "they", "he", "she", "api", "APIs", "system", "returns", "search", "result", "results", "searches",
    "browser", "browsers", "data", "ids", "id", "theory", "ifx", "user_", "user2", "élève", "K", "ſ", "s", "language", "'s",
    "'S LANGUAGE", "’s", "use", "never", "Always", "reply", "2", "_", "",
  ];
  const gaps = [" ", "  ", "\t", "\n", "\u00a0", "\u2003", "", "-", "'", "(", "**", ",", "é", "😀"];
  const clause = fc
    .array(fc.tuple(fc.constantFrom(...gaps), fc.constantFrom(...words)), { maxLength: 6 })
    .chain((parts) => fc.constantFrom(...gaps).map((tail) => parts.map(([g, w]) => g + w).join("") + tail));
  it("answers as OTHER_SUBJECT.test does", () => {
    fc.assert(
      fc.property(fc.oneof(clause, fc.string({ maxLength: 30 })), (s) => {
        expect(hasOtherSubject(s)).toBe(OTHER_SUBJECT.test(s));
      }),
      { numRuns: 20000 },
    );
  });
  it.each([
    ["The user asks for JSON.", true],
    ["  **If the customer** wants more", true],
    ["When search results are empty", true],
    ["system returns a list", true],
    ["The user's language decides", false],
    ["Users' language", true],
    ["Use bullet points", false],
    ["theory says", false],
  ])("%j", (s, expected) => {
    expect(hasOtherSubject(s)).toBe(expected);
    expect(OTHER_SUBJECT.test(s)).toBe(expected);
  });
});

describe("splitClauses with the raw text", () => {
  it("keeps a label's code-span value as a clause of its own", () => {
    const raw = "Package manager: `pnpm`";
    const masked = "Package manager:       ";
    expect(splitClauses(masked, [0, masked.length], raw)).toEqual([
      [0, 15],
      [17, 23],
    ]);
    // Without the raw text the masked value is blank and dropped.
    expect(splitClauses(masked, [0, masked.length])).toEqual([[0, 15]]);
  });
});
