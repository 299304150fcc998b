import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMATS, type Format } from "../../src/model/document.js";
import { parseDocument } from "../../src/parse/index.js";
import { expectWellFormed, parse } from "./helpers.js";

const PATH: Record<Format, string> = {
  markdown: "/r/a.prompt.md", text: "/r/a.txt", prompty: "/r/a.prompty", dotprompt: "/r/a.prompt", jinja: "/r/a.j2",
  mustache: "/r/a.hbs", jsonl: "/r/a.jsonl", json: "/r/a.json", yaml: "/r/a.yaml",
};

const BROKEN = [
  "---\nmodel: [unclosed\n",
  "---\na: b\n---\n{{#if x}}{{/each}}{% for %}{{ {{ }}",
  '{"messages": [{"role": "user", "content": "hi"}',
  '{"a": "\\uZZZZ \\q"}\n{bad}\n\n[1,]\n',
  "a: &x [*x, *x]\nb: !!binary zzz\n\t- c\n",
  "{{!-- never closed\n{# nor this\n<!-- or this\n{% raw %} open",
  "\uFEFF\u0000\r\r\n\u2028",
  "[".repeat(20_000),
  "{".repeat(20_000),
  "- ".repeat(5000) + "x",
  "> ".repeat(5000) + "x",
  "1. ".repeat(3000) + "x",
];

/** 100,000-character lines built to trip backtracking or rescanning. */
const ADVERSARIAL = [
  "{{".repeat(50_000),
  "{%".repeat(50_000),
  "{#".repeat(50_000),
  "${".repeat(50_000),
  "<example>".repeat(11_112),
  "<!--".repeat(25_000),
  "User: ".repeat(16_667),
  "{{a b=".repeat(16_667),
  "{{#each x}}".repeat(9091),
  "\\".repeat(100_000),
  '"\\u'.repeat(33_334),
  " ".repeat(100_000) + ":",
  "#".repeat(100_000),
  "a".repeat(100_000),
  "`".repeat(100_000),
  "|".repeat(100_000),
  '{"a":"' + "\\n".repeat(50_000) + '"}',
  "{{ " + "x | ".repeat(25_000) + "}}",
  "{% set " + "a = ".repeat(25_000) + "%}",
];

describe("parseDocument never throws", () => {
  for (const format of FORMATS) {
    it(`${format}: broken inputs become problems, not exceptions`, () => {
      for (const source of BROKEN) {
        const doc = parse(PATH[format], format, source);
        expect(doc.source).toBe(source);
        expectWellFormed(doc);
      }
    });

    // How their parse time grows is measured in tests/perf/linear-time.test.ts, on the same shapes.
    it(`${format}: 100,000-character adversarial lines parse into well-formed documents`, () => {
      for (const line of ADVERSARIAL) {
        const doc = parse(PATH[format], format, line);
        expect(doc.source.length).toBe(line.length);
        expectWellFormed(doc);
      }
    });
  }

  it("random strings in every format", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMATS), fc.string({ unit: "binary", maxLength: 300 }), (format, source) => {
        const doc = parse(PATH[format], format, source);
        expectWellFormed(doc);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps 1,000 problems of a kind and says how many more there were", () => {
    const doc = parse(PATH.mustache, "mustache", "{{ ".repeat(3_000));
    const template = doc.problems.filter((p) => p.kind === "template");
    expect(template).toHaveLength(1_001);
    expect(template[1_000]!.message).toBe("2,000 more problems like the ones before are not listed, from here on");
    expect(template[1_000]!.range).toEqual([3_000, 3_002]);
  });

  it("handles a 50 MB file", () => {
    const para = "Be kind to {{name}} and write about the plan. ".repeat(200) + "\n\n";
    const big = para.repeat(Math.ceil(50_000_000 / para.length));
    expect(big.length).toBeGreaterThanOrEqual(50_000_000);
    const doc = parse("/r/a.txt", "text", big);
    expect(doc.segments.length).toBe(Math.ceil(50_000_000 / para.length));
    expect(doc.variables.length).toBe(doc.segments.length * 200);
  });
});

describe("JSON string maps", () => {
  /** JSON.stringify output with some characters re-encoded as `\uXXXX`. */
  const encoded = fc
    .tuple(fc.string({ unit: "grapheme", maxLength: 60 }), fc.array(fc.boolean(), { maxLength: 60 }))
    .map(([value, escapes]) => {
      let out = '"';
      let k = 0;
      for (const ch of value) {
        for (let u = 0; u < ch.length; u++) {
          const unit = ch[u]!;
          if (escapes[k++ % Math.max(1, escapes.length)]) out += `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`;
          else out += JSON.stringify(unit).slice(1, -1);
        }
      }
      return { value, literal: `${out}"` };
    });

  it("every decoded character maps to where its encoding starts", () => {
    fc.assert(
      fc.property(encoded, ({ value, literal }) => {
        const line = `{"text":${literal}}`;
        expect(JSON.parse(line).text).toBe(value);
        const doc = parse("/r/a.jsonl", "jsonl", line);
        // Blank strings carry no text to check, so the parser makes no segment of them.
        if (value.trim().length === 0) return;
        const seg = doc.segments[0]!;
        expect(seg.text).toBe(value);
        expect(seg.range[0]).toBeGreaterThanOrEqual(0);
        expect(seg.range[1]).toBeLessThanOrEqual(line.length);
        // Walk the literal: each decoded unit starts at an escape or a raw unit.
        let at = 9;
        for (let i = 0; i < value.length; i++) {
          expect(seg.map.toSource(i)).toBe(at);
          at += line[at] === "\\" ? (line[at + 1] === "u" ? 6 : 2) : 1;
        }
        expect(seg.map.toSource(value.length)).toBe(line.length - 2);
      }),
      { numRuns: 300 },
    );
  });
});

describe("decoded segments", () => {
  it("a folded YAML line break is not treated as a verbatim slice (found by the property test)", () => {
    const source = "𐀀\n𐀀𐀀\u0000𐀀𐀀𐀀𐀀";
    const doc = parseDocument({ path: "/v/prompts/x.yaml", source, format: "yaml", bom: false });
    expect(doc.segments.length).toBeGreaterThan(0);
    for (const seg of doc.segments) {
      if (seg.map.isVerbatim) expect(seg.text).toBe(source.slice(seg.range[0], seg.range[1]));
    }
  });
});
