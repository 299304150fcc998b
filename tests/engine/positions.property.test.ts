/**
 * Property: whatever the input, every finding of every built-in rule lies inside the file, its line and
 * column are consistent with its range, and every fix and suggestion edits only offsets inside the file.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinRules } from "../../rules/index.js";
import { lintDocument } from "../../src/engine/linter.js";
import type { Format } from "../../src/model/document.js";
import { LineIndex } from "../../src/model/line-index.js";
import { parseDocument } from "../../src/parse/index.js";

const PIECES = [
  "---\n", "model: gpt-4o\n", "# Rules\n", "- Always answer in JSON.\n", "- Never use JSON.\n", "Answer in one sentence. ",
  "Explain every step. ", "Email bob.smith@corp-mail.io now. ", "Call +44 7911 123456. ", "{{ name }} ", "{% if x %}", "{% endif %}",
  "\u200b", "\u202e", "\r\n", "\n", "  \n", "é", "😀", "<!-- promptvet-disable-next-line pii/email -->\n", "User: hi\nAssistant: hello\n",
  '{"messages":[{"role":"user","content":"Caf\\u00e9 \\n bob@corp.io"}]}\n', '{"prompt": "x"', "\t", "sk-proj-", "```\ncode\n```\n",
];

const FILES: [string, Format][] = [
  ["/virtual/prompts/a.md", "markdown"],
  ["/virtual/prompts/a.jsonl", "jsonl"],
  ["/virtual/prompts/a.prompty", "prompty"],
  ["/virtual/prompts/a.j2", "jinja"],
  ["/virtual/prompts/a.yaml", "yaml"],
];

describe("finding positions", () => {
  it("every finding and every edit lies inside the file, with line/column matching the range", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }), async ([path, format], pieces) => {
        const source = pieces.join("");
        const document = parseDocument({ path, source, format, bom: false });
        const { messages, suppressedMessages } = await lintDocument(document, {
          rules: builtinRules.map((rule) => ({ rule, severity: 2 as const })),
          unusedDirectives: 1,
        });
        const lines = new LineIndex(source);
        for (const m of [...messages, ...suppressedMessages]) {
          const where = `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} in ${JSON.stringify(source)}`;
          expect(m.line, where).toBeGreaterThanOrEqual(1);
          expect(m.line, where).toBeLessThanOrEqual(lines.lineCount);
          expect(m.column, where).toBeGreaterThanOrEqual(1);
          expect(m.column - 1, where).toBeLessThanOrEqual(lines.lineText(m.line).length + 2);
          const start = lines.offsetAt({ line: m.line, column: m.column });
          const end = lines.offsetAt({ line: m.endLine, column: m.endColumn });
          expect(end, where).toBeGreaterThanOrEqual(start);
          expect(end, where).toBeLessThanOrEqual(source.length);
          for (const fix of [m.fix, ...(m.suggestions ?? []).map((s) => s.fix)]) {
            if (!fix) continue;
            expect(fix.range[0], where).toBeGreaterThanOrEqual(0);
            expect(fix.range[1], where).toBeLessThanOrEqual(source.length);
            expect(fix.range[0], where).toBeLessThanOrEqual(fix.range[1]);
          }
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
