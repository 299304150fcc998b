/** The public API for custom rules: `import { defineRule } from "promptvet"`, and the types rules see. */
export { defineRule } from "./rule-api/types.js";
export type {
  Fix, LintMessage, LintResult, Plugin, ReportDescriptor, Rule, RuleContext, RuleMeta, RuleVisitor, Severity,
} from "./rule-api/types.js";
export type { PromptDocument, Segment, Range, Format } from "./model/document.js";
