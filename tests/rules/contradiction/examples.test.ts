import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import rule from "../../../rules/contradiction/examples.js";
import { lintDocument } from "../../../src/engine/linter.js";
import { parseDocument } from "../../../src/parse/index.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const prompt = (...lines: string[]) => `${lines.join("\n")}\n`;

new RuleTester().run(rule, {
  valid: [
    {
      name: "JSON example under a JSON-only rule",
      code: prompt("Respond only with a JSON object.", "", "<example>", "User: I was charged twice.", "Assistant: {\"category\": \"payments\"}", "</example>"),
    },
    {
      name: "plain reply under a no-emoji rule",
      code: prompt("Never use emoji.", "", "<example>", "User: Is Tuesday free?", "Assistant: Yes, Tuesday at 9:15 is free.", "</example>"),
    },
    {
      name: "a scoped rule does not bind the whole example",
      code: prompt("In greetings, never use emoji.", "", "<example>", "User: Thanks!", "Assistant: You're welcome 😊", "</example>"),
    },
  ],
  invalid: [
    {
      name: "prose example under a JSON-only rule",
      code: prompt("Respond only with a JSON object.", "", "<example>", "User: I was charged twice.", "Assistant: This is a payments issue.", "</example>"),
      errors: [
        {
          messageId: "violates",
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 37,
          message:
            "Unexpected example reply with prose, not JSON, expected it to follow the output format instruction on line 1 (\"Respond only with a JSON object.\").",
        },
      ],
    },
    {
      name: "emoji in an example under a no-emoji rule",
      code: prompt("Never use emoji.", "", "<example>", "User: Can I move it to Friday?", "Assistant: Done! 😊 See you Friday.", "</example>"),
      errors: [{ messageId: "violates", line: 5, column: 12, endLine: 5, endColumn: 36 }],
    },
    {
      name: "too long for the word limit",
      code: prompt(
        "Keep every answer under 10 words.",
        "",
        "<example>",
        "User: Why are easy runs slow?",
        "Assistant: Easy runs are slow on purpose because they build your aerobic base and let you recover.",
        "</example>",
      ),
      errors: [{ messageId: "violates", line: 5, column: 12, endLine: 5, endColumn: 99 }],
    },
  ],
});

describe("contradiction/examples with an attached JSONL file", () => {
  it("reports the frontmatter key with a related location in the JSONL file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "promptvet-examples-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const record = (u: string, a: string) => JSON.stringify({ messages: [{ role: "user", content: u }, { role: "assistant", content: a }] });
    writeFileSync(join(dir, "support.jsonl"), `${record("Hi", "{\"label\": \"other\"}")}\n${record("Too small", "They want a bigger size.")}\n`);
    const source = prompt("---", "examples: ./support.jsonl", "---", "", "Reply with a single JSON object and nothing else.");
    const path = join(dir, "prompt.md");
    const document = parseDocument({ path, source, format: "markdown", bom: false });
    const { messages } = await lintDocument(document, { rules: [{ rule, severity: 2 }] });
    const found = messages.filter((m) => m.ruleId === rule.meta.id);
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(2);
    expect(found[0]!.related?.[1]).toMatchObject({ filePath: join(dir, "support.jsonl"), line: 2, message: "example reply" });
    expect(found[0]!.message).toContain("support.jsonl line 2");
  });
});
