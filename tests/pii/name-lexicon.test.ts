import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { nameLexicon, readLexiconFile } from "../../src/pii/name-lexicon.js";

describe("data/name-lexicon.json", () => {
  it("matches the installed compromise lexicon (run scripts/gen-name-lexicon.mjs after upgrading it)", () => {
    const nlp = createRequire(import.meta.url)("compromise");
    const lexicon = nlp.model().one.lexicon as Record<string, string>;
    const data = readLexiconFile()!;
    expect(data.source).toBe(`compromise@${nlp.version}`);
    const first = new Set(["FirstName", "MaleName", "FemaleName", "Person"]);
    const expected = { first: [] as string[], last: [] as string[], common: [] as string[] };
    for (const word of Object.keys(lexicon).sort()) {
      const tag = lexicon[word]!;
      if (first.has(tag)) expected.first.push(word);
      else if (tag === "LastName") expected.last.push(word);
      else expected.common.push(word);
    }
    expect(data.first).toEqual(expected.first);
    expect(data.last).toEqual(expected.last);
    expect(data.common).toEqual(expected.common);
  });
});

describe("nameLexicon", () => {
  it("classifies every word as a map filled common, then last, then first would", () => {
    const data = readLexiconFile()!;
    const expected = new Map<string, string>();
    for (const w of data.common) expected.set(w, "common");
    for (const w of data.last) expected.set(w, "last");
    for (const w of data.first) expected.set(w, "first");
    const lexicon = nameLexicon()!;
    for (const [word, cls] of expected) expect(lexicon.get(word), word).toBe(cls);
    for (const absent of ["", "zzzzqx", "maria lopez", "Maria", "a".repeat(50), "\u00e9l\u00e8ve", "__proto__"]) {
      expect(lexicon.get(absent), absent).toBe(expected.get(absent));
    }
  });
});
