import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithub } from "../../src/report/github.js";
import { CWD, context, result, sampleResults } from "./fixtures.js";
import path from "node:path";

/**
 * The workflow command grammar: `::name key=value,key=value::data` on one line, where values and
 * data carry no raw line break, values no raw `:` or `,`, and every `%` starts one of the escapes.
 */
const PROPERTY = /^(file|line|col|endLine|endColumn|title)=((?:[^%:,\r\n]|%25|%0D|%0A|%3A|%2C)*)$/;
const DATA = /^(?:[^%\r\n]|%25|%0D|%0A)*$/;

function checkGrammar(output: string): string[][] {
  expect(output.endsWith("\n")).toBe(true);
  return output
    .slice(0, -1)
    .split("\n")
    .map((line) => {
      const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      const [, , props = "", data = ""] = m!;
      const keys = props.split(",").map((p) => {
        const pm = PROPERTY.exec(p);
        expect(pm, `${line}: property ${p}`).not.toBeNull();
        return pm![1]!;
      });
      expect(new Set(keys).size).toBe(keys.length);
      expect(DATA.test(data), line).toBe(true);
      return keys;
    });
}

function unescape(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}

describe("github formatter", () => {
  it("escapes data and properties as the Actions runner expects", () => {
    expect(escapeData("100% done\r\nnext: a,b")).toBe("100%25 done%0D%0Anext: a,b");
    expect(escapeProperty("100% done\r\nnext: a,b")).toBe("100%25 done%0D%0Anext%3A a%2Cb");
  });

  it("emits one well-formed command per finding, plus notices for affected prompts", () => {
    const output = formatGithub(
      sampleResults(),
      context({
        summary: {
          affected: [{ changed: path.join(CWD, "prompts/_base.md"), dependents: [path.join(CWD, "prompts/support.md")] }],
          eval: { calls: 1, cached: 0, retries: 0, tokens: { input: 1, output: 1 }, files: [{ filePath: path.join(CWD, "p.md"), cases: 1, passed: 0, failed: 1, regressions: [{ case: "a,b: c", kind: "assert", detail: "50% worse\nnow" }] }] },
        },
      }),
    );
    const lines = output.trimEnd().split("\n");
    checkGrammar(output);
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe(
      "::error file=prompts/support.md,line=8,col=9,endLine=8,endColumn=29,title=pii/email::Unexpected email address j…m, expected a placeholder.%0Ahelp: Use a placeholder such as {{email}}.",
    );
    // A range that swallowed the line break ends on its own line, so columns can be given.
    expect(lines[0]).toBe("::warning file=prompts/support.md,line=6,col=34,endLine=6,endColumn=37,title=hygiene/trailing-space::Unexpected trailing whitespace, expected none.");
    expect(unescape(lines[2]!)).toContain("related: prompts/support.md:7:1 Formal tone requested here");
    expect(lines[3]).toBe("::error file=prompts/broken.md,title=promptvet::Cannot read file: invalid UTF-8 at byte 12.");
    expect(lines[4]).toMatch(/^::notice file=prompts\/support\.md,title=promptvet%3A affected prompt::This prompt includes prompts\/_base\.md/);
    expect(lines[5]).toBe('::warning file=p.md,title=promptvet%3A smoke eval regression::Case "a,b: c" regressed (assert): 50%25 worse%0Anow');
  });

  it("survives hostile text: separators, percent signs, line breaks and `::` in paths and messages", () => {
    const nasty = "a::b,c:d%0A%25\r\n::error::fake";
    const output = formatGithub(
      [result("we,ird:dir/50%.md", "x\ny\n", [{ ruleId: "secrets/api-key", message: nasty, find: "x\ny" }])],
      context(),
    );
    const [keys] = checkGrammar(output);
    // Multi-line range: no columns (annotations accept them on one line only).
    expect(keys).toEqual(["file", "line", "endLine", "title"]);
    expect(output.split("\n")).toHaveLength(2);
    expect(output).toContain("file=we%2Cird%3Adir/50%25.md");
    // Properties cannot hold `:`, so the first `::` after the name ends them; the data may hold `::`.
    const dataStart = output.indexOf("::", 2) + 2;
    expect(unescape(output.slice(dataStart, -1))).toBe(nasty);
  });

  it("writes paths relative to srcRoot, where annotations resolve", () => {
    const output = formatGithub([result("p/a.md", "x\n", [{ ruleId: "pii/email", message: "m", find: "x" }])], context({ srcRoot: path.dirname(CWD) }));
    expect(output).toContain("file=project/p/a.md,");
  });

  it("prints nothing for clean results", () => {
    expect(formatGithub([result("a.md", "ok\n", [])], context())).toBe("");
  });
});
