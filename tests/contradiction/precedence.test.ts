import { describe, expect, it } from "vitest";
import { hasPrecedenceStatement } from "../../src/contradiction/precedence.js";

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
