/**
 * The public API for custom rules: `import { defineRule } from "promptvet"`, and the types rules and plugins see
 * (the document model a rule reads included). The rule tester is `promptvet/rule-tester`.
 */
export { defineRule } from "./rule-api/types.js";
export type {
  EnabledRule, Fix, FixDescriptor, LintMessage, LintResult, Plugin, PluginConfig, PluginIdentity, RelatedLocation, ReportDescriptor, Rule,
  RuleContext, RuleDocs, RuleEntry, RuleMeta, RuleServices, RuleVisitor, Severity, SeverityName, Suggestion,
} from "./rule-api/types.js";
export type {
  ChatMessage, DataRecord, DeclaredInput, FewShotExample, Format, Frontmatter, ParseProblem, PromptDocument, Range, Segment,
  SegmentKind, SegmentRole, SourceComment, TemplateTag, TemplateVariable, VariableSyntax,
} from "./model/document.js";
export type { LineIndex } from "./model/line-index.js";
export type { OffsetMap } from "./model/offset-map.js";
