/**
 * Strong credential shapes are found from where a key can start (a provider prefix or `eyJ`) instead of by
 * tokenising the whole text. The ranges must be those of tokenising everything and testing each token, the way
 * weak shapes are still found: compared here on generated text built to hit the edges (prefixes inside and at the
 * end of tokens, separators and padding around them, short runs, cut quotes) and on real prompts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CUT_MARK, findCredentialShapes, isStrongToken, strongTokens } from "../../src/engine/credential-shapes.js";
import type { Range } from "../../src/model/document.js";
import { corpusPath } from "../helpers/corpora.js";

/** The whole-text tokenisation (the weak path's loop), keeping strong tokens only. */
function strongByTokenising(text: string): Range[] {
  const found: Range[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9_\-+/.~]{10,}=*/g)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && ".~-".includes(text[start]!)) start++;
    while (end > start && ".~".includes(text[end - 1]!)) end--;
    const cut = CUT_MARK.test(text.slice(end, end + 4)) && !/^\u2026[A-Za-z0-9_\-+/=.]{1,4}(?![A-Za-z0-9_\-+/=])/.test(text.slice(end, end + 7));
    if (isStrongToken(text.slice(start, end), cut)) found.push([start, end]);
  }
  return found;
}

const fragments = [
  "sk-", "sk-proj-", "sk-ant-", "ghp_", "AKIA", "xoxb-", "eyJ", "eyJhbGciOiJIUzI1NiJ9", ".", "..", "~", "-", "--", "=", "==", "_", "/", "+",
  " ", "\n", ":", "\"", "'", "\u2026", "...", "Zq81xYvT4bW2", "aB3dE5gH7jK9mN1pQ3rS5tU7", "0123456789abcdef", "word", "x", "é",
  "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----",
];

describe("strong credential shapes", () => {
  it("are the tokens tokenising the whole text finds, on generated text", () => {
    let withKeys = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((xs) => xs.join("")), (text) => {
        const expected = strongByTokenising(text);
        if (expected.length > 0) withKeys++;
        expect(strongTokens(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    // The comparison is not only of texts without keys.
    expect(withKeys).toBeGreaterThan(100);
  });

  it("are found in keys people paste", () => {
    const key = "sk-proj-Zq81xYvT4bW2aB3dE5gH7jK9mN1pQ3rS5tU7";
    expect(findCredentialShapes(`use ${key} here`, "strong")).toEqual([[4, 4 + key.length]]);
    expect(findCredentialShapes(`--${key}.`, "strong")).toEqual([[2, 2 + key.length]]);
    expect(findCredentialShapes(`x${key}`, "strong")).toEqual([]); // a prefix inside a token is no key's start
    expect(findCredentialShapes("sk-proj-Zq81xY\u2026", "strong")).toEqual([[0, 14]]); // cut by a quote
  });

  const corpora = corpusPath("the strong-shape differential on real prompts");
  it.skipIf(!corpora)("are the same ranges on real prompts", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(?:md|txt|json|jsonl|mdc|cursorrules|prompt)$/.test(name) && files.length < 1500) files.push(p);
      }
    };
    walk(corpora!);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect({ file, ranges: strongTokens(text) }).toEqual({ file, ranges: strongByTokenising(text) });
    }
  });
});
