/**
 * A table-driven rule tester in the spirit of ESLint's RuleTester: each rule gets `valid` and `invalid`
 * cases; invalid cases state every finding's exact position and the fixed output.
 */
import { describe, expect, it } from "vitest";
import { applyFixes } from "../engine/fixes.js";
import { lintDocument } from "../engine/linter.js";
import type { LintMessage, Rule, RuleServices } from "../rule-api/types.js";
import type { Format } from "../model/document.js";
import { detectFormat } from "../parse/detect.js";
import { parseDocument } from "../parse/index.js";

export interface ValidCase {
  code: string;
  /** Picks the format (default `prompt.md`). */
  filename?: string;
  format?: Format;
  options?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  /** Source of the file at the base ref, for rules that compare with it. */
  baseSource?: string;
  name?: string;
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Optional exact message text. */
  message?: string;
  /** Each suggestion, applied alone, gives this output. */
  suggestions?: { messageId?: string; output: string }[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Text after applying the fixes once; omit or `null` when the rule offers no fix here. */
  output?: string | null;
}

async function run(rule: Rule<any>, testCase: ValidCase): Promise<{ messages: LintMessage[]; source: string }> {
  const filename = testCase.filename ?? "prompt.md";
  const path = `/virtual/${filename}`;
  const format = testCase.format ?? detectFormat(path) ?? "markdown";
  const document = parseDocument({ path, source: testCase.code, format, bom: false });
  const services: Partial<RuleServices> = {
    baseSource: async () => testCase.baseSource,
    baseRef: testCase.baseSource === undefined ? undefined : "HEAD",
  };
  const { messages } = await lintDocument(document, {
    rules: [{ rule, severity: 2, options: testCase.options }],
    settings: testCase.settings,
    services,
    unusedDirectives: 0,
  });
  return { messages: messages.filter((m) => m.ruleId === rule.meta.id), source: document.source };
}

function caseTitle(kind: string, index: number, testCase: ValidCase): string {
  const label = testCase.name ?? JSON.stringify(testCase.code.length > 60 ? `${testCase.code.slice(0, 57)}...` : testCase.code);
  return `${kind} #${index + 1}: ${label}`;
}

export class RuleTester {
  run(rule: Rule<any>, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
    const seen = new Set<string>();
    for (const c of [...cases.valid, ...cases.invalid]) {
      const key = JSON.stringify([c.code, c.filename, c.format, c.options, c.settings, c.baseSource]);
      if (seen.has(key)) throw new Error(`Duplicate test case for ${rule.meta.id}: ${JSON.stringify(c.code.slice(0, 80))}`);
      seen.add(key);
    }
    if (cases.invalid.length === 0) throw new Error(`${rule.meta.id}: a rule needs at least one invalid case`);

    describe(rule.meta.id, () => {
      cases.valid.forEach((testCase, index) => {
        it(caseTitle("valid", index, testCase), async () => {
          const { messages } = await run(rule, testCase);
          expect(messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
        });
      });

      cases.invalid.forEach((testCase, index) => {
        it(caseTitle("invalid", index, testCase), async () => {
          if (testCase.errors.length === 0) throw new Error("an invalid case must expect at least one error");
          const { messages, source } = await run(rule, testCase);
          const actual = messages.map((m, i) => {
            const want = testCase.errors[i];
            return {
              messageId: m.messageId,
              line: m.line,
              column: m.column,
              endLine: m.endLine,
              endColumn: m.endColumn,
              ...(want?.message !== undefined ? { message: m.message } : {}),
            };
          });
          const expected = testCase.errors.map((e) => ({
            messageId: e.messageId,
            line: e.line,
            column: e.column,
            endLine: e.endLine,
            endColumn: e.endColumn,
            ...(e.message !== undefined ? { message: e.message } : {}),
          }));
          expect(actual).toEqual(expected);

          testCase.errors.forEach((want, i) => {
            if (!want.suggestions) return;
            const got = messages[i]!.suggestions ?? [];
            expect(got.length, `suggestions of error ${i + 1}`).toBe(want.suggestions.length);
            want.suggestions.forEach((s, j) => {
              const suggestion = got[j]!;
              if (s.messageId) expect(suggestion.messageId).toBe(s.messageId);
              const { output } = applyFixes(source, [{ ...messages[i]!, fix: suggestion.fix }]);
              expect(output).toBe(s.output);
            });
          });

          const hasFix = messages.some((m) => m.fix);
          if (testCase.output === undefined || testCase.output === null) {
            expect(hasFix, "the rule produced a fix; state `output`").toBe(false);
          } else {
            expect(hasFix, "expected a fix").toBe(true);
            expect(applyFixes(source, messages).output).toBe(testCase.output);
          }
        });
      });
    });
  }
}
