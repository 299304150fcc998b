/** The RuleTester that rule authors get fails a table that does not match what the rule reports. */
import { afterEach, describe, expect, it } from "vitest";
import { RuleTester, type RuleTestCases } from "../../src/rule-tester/rule-tester.js";
import { defineRule } from "../../src/rule-api/types.js";

const noTodo = defineRule({
  meta: {
    id: "demo/no-todo", category: "demo", fixable: true,
    docs: { description: "no TODO", recommended: "error" },
    messages: { found: "Unexpected TODO, expected a finished prompt." },
  },
  create(context) {
    return {
      segment(segment) {
        for (const m of segment.text.matchAll(/TODO/g)) {
          const range = context.segmentRange(segment, [m.index, m.index + 4]);
          context.report({ messageId: "found", range, fix: { range, text: "DONE" } });
        }
      },
    };
  },
});

/** Runs a table with a framework stand-in that records each case's body, and returns how each one ended. */
async function outcomes(cases: RuleTestCases): Promise<Record<string, string>> {
  const bodies: [string, () => Promise<void>][] = [];
  RuleTester.describe = (_title, body) => body();
  RuleTester.it = (title, body) => bodies.push([title, body]);
  new RuleTester().run(noTodo, cases);
  const out: Record<string, string> = {};
  for (const [title, body] of bodies) {
    out[title] = await body().then(() => "pass", (error: Error) => `fail: ${error.message.split("\n")[0]}`);
  }
  return out;
}

const ERROR = { messageId: "found", line: 1, column: 7, endLine: 1, endColumn: 11 };

describe("RuleTester", () => {
  const { describe: savedDescribe, it: savedIt } = RuleTester;
  afterEach(() => {
    RuleTester.describe = savedDescribe;
    RuleTester.it = savedIt;
  });

  it("passes a table that states every finding and the fixed text", async () => {
    expect(await outcomes({ valid: [{ code: "Done.\n" }], invalid: [{ code: "Fix a TODO.\n", errors: [ERROR], output: "Fix a DONE.\n" }] })).toEqual({
      'valid #1: "Done.\\n"': "pass",
      'invalid #1: "Fix a TODO.\\n"': "pass",
    });
  });

  it("fails a wrong position, a missing output, a report in a valid case, and an extra finding", async () => {
    const results = await outcomes({
      valid: [{ code: "A TODO.\n", name: "reports" }],
      invalid: [
        { code: "Fix a TODO.\n", errors: [{ ...ERROR, column: 8 }], output: "Fix a DONE.\n", name: "column" },
        { code: "Fix a TODO now.\n", errors: [ERROR], name: "no output" },
        { code: "Fix a TODO, TODO.\n", errors: [ERROR], output: "Fix a DONE, DONE.\n", name: "extra" },
      ],
    });
    expect(Object.values(results).every((r) => r.startsWith("fail"))).toBe(true);
    expect(results["invalid #2: no output"]).toContain("state `output`");
  });

  it("refuses duplicate cases and a table without invalid cases", () => {
    RuleTester.describe = () => undefined;
    RuleTester.it = () => undefined;
    expect(() => new RuleTester().run(noTodo, { valid: [{ code: "x" }, { code: "x" }], invalid: [{ code: "TODO", errors: [ERROR] }] })).toThrow(/Duplicate test case/);
    expect(() => new RuleTester().run(noTodo, { valid: [{ code: "x" }], invalid: [] })).toThrow(/at least one invalid case/);
  });
});
