/**
 * The literal prefilter lets the extractor skip a value pattern on a clause that holds none of its literals. It must
 * never skip a clause the pattern matches: checked on every line of the labelled sets and of generated text, for
 * every value pattern and for their union.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expressionDigest, LiteralScanner, mayMatch, OUTSIDE_SAFE_CHARACTERS, requiredLiterals } from "../../src/contradiction/literal-prefilter.js";
import { literalsOf, precomputedExpressions, valueLiteralsSource } from "../../src/contradiction/value-literals.js";
import { VALUE_PATTERNS } from "../../src/contradiction/vocabulary.js";
import { verbPatterns } from "../../src/contradiction/directives.js";

describe("requiredLiterals", () => {
  it("keeps the strings every match holds", () => {
    expect(requiredLiterals(/\bmarkdown tables?\b|\btabular\b/i)).toEqual(["markdown table", "tabular"]);
    expect(requiredLiterals(/\b(?:concise(?:ly)?|to the point)\b/gi)).toEqual(["concise", "to the point"]);
    // Of the parts a match must hold, the longest literal filters best.
    expect(requiredLiterals(/\b(?:in|as) (?:a )?tables?\b/i)).toEqual(["table"]);
    expect(requiredLiterals(/(?<!\.)\bJSON\b(?![- ]?files?)/i)).toEqual(["json"]);
  });

  it("reads case-sensitive expressions: the text holds an ASCII literal as written, so its lower case holds it lower-cased", () => {
    expect(requiredLiterals(/json/)).toEqual(["json"]);
    expect(requiredLiterals(/\bJSON\b|\b[Yy]ou are\b/)).toEqual(["json", "ou are"]);
  });

  it("takes a positive lookaround's text when it filters clearly better than the match's own", () => {
    // "named like new-component.tsx": the match's own part is "-", the assertion before it names the cue.
    expect(requiredLiterals(/(?<=\b(?:[Nn]amed|called) (?:like|as) )[a-z]+(?:-[a-z]+)+/g)).toEqual(["amed", "called"]);
    expect(requiredLiterals(/(?=\w+ tables\b)\w/i)).toEqual([" tables"]);
    // Not when the match's own literals are about as long: " only" after a language name is common, the names are not.
    expect(requiredLiterals(/\b(?:thai|urdu|english)(?= only\b)/i)).toEqual(["thai", "urdu", "english"]);
    // A negative lookaround asserts an absence: it adds nothing.
    expect(requiredLiterals(/(?<!named )[a-z]+-[a-z]+/)).toEqual(["-"]);
    expect(requiredLiterals(/(?!json)\w+/i)).toBeUndefined();
  });

  it("never rules out a text the expression matches (generated expressions with lookarounds, either case)", () => {
    // Small alphabets make matches, near-misses and case differences common.
    const expression: fc.Memo<string> = fc.memo((depth) => {
      const chunk = fc.array(fc.constantFrom("a", "b", "A", "B", " ", "-"), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(""));
      const atom = depth <= 1 ? fc.oneof(chunk, fc.constantFrom("[ab]", "\\w", ".", "\\b", "^", "$")) : fc.oneof(
        chunk,
        fc.constantFrom("[ab]", "\\w", "."),
        fc.tuple(expression(depth - 1), expression(depth - 1)).map(([x, y]) => `(?:${x}|${y})`),
        fc.tuple(fc.constantFrom("(?=", "(?<=", "(?!", "(?<!", "(?:", "("), expression(depth - 1)).map(([open, x]) => `${open}${x})`),
      );
      const quantified = fc.tuple(atom, fc.constantFrom("", "", "", "?", "*", "+", "{2}", "{0,2}")).map(([a, q]) => a + q);
      return fc.array(quantified, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(""));
    });
    const text = fc.array(fc.constantFrom("a", "b", "A", "B", " ", "-", "c"), { maxLength: 16 }).map((xs) => xs.join(""));
    fc.assert(
      fc.property(expression(3), fc.constantFrom("", "i"), fc.array(text, { minLength: 1, maxLength: 6 }), (source, flags, texts) => {
        let re: RegExp;
        try {
          re = new RegExp(source, flags);
        } catch {
          return; // "^{2}", a quantified lookbehind: not an expression
        }
        const literals = requiredLiterals(re);
        for (const t of texts) if (re.test(t)) expect({ source, flags, t, literals, may: mayMatch(literals, t.toLowerCase()) }).toMatchObject({ may: true });
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps Latin-1 signs, which every expression matches only as themselves and lower-casing keeps", () => {
    expect(requiredLiterals(/\b(?:in|using) (?:degrees )?fahrenheit\b|°F\b/i)).toEqual(["fahrenheit", "°f"]);
    expect(requiredLiterals(/µs/i)).toBeUndefined(); // "µ" upper-cases to Greek "Μ", which also matches "μ"
    for (let sign = 0xa0; sign <= 0xbf; sign++) {
      const char = String.fromCharCode(sign);
      if (OUTSIDE_SAFE_CHARACTERS.test(char)) continue;
      const pattern = new RegExp(`\\u${sign.toString(16).padStart(4, "0")}`, "i");
      expect(char.toLowerCase()).toBe(char);
      for (let unit = 0; unit < 0x10000; unit++) if (unit !== sign && pattern.test(String.fromCharCode(unit))) expect({ sign: char, matches: unit }).toBeUndefined();
    }
  });

  it("gives up rather than guess", () => {
    expect(requiredLiterals(/json|\d+ words/i)).toEqual(["json", " words"]);
    expect(requiredLiterals(/json|\w+/i)).toBeUndefined(); // one branch holds no literal
    expect(requiredLiterals(/(?:json)?/i)).toBeUndefined(); // optional
    expect(requiredLiterals(/caf\u00e9/iu)).toBeUndefined(); // Unicode flag
    expect(requiredLiterals(/café/i)).toBeUndefined(); // literal outside ASCII
    expect(requiredLiterals(/\x41bc|\u0041bc/i)).toEqual(["bc"]); // escapes read as some character, not as letters
  });
});

describe("LiteralScanner", () => {
  it("marks each set the text touches, and sets without literals always", () => {
    const scanner = new LiteralScanner([["json"], ["yaml", "ml"], undefined, ["x"], ["table"]]);
    expect([...scanner.scan("reply in yaml")]).toEqual([0, 1, 1, 0, 0]);
    expect([...scanner.scan("x")]).toEqual([0, 0, 1, 1, 0]);
    expect([...scanner.scan("a json table")]).toEqual([1, 0, 1, 0, 1]);
  });

  it("marks exactly the sets one of whose literals the text holds (overlapping, nested and shared literals)", () => {
    // A small alphabet makes overlaps, literals inside literals and suffix links common.
    const letters = fc.constantFrom("a", "b", "c", " ", "-", "é");
    const literal = fc.array(letters, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(""));
    const sets = fc.array(fc.option(fc.array(literal, { minLength: 1, maxLength: 4 }), { nil: undefined, freq: 8 }), { minLength: 1, maxLength: 8 });
    const text = fc.array(fc.constantFrom("a", "b", "c", " ", "-", "é", "z", "\u00ff", "\u{1f600}"), { maxLength: 40 }).map((xs) => xs.join(""));
    fc.assert(
      fc.property(sets, fc.array(text, { minLength: 1, maxLength: 3 }), (literalSets, texts) => {
        const scanner = new LiteralScanner(literalSets);
        const hit = new Uint8Array(literalSets.length);
        for (const t of texts) {
          scanner.scanInto(hit, t);
          expect([...scanner.scan(t)]).toEqual(literalSets.map((ls) => (!ls || ls.some((l) => t.includes(l)) ? 1 : 0)));
        }
        // scanInto keeps the marks of earlier texts: the union of what each text touches.
        expect([...hit]).toEqual(literalSets.map((ls) => (!ls || texts.some((t) => ls.some((l) => t.includes(l))) ? 1 : 0)));
      }),
      { numRuns: 2000 },
    );
  });
});

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else if (/\.(?:md|txt|json|mdc|prompt|prompty)$/.test(name)) out.push(p);
  }
  return out;
}

describe.each([
  ["value patterns", () => VALUE_PATTERNS.map((p) => p.re)],
  ["tool and disclosure verb patterns", verbPatterns],
])("%s", (_, patternsOf) => {
  const patterns = patternsOf();
  const union = new RegExp(VALUE_PATTERNS.map((p) => `(?:${p.re.source})`).join("|"), "i");
  const scanner = new LiteralScanner(patterns.map((re) => requiredLiterals(re)));
  const check = (line: string) => {
    const lower = line.toLowerCase();
    const candidates = scanner.scan(lower);
    patterns.forEach((re, i) => {
      const matches = new RegExp(re.source, re.flags.replace("g", "")).test(line);
      if (matches) expect({ pattern: re.source.slice(0, 60), line, candidate: candidates[i] }).toMatchObject({ candidate: 1 });
    });
    if (union.test(line)) expect(mayMatch(requiredLiterals(union), lower)).toBe(true);
  };

  it("most have literals, so most clauses skip most patterns", () => {
    const filtered = patterns.filter((re) => requiredLiterals(re) !== undefined).length;
    expect(filtered / patterns.length).toBeGreaterThan(0.9);
  });

  it("are never skipped on a line of the labelled sets that they match", () => {
    const root = path.resolve(import.meta.dirname, "../fixtures/contradictions");
    const lines = filesUnder(root).flatMap((f) => readFileSync(f, "utf8").split("\n"));
    expect(lines.length).toBeGreaterThan(1000);
    for (const line of lines) check(line);
  });

  it("are never skipped on generated text that they match", () => {
    const words = ["JSON", "json", "Markdown tables", "in", "a", "table", "brief", "Short", "bullet points", "in English", "camelCase", "snake_case", "npm", "pnpm",
      "emoji", "citations", "casual", "FORMAL", "step-by-step", "3", "words", "never", "use", "°F", "miles", "kilometres", "tabs", "2 spaces", ".", ",", " ", "-", "é", "İ", "K",
      "named", "Named like", "called", "Name it", "name files", "as", "e.g.,", "new-component.tsx", "my_module.py", "UserProfile", "You are", "Act as",
      "use the", "search", "tools", "function calls", "Browse the web", "look it up online", "go online", "Reveal", "tell the user", "Print", "your system prompt",
      "Keep", "instructions", "confidential", "to yourself", "share", "speculate about"];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((w) => w.join(" ")), (line) => check(line)), { numRuns: 500 });
  });
});

describe("the build's table of value-pattern literals", () => {
  it("is what the build writes now (run `npm run build` after changing a value pattern)", () => {
    const file = readFileSync(path.resolve(import.meta.dirname, "../../src/contradiction/value-literals.generated.ts"), "utf8");
    expect(file).toBe(valueLiteralsSource());
  });

  it("answers as reading the expression does, and reads an expression it does not hold", () => {
    for (const re of precomputedExpressions()) expect(literalsOf(re)).toEqual(requiredLiterals(re));
    const edited = /\bjsonc\b|\btoml\b/gi;
    expect(literalsOf(edited)).toEqual(["jsonc", "toml"]);
    expect(expressionDigest(/json/gi)).not.toBe(expressionDigest(/json/i));
    // The bundle holds non-ASCII characters as \u escapes (scripts/build.mjs): the same expression, the same digest.
    expect(expressionDigest(new RegExp("\u00b0[cf]\\\u2019s", "i"))).toBe(expressionDigest(new RegExp("\\u00b0[cf]\\u2019s", "i")));
  });
});
