/**
 * One frontmatter finder: the parser, the markdown block tree, composition, partial rendering and the eval's
 * fallback document all find the same block, and it is the block remark-frontmatter (the reference) finds.
 */
import fc from "fast-check";
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { frontmatterBounds } from "../../src/compose/frontmatter.js";
import { splitFrontmatter } from "../../src/eval/document.js";
import { findFrontmatterFence } from "../../src/parse/frontmatter-fence.js";
import { parseDocument } from "../../src/parse/index.js";
import { stripFrontmatter } from "../../src/render/index.js";

const remark = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]);

/** [start, end of the closing fence] of remark's yaml node, or undefined. */
function reference(source: string): [number, number] | undefined {
  const first = (remark.parse(source) as Root).children[0];
  return first?.type === "yaml" ? [first.position!.start.offset!, first.position!.end.offset!] : undefined;
}

/** What each user of frontmatter finds in `source`: the block's [start, end of closing fence], and where the body starts. */
function everyFinder(source: string) {
  const fence = findFrontmatterFence(source);
  const closed = fence && "range" in fence ? fence : undefined;
  const document = parseDocument({ path: "/virtual/p.md", source, format: "markdown", bom: false });
  const tree = document.mdast?.children[0];
  const compose = frontmatterBounds(source);
  const evalSplit = splitFrontmatter(source);
  return {
    finder: closed && [closed.range[0], closed.range[1]],
    parser: document.frontmatter && [document.frontmatter.range[0], document.frontmatter.range[1]],
    blockTree: tree?.type === "yaml" ? [tree.position!.start.offset!, tree.position!.end.offset!] : undefined,
    bodyStart: {
      finder: closed?.bodyStart ?? 0,
      compose: compose?.range[1] ?? 0,
      eval: evalSplit.bodyStart,
      render: source.length - stripFrontmatter(source).length,
    },
    content: {
      finder: closed && source.slice(...closed.contentRange),
      compose: compose && source.slice(...compose.content),
      eval: evalSplit.contentRange && source.slice(...evalSplit.contentRange),
    },
  };
}

function expectAgreement(source: string): void {
  const found = everyFinder(source);
  const expected = reference(source);
  expect(found.finder, JSON.stringify(source)).toEqual(expected);
  expect(found.parser, JSON.stringify(source)).toEqual(expected);
  expect(found.blockTree, JSON.stringify(source)).toEqual(expected);
  const bodyStarts = new Set(Object.values(found.bodyStart));
  expect(bodyStarts.size, `${JSON.stringify(source)}: ${JSON.stringify(found.bodyStart)}`).toBe(1);
  const contents = new Set(Object.values(found.content));
  expect(contents.size, `${JSON.stringify(source)}: ${JSON.stringify(found.content)}`).toBe(1);
}

describe("the frontmatter fence", () => {
  it.each([
    ["a block", "---\nmodel: gpt-4o\n---\n# Body\n"],
    ["an empty block", "---\n---\nBody\n"],
    ["fences with trailing spaces and tabs", "--- \t\nmodel: x\n---  \nBody\n"],
    ["CRLF line breaks", "---\r\nmodel: x\r\n---\r\nBody\r\n"],
    ["lone CR line breaks", "---\rmodel: x\r---\rBody\r"],
    ["a closing fence at the end of the file", "---\nmodel: x\n---"],
    ["`...` does not close it", "---\nmodel: x\n...\nBody\n"],
    ["`...` then `---`", "---\nmodel: x\n...\n---\nBody\n"],
    ["no closing fence", "---\nmodel: x\nBody\n"],
    ["an opening fence on a later line", "\n---\nmodel: x\n---\n"],
    ["four dashes", "----\nmodel: x\n----\n"],
    ["text after the fence", "--- x\nmodel: x\n---\n"],
    ["an indented closing fence", "---\nmodel: x\n  ---\n---\n"],
  ])("%s: every finder agrees with remark-frontmatter", (_name, source) => {
    expectAgreement(source);
  });

  it("`...` leaves the block unclosed", () => {
    expect(findFrontmatterFence("---\nmodel: x\n...\nBody\n")).toEqual({ unclosed: [0, 3] });
    expect(frontmatterBounds("---\nmodel: x\n...\nBody\n")).toBeUndefined();
  });

  it("skips a byte order mark; comments may come first only where asked (dotprompt)", () => {
    expect(findFrontmatterFence("\uFEFF---\na: 1\n---\nBody")).toEqual({ range: [1, 13], contentRange: [5, 9], bodyStart: 14 });
    expect(stripFrontmatter("\uFEFF---\na: 1\n---\nBody")).toBe("Body");
    expect(stripFrontmatter("\uFEFFBody")).toBe("Body");
    const licensed = "# Copyright Acme\n\n---\nmodel: x\n---\nBody\n";
    expect(findFrontmatterFence(licensed)).toBeUndefined();
    expect(findFrontmatterFence(licensed, { allowLeadingComments: true })).toMatchObject({ range: [18, 34], bodyStart: 35 });
  });

  it("agrees with remark-frontmatter on generated files", () => {
    const line = fc.constantFrom("---", "--- ", "---\t", "...", "----", " ---", "a: 1", "", "# c", "- x", "--- x");
    const lineBreak = fc.constantFrom("\n", "\r\n", "\r");
    const file = fc.array(fc.tuple(line, lineBreak), { maxLength: 8 }).map((lines) => lines.map(([l, b]) => l + b).join(""));
    fc.assert(fc.property(file, fc.boolean(), (source, cut) => expectAgreement(cut ? source.replace(/[\r\n]+$/, "") : source)), { numRuns: 400 });
  });

  it("stays linear on an unclosed block of many lines", () => {
    const source = `---\n${"key: value\n".repeat(200_000)}`;
    const started = performance.now();
    expect(findFrontmatterFence(source)).toEqual({ unclosed: [0, 3] });
    expect(stripFrontmatter(source)).toBe(source);
    expect(splitFrontmatter(source)).toEqual({ bodyStart: 0 });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
