/**
 * The smoke eval's variable scan (which variables a case must give values for) and the parser's template
 * variable list (what lint rules read) answer the same question; they must agree on every template, the real
 * ones in the corpora and a table of the constructs where they once differed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evalFormatOf, loadPromptDocument, RENDERABLE } from "../../src/eval/document.js";
import type { PromptDocument } from "../../src/model/document.js";
import { referencedVariables, renderPrompt } from "../../src/render/index.js";
import { corpusPath } from "../helpers/corpora.js";

/** The parser's answer: names of plain interpolations (conditions, loop locals and partial names aside). */
function parserVariables(doc: PromptDocument): string[] {
  return [...new Set(doc.variables.filter((v) => v.kind === "variable").map((v) => v.name))].sort();
}

/** The eval's answer, with partials unreadable (the parser sees only the file itself). */
function evalVariables(doc: PromptDocument): string[] {
  return [...referencedVariables(doc, { readFile: () => undefined })].sort();
}

async function docOf(file: string, source: string): Promise<PromptDocument> {
  return loadPromptDocument(file, source, evalFormatOf(file)!);
}

describe("the eval's variable scan and the parser's variable list", () => {
  it.each([
    ["greet.prompt", "Hello {{name}}, from {{company.name}}."],
    ["role-blocks.prompt", '{{#role "system"}}Support for {{company}}.{{/role}}\n{{#role "user"}}I am {{name}}.{{/role}}'],
    ["conditions.prompt", "{{#if vip}}Dear {{name}}{{else}}Hi{{/if}} {{#unless quiet}}{{greeting}}{{/unless}}"],
    ["loops.prompt", "{{#each items}}- {{title}} {{@index}} {{../shop}}{{/each}} {{#with user}}{{email}}{{/with}}"],
    ["partials.prompt", "{{> footer order subtotal=(calculateSubtotal products)}} {{>header}}"],
    ["helpers.prompt", '{{role "system"}}{{json payload}} {{section "x"}} {{media url=image}}'],
    ["page.hbs", "{{title}} {{#each rows as |row|}}{{row.name}}{{/each}} {{lookup table key}}"],
    ["prompt.j2", "{% set greeting = 'hi' %}{{ greeting }} {{ user.name }} {% for item in items %}{{ item }} {{ loop.index }}{% endfor %}{% if flag %}{{ shown }}{% endif %}"],
    ["macro.jinja", "{% macro row(cell) %}{{ cell }}{% endmacro %}{{ row(value) }} {{ title | upper }}"],
    ["chat.prompty", "---\nname: t\n---\nsystem:\nYou help {{firstName}}.\nuser:\n{{question}}"],
    ["notes.md", "# Notes\n\nWrite to {{ recipient }} about {{topic.name}}."],
  ])("agree on %s", async (file, source) => {
    const doc = await docOf(file, source);
    expect(evalVariables(doc)).toEqual(parserVariables(doc));
  });

  const CORPORA = corpusPath("the variable-scan agreement on real templates");

  it.skipIf(!CORPORA)("agree on every template of the corpora; a template its engine cannot parse is a render error", async () => {
    const templates = readdirSync(CORPORA!, { recursive: true, encoding: "utf8" })
      .map((rel) => path.join(CORPORA!, rel))
      .filter((file) => {
        const format = evalFormatOf(file);
        return format !== undefined && RENDERABLE.has(format) && format !== "markdown" && format !== "text";
      });
    expect(templates.length).toBeGreaterThan(100);
    const disagreements: string[] = [];
    let compared = 0;
    for (const file of templates) {
      const doc = await docOf(file, readFileSync(file, "utf8"));
      let scanned: string[];
      try {
        scanned = evalVariables(doc);
      } catch {
        // The eval reports such a file as a render error, never as a pass.
        expect(renderPrompt(doc, {}, { readFile: () => undefined }).error).toBeTruthy();
        continue;
      }
      compared++;
      const parsed = parserVariables(doc);
      if (JSON.stringify(scanned) !== JSON.stringify(parsed)) disagreements.push(`${path.relative(CORPORA!, file)}: eval [${scanned}] vs parser [${parsed}]`);
    }
    expect(compared).toBeGreaterThan(100);
    expect(disagreements).toEqual([]);
  });
});
