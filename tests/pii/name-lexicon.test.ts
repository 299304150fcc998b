import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { readLexiconFile } from "../../src/pii/name-lexicon.js";

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
