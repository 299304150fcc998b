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

  it.each([
    "It takes precedence over any other learned behavior.",
    "Optional model override for this agent. Takes precedence over the agent definition's model frontmatter.",
    "Then expand each topic in that priority order, not syllabus order.",
    "Focus, in order of priority: auth, injection, secrets.",
    "Always override hashCode when you override equals.",
    "Version overrides take precedence over all version constraints.",
    "The closest AGENTS.md file takes precedence for any given location.",
    "Prioritize easy and readable code over performance.",
  ])("ranks something else: %s", (text) => {
    expect(hasPrecedenceStatement(text)).toBe(false);
  });
});
