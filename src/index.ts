/** The public API for custom rules and programmatic use. */
export { defineRule } from "./engine/types.js";
export type {
  Fix, LintMessage, LintResult, Plugin, ReportDescriptor, Rule, RuleContext, RuleMeta, RuleVisitor, Severity,
} from "./engine/types.js";
export type { PromptDocument, Segment, Range, Format } from "./model/document.js";
export { buildConfigSchema } from "./config/schema.js";
export { main } from "./cli/main.js";
export { builtinRules } from "../rules/index.js";
export { rulesMarkdownTable, replaceRulesSection } from "./cli/rules-markdown.js";
export { casesFileSchema } from "./eval/cases-schema.js";
