import { describe, expect, it } from "vitest";
import { escapeXml, formatJunit } from "../../src/report/junit.js";
import { context, result, sampleResults } from "./fixtures.js";

/**
 * A strict little XML 1.0 well-formedness check (no DTDs): balanced tags, quoted attributes without
 * `<`, only the five predefined entities or character references, only characters XML allows.
 */
function assertWellFormed(xml: string): { name: string; attrs: Record<string, string> }[] {
  expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/);
  const invalid = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]/u;
  expect(invalid.test(xml)).toBe(false);
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  const stack: string[] = [];
  const elements: { name: string; attrs: Record<string, string> }[] = [];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  let m: RegExpExecArray | null;
  let roots = 0;
  while ((m = token.exec(body))) {
    if (m[6]) throw new Error(`stray "<" at ${m.index}`);
    if (m[5] !== undefined) {
      if (stack.length === 0) expect(m[5].trim()).toBe("");
      expect(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[5])).toBe(false);
      expect(m[5]).not.toContain(">") ;
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      expect(stack.pop()).toBe(name);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
      expect(attrs[a[1]!]).toBeUndefined();
      expect(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(a[2]!)).toBe(false);
      attrs[a[1]!] = a[2]!;
    }
    elements.push({ name: name!, attrs });
    if (stack.length === 0) roots++;
    if (!selfClose) stack.push(name!);
  }
  expect(token.lastIndex === 0 || token.lastIndex === body.length).toBe(true);
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  return elements;
}

describe("junit formatter", () => {
  it("writes a suite per file and a case per rule, with failures and errors counted", () => {
    const xml = formatJunit(sampleResults(), context());
    const elements = assertWellFormed(xml);
    expect(elements[0]).toEqual({ name: "testsuites", attrs: { name: "promptvet", tests: "5", failures: "3", errors: "1", time: "0" } });
    const cases = elements.filter((e) => e.name === "testcase").map((e) => `${e.attrs["classname"]} ${e.attrs["name"]}`);
    expect(cases).toEqual([
      "prompts/support.md contradiction/tone",
      "prompts/support.md hygiene/trailing-space",
      "prompts/support.md pii/email",
      "prompts/clean.md promptvet",
      "prompts/broken.md promptvet",
    ]);
    expect(elements.filter((e) => e.name === "failure").map((e) => e.attrs["type"])).toEqual(["warning", "warning", "error"]);
    expect(elements.filter((e) => e.name === "error")).toHaveLength(1);
  });

  it("groups several findings of one rule into one failing case", () => {
    const xml = formatJunit(
      [result("a.md", "x x x\n", [1, 2, 3].map((nth) => ({ ruleId: "pii/email", message: `hit ${nth}`, find: "x", nth })))],
      context(),
    );
    const elements = assertWellFormed(xml);
    expect(elements.filter((e) => e.name === "testcase")).toHaveLength(1);
    expect(elements.find((e) => e.name === "failure")!.attrs["message"]).toBe("3 findings");
    expect(xml).toContain("a.md:1:5 error hit 3");
  });

  it("escapes markup, quotes and characters XML cannot carry", () => {
    const nasty = `<a href="x">Tom & 'Jerry'</a>]]>\u0001\u001b\ud800 end\r\n\ttab`;
    const xml = formatJunit([result(`d"ir/<f>&.md`, "x\n", [{ ruleId: "pii/email", message: nasty, find: "x" }])], context());
    const elements = assertWellFormed(xml);
    const failure = elements.find((e) => e.name === "failure")!;
    expect(failure.attrs["message"]).toBe(escapeXml(nasty).replace(/\n/g, "&#10;"));
    expect(xml).not.toContain("]]>");
    expect(xml).toContain("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
  });
});
