import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildNameLexicon } from "../../scripts/name-lexicon-sources.mjs";
import { formatLexiconFile, nameLexicon, readLexiconFile } from "../../src/pii/name-lexicon.js";

describe("data/name-lexicon.txt", () => {
  it("matches its installed sources (run `npx tsx scripts/gen-name-lexicon.mjs` after upgrading them)", async () => {
    const expected = await buildNameLexicon();
    const data = readLexiconFile()!;
    expect(data.source).toBe(expected.source);
    expect(data.first).toEqual(expected.first);
    expect(data.last).toEqual(expected.last);
    expect(data.namelike).toEqual(expected.namelike);
    expect(data.common).toEqual(expected.common);
    const file = new URL("../../data/name-lexicon.txt", import.meta.url);
    expect(readFileSync(file, "utf8")).toBe(formatLexiconFile(expected));
  });

  it("knows given names and surnames beyond English ones, and not everyday words", () => {
    const lexicon = nameLexicon()!;
    for (const word of ["maria", "sven", "aleksandra", "joão", "björn", "zemanová", "giuseppe", "małgorzata"]) {
      expect(["first", "last"], word).toContain(lexicon.get(word));
    }
    for (const word of ["will", "hope", "summer", "rose"]) expect(lexicon.get(word), word).toBe("namelike");
    // From cspell's people-names list and faker's Greek and Cyrillic names in Latin letters.
    for (const word of ["priyanka", "yuki", "stavros", "georgios", "sergey", "oksana"]) expect(["first", "last"], word).toContain(lexicon.get(word));
    // Software terms and companies that the people-names list also holds are not names.
    for (const word of ["auth", "supabase", "northrop"]) expect(["first", "last"], word).not.toContain(lexicon.get(word));
    for (const word of ["the", "invoice", "please"]) expect(lexicon.get(word), word).toBe("common");
  });
});

describe("nameLexicon", () => {
  it("classifies every word as a map filled common, then namelike, then last, then first would", () => {
    const data = readLexiconFile()!;
    const expected = new Map<string, string>();
    for (const w of data.common) expected.set(w, "common");
    for (const w of data.namelike) expected.set(w, "namelike");
    for (const w of data.last) expected.set(w, "last");
    for (const w of data.first) expected.set(w, "first");
    const lexicon = nameLexicon()!;
    for (const [word, cls] of expected) expect(lexicon.get(word), word).toBe(cls);
    const absent = ["", "zzzzqx", "maria lopez", "Maria", "a".repeat(50), "\u00e9l\u00e8ve", "__proto__", "#first", "\n", "aaaa", "\uffff"];
    for (const word of absent) expect(lexicon.get(word), word).toBe(expected.get(word));
  });
});
