/** The full markdown tree on demand: rules that declare `needs: ["mdast"]` get it; a run without them never parses it. */
import type { Link, Root } from "mdast";
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../src/engine/linter.js";
import { newRunTiming } from "../../src/engine/timing.js";
import type { Format } from "../../src/model/document.js";
import { parseDocument } from "../../src/parse/index.js";
import { defineRule, type Rule } from "../../src/rule-api/types.js";

function links(tree: Root | undefined): Link[] {
  const out: Link[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "link") out.push(node as Link);
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  if (tree) visit(tree);
  return out;
}

const seen: { withNeeds?: Root; withoutNeeds?: Root | "unset" } = {};
const insecureLinks = defineRule({
  meta: {
    id: "demo/insecure-links", category: "demo", needs: ["mdast"],
    docs: { description: "links over http", recommended: "error" },
    messages: { found: "Unexpected http link {{url}}, expected https." },
  },
  create(context) {
    seen.withNeeds = context.fullMdast;
    return {
      document() {
        for (const link of links(context.fullMdast)) {
          if (link.url.startsWith("http://")) {
            context.report({ messageId: "found", data: { url: link.url }, range: [link.position!.start.offset!, link.position!.end.offset!] });
          }
        }
      },
    };
  },
});
const plain = defineRule({
  meta: { id: "demo/plain", category: "demo", docs: { description: "plain", recommended: "error" }, messages: { m: "m" } },
  create(context) {
    seen.withoutNeeds = context.fullMdast ?? "unset";
    return {};
  },
});

async function lint(source: string, rules: Rule<any>[], format: Format = "markdown", path = "/virtual/prompt.md") {
  const timing = newRunTiming();
  const document = parseDocument({ path, source, format, bom: false });
  const output = await lintDocument(document, { rules: rules.map((rule) => ({ rule, severity: 2 as const })), timing });
  return { output, timing, document };
}

describe("the full markdown tree", () => {
  const source = "---\nmodel: gpt-4o\n---\n# Help\n\nSee [the docs](http://docs.example.com/a) and *read* `them`.\n";

  it("reaches a rule that declares it, with inline nodes at exact source offsets", async () => {
    const { output, timing, document } = await lint(source, [insecureLinks, plain]);
    expect(output.messages.map((m) => [m.line, m.column, m.endColumn, m.message])).toEqual([
      [6, 5, 42, "Unexpected http link http://docs.example.com/a, expected https."],
    ]);
    const [link] = links(seen.withNeeds);
    expect(document.source.slice(link!.position!.start.offset!, link!.position!.end.offset!)).toBe("[the docs](http://docs.example.com/a)");
    expect(seen.withNeeds!.children[0]!.type).toBe("yaml");
    expect(seen.withoutNeeds).toBe("unset");
    expect(timing.fullMdast.count).toBe(1);
  });

  it("is never parsed when no rule needs it, nor for a format without markdown", async () => {
    expect((await lint(source, [plain])).timing.fullMdast.count).toBe(0);
    const jsonl = await lint('{"messages":[{"role":"user","content":"See [x](http://a.example)"}]}\n', [insecureLinks], "jsonl", "/virtual/x.jsonl");
    expect(jsonl.timing.fullMdast.count).toBe(0);
    expect(seen.withNeeds).toBeUndefined();
  });

  it("stays linear on adversarial markdown", async () => {
    const nested = `${"[".repeat(20_000)}x${"](u)".repeat(20_000)}\n${"*a ".repeat(20_000)}\n`;
    const started = performance.now();
    await lint(nested, [insecureLinks]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
