import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskNonInstructionText } from "../../src/contradiction/blocks.js";

/** The straightforward version: every pattern over the whole text, blanked character by character. */
function reference(text: string): string {
  const out = text.replace(/\*+/g, (m) => " ".repeat(m.length));
  const spans: [number, number][] = [];
  const patterns = [
    /`[^`\n]*`/g,
    /\bhttps?:\/\/[^\s)>\]]+/g,
    /<\/?[A-Za-z][^<>\n]{0,200}>/g,
    /"[^"\n]{1,300}"/g,
    /“[^”\n]{1,300}”/g,
    /(?<![A-Za-z0-9])'[^'\n]{3,300}'(?![A-Za-z0-9])/g,
    /«[^»\n]{1,300}»/g,
    /\{\{[^}\n]{0,200}\}\}|\{%[^%\n]{0,200}%\}|\{#[^#\n]{0,200}#\}/g,
  ];
  for (const re of patterns) for (const m of out.matchAll(re)) spans.push([m.index!, m.index! + m[0].length]);
  const chars = out.split("");
  for (const [s, e] of spans) for (let i = s; i < e; i++) if (chars[i] !== "\n") chars[i] = " ";
  return chars.join("");
}

describe("maskNonInstructionText", () => {
  it.each([
    ["**Never** use `rm -rf` here", "  Never   use          here"],
    ['Say "always reply in French" only when asked.', `Say ${" ".repeat(24)} only when asked.`],
    ["See https://example.com/a)b and {{ name }}.", "See                      )b and           ."],
    ["Nested `code \"quote\" more` and \"a `b` c\"", "Nested                     and          "],
    ["Line one 'quoted\ntext' end", "Line one 'quoted\ntext' end"],
    ["😀 «guillemets 😀» <b>bold</b>", `😀 ${" ".repeat(15)} ${" ".repeat(3)}bold${" ".repeat(4)}`],
  ])("%j", (text, expected) => {
    expect(maskNonInstructionText(text)).toBe(expected);
    expect(maskNonInstructionText(text)).toBe(reference(text));
  });

  it("equals the straightforward version on random text built from the characters the patterns use", () => {
    const piece = fc.constantFrom("`", '"', "'", "“", "”", "«", "»", "<", ">", "b", "/", "{{", "}}", "{%", "%}", "{#", "#}", "*", "**", "\n", " ", "http://x.y", "https://a", "word", "Do", "😀", "é", ")", "]");
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }).map((p) => p.join("")), (text) => maskNonInstructionText(text) === reference(text)), { numRuns: 5000 });
  });
});
