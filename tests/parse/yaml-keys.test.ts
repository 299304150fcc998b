/**
 * The linear duplicate-key check gives exactly the errors the `yaml` library's own (quadratic) check gives:
 * same codes, messages, positions and order among the other errors, on generated YAML full of repeated,
 * quoted, tagged, anchored, flow and nested keys, and on real frontmatter.
 */
import fc from "fast-check";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { parseYamlDocument, parseYamlValue } from "../../src/parse/yaml-keys.js";

const KEYS = ["a", "b", "'a'", '"a"', "1", "'1'", "01", "1.0", "true", "'true'", "null", "~", "", ".nan", ".NaN", "&x a", "!!str a", "!!str 1", "? a", "a b", "[a]", "{a: 1}", "*x", "a\tb", "é", "- a"];
const VALUES = ["1", "x", "", "[1, 2]", "{a: 1, a: 2}", "{b: 1, 'b': 2, c: 3}", "&x v", "*x", "'unclosed", "[unclosed", "|\n  block", ">-\n  folded", "!!int 3"];

const line = fc.record({
  indent: fc.constantFrom("", "", "  ", "    ", "\t"),
  key: fc.constantFrom(...KEYS),
  value: fc.constantFrom(...VALUES),
});
const yamlText = fc.array(line, { minLength: 1, maxLength: 14 }).map((lines) => lines.map((l) => `${l.indent}${l.key}: ${l.value}`).join("\n"));
const flowText = fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)), { minLength: 1, maxLength: 8 }).map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(", ")}}`);

function libraryErrors(text: string) {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true }).errors.map((e) => ({ code: e.code, message: e.message, pos: e.pos }));
}
function linearErrors(text: string) {
  return parseYamlDocument(text).errors.map((e) => ({ code: e.code, message: e.message, pos: e.pos }));
}

describe("linear duplicate-key check", () => {
  it("reports what the yaml library reports, in the same order", () => {
    fc.assert(
      fc.property(fc.oneof(yamlText, flowText), (text) => {
        expect(linearErrors(text)).toEqual(libraryErrors(text));
      }),
      { numRuns: 500 },
    );
  });

  it("finds duplicates in nested maps and sequences, and none between maps", () => {
    const text = "a: 1\nb:\n  c: 1\n  c: 2\nd:\n  - e: 1\n    e: 2\n  - e: 3\na: 3\n";
    expect(linearErrors(text).map((e) => e.pos[0])).toEqual([text.indexOf("c: 2"), text.indexOf("e: 2"), text.lastIndexOf("a: 3")]);
    expect(linearErrors(text)).toEqual(libraryErrors(text));
  });

  it("parses values like yaml's parse, throwing the first error", () => {
    expect(parseYamlValue("a: 1\nb: [x]\n")).toEqual({ a: 1, b: ["x"] });
    expect(() => parseYamlValue("a: 1\na: 2\n")).toThrow("Map keys must be unique");
    expect(() => parseYamlValue("a: [\n")).toThrow();
  });

  it("reports flow nesting too deep to parse instead of recursing into it", () => {
    const deep = `a: ${"[".repeat(100_000)}`;
    expect(linearErrors(deep)).toEqual([{ code: "RESOURCE_EXHAUSTION", message: "Unexpected nesting deeper than 512 levels; the YAML was not parsed", pos: [0, 1] }]);
    expect(() => parseYamlValue(deep)).toThrow("nesting deeper than 512 levels");
  });

  it("finds the one duplicate among 5,000 keys", () => {
    const make = (n: number) => Array.from({ length: n }, (_, i) => `key_${i}: ${i}`).join("\n") + "\nkey_0: again\n";
    expect(linearErrors(make(5_000))).toHaveLength(1);
  });
});
