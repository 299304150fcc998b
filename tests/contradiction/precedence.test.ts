import { describe, expect, it } from "vitest";
import { hasPrecedenceStatement, precedenceReach } from "../../src/contradiction/precedence.js";
import { checkDocument } from "../../src/contradiction/check.js";
import { parsePrompt } from "./parse-prompt.js";

describe("precedence statements", () => {
  it.each([
    "If these rules conflict, the last one wins.",
    "Should any of the guidelines below contradict each other, ask the user.",
    "If any other instruction conflicts with this one, this takes priority.",
    "Safety rules take precedence over style rules.",
    "This section overrides the formatting rules above.",
    "In case of conflict, follow the system prompt.",
    "The policies are listed in priority order.",
  ])("ranks rules of the prompt: %s", (text) => {
    expect(hasPrecedenceStatement(text)).toBe(true);
  });
});

describe("precedence reach", () => {
  it.each([
    ["If these rules conflict, the last one wins.", "document"],
    ["Safety rules take precedence over style rules.", "document"],
    ["If any other instruction conflicts with this one, this takes priority.", "section"],
    ["This section overrides the formatting rules above.", "section"],
    ["Keep answers short. This rule takes precedence over the tone guide. If rules conflict, ask.", "document"],
    ["Use pnpm for installs.", undefined],
  ] as const)("%s -> %s", (text, reach) => {
    expect(precedenceReach(text)).toBe(reach);
  });

  it("silences only the pairs with a side in the section of a statement about itself", () => {
    const src = [
      "# Style",
      "",
      "Never use emoji.",
      "",
      "Add an emoji to every reply.",
      "",
      "## Length",
      "",
      "Answer in at most 50 words.",
      "",
      "If any other instruction conflicts with this one, this takes priority.",
      "",
      "## Depth",
      "",
      "Answer in at least 200 words.",
      "",
    ].join("\n");
    const without = checkDocument(parsePrompt("/x/plain.md", src.replace(/If any other.*\n/, "")));
    expect(without.conflicts.map((c) => c.kind)).toEqual(["emoji", "length"]);
    const check = checkDocument(parsePrompt("/x/sections.md", src));
    expect(check.precedence).toBe(false);
    expect(check.rankedSections).toHaveLength(1);
    expect(check.conflicts.map((c) => c.kind)).toEqual(["emoji"]);
  });
});
