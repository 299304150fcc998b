/** `import { RuleTester } from "promptvet/rule-tester"`: test tables for custom rules (a separate entry, so a plugin that only defines rules never loads the parser twice). */
export { RuleTester } from "./rule-tester.js";
export type { ExpectedError, InvalidCase, RuleTestCases, ValidCase } from "./rule-tester.js";
