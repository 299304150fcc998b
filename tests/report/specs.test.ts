import { describe, expect, it } from "vitest";
import { FORMAT_NAMES, FormatSpecError, getFormatter, parseFormatSpecs } from "../../src/report/index.js";

describe("parseFormatSpecs", () => {
  it("splits NAME[:FILE] at the first colon", () => {
    expect(parseFormatSpecs(["stylish", "sarif:out/promptvet.sarif", "markdown:/tmp/sum:mary.md", " JSON "])).toEqual([
      { name: "stylish" },
      { name: "sarif", file: "out/promptvet.sarif" },
      { name: "markdown", file: "/tmp/sum:mary.md" },
      { name: "json" },
    ]);
  });

  it("rejects unknown names, missing parts and two outputs to one file", () => {
    expect(() => parseFormatSpecs(["html"])).toThrow(/Unknown format "html", expected one of: stylish, compact/);
    expect(() => parseFormatSpecs([":x.json"])).toThrow(FormatSpecError);
    expect(() => parseFormatSpecs(["json:"])).toThrow(/Missing file after "json:"/);
    expect(() => parseFormatSpecs(["json:a.out", "sarif:a.out"])).toThrow(/Two formats write to "a.out"/);
  });
});

describe("getFormatter", () => {
  it("returns a formatter for every listed name, and a clear error otherwise", () => {
    for (const name of FORMAT_NAMES) expect(typeof getFormatter(name)).toBe("function");
    expect(() => getFormatter("checkstyle")).toThrow(FormatSpecError);
  });
});
