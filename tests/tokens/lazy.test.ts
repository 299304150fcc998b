// Runs in its own file (own module state) so the load counter starts at zero.
import { beforeAll, describe, expect, it } from "vitest";
import maxTokens from "../../rules/budget/max-tokens.js";
import contextWindow from "../../rules/budget/context-window.js";
import retiring from "../../rules/model/retiring.js";
import unknown from "../../rules/model/unknown.js";
import dynamicPrefix from "../../rules/cache/dynamic-prefix.js";
import { lintDocument } from "../../src/engine/linter.js";
import { parseDocument } from "../../src/parse/index.js";
import { tokenizerLoadCount } from "../../src/tokens/tokenizer.js";
import { ensureBpeTables } from "./bpe-tables.js";

beforeAll(ensureBpeTables, 120_000);

const source = "---\nmodel: gpt-4o-2024-05-13\n---\n# Role\n\nYou are terse, {{name}}.\n";
const doc = () => parseDocument({ path: "/virtual/a.prompt.md", source, format: "markdown", bom: false });

describe("the tokenizer is loaded only when a rule counts tokens", () => {
  it("model rules, an unconfigured max-tokens and a short-prompt cache rule load nothing", async () => {
    const { messages } = await lintDocument(doc(), {
      rules: [
        { rule: unknown, severity: 1 },
        { rule: retiring, severity: 1 },
        { rule: maxTokens, severity: 2 },
        { rule: dynamicPrefix, severity: 1 },
      ],
      settings: { now: "2026-11-27" },
    });
    expect(messages.map((m) => m.ruleId)).toEqual(["model/retiring"]);
    expect(tokenizerLoadCount()).toBe(0);
  });

  it("a configured budget loads the model's tokenizer once, however many rules and files count", async () => {
    for (let i = 0; i < 3; i++) {
      await lintDocument(doc(), {
        rules: [{ rule: maxTokens, severity: 2, options: { total: 1 } }, { rule: contextWindow, severity: 2 }],
        settings: { now: "2026-11-27" },
      });
    }
    expect(tokenizerLoadCount()).toBe(1);
  });
});
