/**
 * A table-driven rule tester in the spirit of ESLint's RuleTester: each rule gets `valid` and `invalid` cases;
 * invalid cases state every finding's exact position and the fixed output. It runs a rule exactly as a lint run
 * does (the same parser, linter, directives and masking), and registers one test per case with the test
 * framework's `describe`/`it`: the globals (vitest with globals, mocha, jest), else Node's own `node:test`. Set
 * `RuleTester.describe` and `RuleTester.it` to use others (vitest without globals).
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { applyFixes } from "../engine/fixes.js";
import { lintDocument } from "../engine/linter.js";
import type { Format } from "../model/document.js";
import { detectFormat } from "../parse/detect.js";
import { parseDocument } from "../parse/index.js";
import type { LintMessage, Rule, RuleServices } from "../rule-api/types.js";

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

export interface RuleTestCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

type Describe = (title: string, body: () => void) => unknown;
type It = (title: string, body: () => Promise<void>) => unknown;

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

/** The framework's `describe` and `it`: those set on RuleTester, else the globals, else `node:test`'s. */
function framework(): { describe: Describe; it: It } {
  const globals = globalThis as { describe?: unknown; it?: unknown };
  const describe = RuleTester.describe ?? (typeof globals.describe === "function" ? (globals.describe as Describe) : undefined);
  const it = RuleTester.it ?? (typeof globals.it === "function" ? (globals.it as It) : undefined);
  if (describe && it) return { describe, it };
  const nodeTest = process.getBuiltinModule("node:test") as unknown as { describe: Describe; it: It };
  return { describe: describe ?? nodeTest.describe, it: it ?? nodeTest.it };
}

export class RuleTester {
  /** The test framework's `describe`; the global one (or `node:test`'s) when unset. */
  static describe: Describe | undefined;
  /** The test framework's `it`; the global one (or `node:test`'s) when unset. */
  static it: It | undefined;

  /** Checks the table, then registers one test per case under a `describe` named after the rule. */
  run(rule: Rule<any>, cases: RuleTestCases): void {
    const seen = new Set<string>();
    for (const c of [...cases.valid, ...cases.invalid]) {
      const key = JSON.stringify([c.code, c.filename, c.format, c.options, c.settings, c.baseSource]);
      if (seen.has(key)) throw new Error(`Duplicate test case for ${rule.meta.id}: ${JSON.stringify(c.code.slice(0, 80))}`);
      seen.add(key);
    }
    if (cases.invalid.length === 0) throw new Error(`${rule.meta.id}: a rule needs at least one invalid case`);

    const { describe, it } = framework();
    describe(rule.meta.id, () => {
      cases.valid.forEach((testCase, index) => {
        it(caseTitle("valid", index, testCase), async () => {
          const { messages } = await run(rule, testCase);
          deepStrictEqual(messages.map((m) => `${m.line}:${m.column} ${m.message}`), [], "a valid case must report nothing");
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
          deepStrictEqual(actual, expected);

          testCase.errors.forEach((want, i) => {
            if (!want.suggestions) return;
            const got = messages[i]!.suggestions ?? [];
            strictEqual(got.length, want.suggestions.length, `suggestions of error ${i + 1}`);
            want.suggestions.forEach((s, j) => {
              const suggestion = got[j]!;
              if (s.messageId) strictEqual(suggestion.messageId, s.messageId);
              const { output } = applyFixes(source, [{ ...messages[i]!, fix: suggestion.fix }]);
              strictEqual(output, s.output);
            });
          });

          const hasFix = messages.some((m) => m.fix);
          if (testCase.output === undefined || testCase.output === null) {
            ok(!hasFix, "the rule produced a fix; state `output`");
          } else {
            ok(hasFix, "expected a fix");
            strictEqual(applyFixes(source, messages).output, testCase.output);
          }
        });
      });
    });
  }
}
