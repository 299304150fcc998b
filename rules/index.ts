/**
 * The built-in rules. One import and one entry per rule, kept in alphabetical order; a test checks that
 * every rule file under rules/ is listed here and has its docs and its test table.
 */
import type { Rule } from "../src/rule-api/types.js";

// imports:begin
import budgetContextWindow from "./budget/context-window.js";
import budgetGrowth from "./budget/growth.js";
import budgetMaxTokens from "./budget/max-tokens.js";
import cacheDynamicPrefix from "./cache/dynamic-prefix.js";
import cachePrefixChurn from "./cache/prefix-churn.js";
import contradictionDuplicateInstruction from "./contradiction/duplicate-instruction.js";
import contradictionExamples from "./contradiction/examples.js";
import contradictionInstructions from "./contradiction/instructions.js";
import fewshotChatSchema from "./fewshot/chat-schema.js";
import fewshotDuplicateExamples from "./fewshot/duplicate-examples.js";
import fewshotJsonlSyntax from "./fewshot/jsonl-syntax.js";
import forkComposedBudget from "./fork/composed-budget.js";
import forkContradiction from "./fork/contradiction.js";
import forkDrift from "./fork/drift.js";
import forkModelMismatch from "./fork/model-mismatch.js";
import forkRequiredSection from "./fork/required-section.js";
import forkUndefinedVariable from "./fork/undefined-variable.js";
import forkUnresolved from "./fork/unresolved.js";
import hygieneBom from "./hygiene/bom.js";
import hygieneEmptyFile from "./hygiene/empty-file.js";
import hygieneInvisibleCharacters from "./hygiene/invisible-characters.js";
import hygieneMaxFileSize from "./hygiene/max-file-size.js";
import hygieneMixedLineEndings from "./hygiene/mixed-line-endings.js";
import hygieneTrailingWhitespace from "./hygiene/trailing-whitespace.js";
import hygieneUnicodeNormalization from "./hygiene/unicode-normalization.js";
import modelRetiring from "./model/retiring.js";
import modelUnknown from "./model/unknown.js";
import piiCreditCard from "./pii/credit-card.js";
import piiDateOfBirth from "./pii/date-of-birth.js";
import piiEmail from "./pii/email.js";
import piiIban from "./pii/iban.js";
import piiIpAddress from "./pii/ip-address.js";
import piiPersonName from "./pii/person-name.js";
import piiPhone from "./pii/phone.js";
import piiStreetAddress from "./pii/street-address.js";
import piiUsSsn from "./pii/us-ssn.js";
import secretsLeakedCredential from "./secrets/leaked-credential.js";
import syntaxFrontmatterSchema from "./syntax/frontmatter-schema.js";
import syntaxFrontmatterUnknownKey from "./syntax/frontmatter-unknown-key.js";
import syntaxFrontmatterYaml from "./syntax/frontmatter-yaml.js";
import syntaxTemplateTags from "./syntax/template-tags.js";
import syntaxUndeclaredVariable from "./syntax/undeclared-variable.js";
import syntaxUnusedInput from "./syntax/unused-input.js";
// imports:end

export const builtinRules: readonly Rule<any>[] = [
  // rules:begin
  budgetContextWindow,
  budgetGrowth,
  budgetMaxTokens,
  cacheDynamicPrefix,
  cachePrefixChurn,
  contradictionDuplicateInstruction,
  contradictionExamples,
  contradictionInstructions,
  fewshotChatSchema,
  fewshotDuplicateExamples,
  fewshotJsonlSyntax,
  forkComposedBudget,
  forkContradiction,
  forkDrift,
  forkModelMismatch,
  forkRequiredSection,
  forkUndefinedVariable,
  forkUnresolved,
  hygieneBom,
  hygieneEmptyFile,
  hygieneInvisibleCharacters,
  hygieneMaxFileSize,
  hygieneMixedLineEndings,
  hygieneTrailingWhitespace,
  hygieneUnicodeNormalization,
  modelRetiring,
  modelUnknown,
  piiCreditCard,
  piiDateOfBirth,
  piiEmail,
  piiIban,
  piiIpAddress,
  piiPersonName,
  piiPhone,
  piiStreetAddress,
  piiUsSsn,
  secretsLeakedCredential,
  syntaxFrontmatterSchema,
  syntaxFrontmatterUnknownKey,
  syntaxFrontmatterYaml,
  syntaxTemplateTags,
  syntaxUndeclaredVariable,
  syntaxUnusedInput,
  // rules:end
];
