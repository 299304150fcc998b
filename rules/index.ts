/**
 * The built-in rules. One import and one entry per rule, kept in alphabetical order; a test checks that
 * every rule file under rules/ is listed here and has its docs and its test table.
 */
import type { Rule } from "../src/engine/types.js";

// imports:begin
import budgetContextWindow from "./budget/context-window.js";
import budgetGrowth from "./budget/growth.js";
import budgetMaxTokens from "./budget/max-tokens.js";
import cacheDynamicPrefix from "./cache/dynamic-prefix.js";
import cachePrefixChurn from "./cache/prefix-churn.js";
import modelRetiring from "./model/retiring.js";
import modelUnknown from "./model/unknown.js";
import secretsLeakedCredential from "./secrets/leaked-credential.js";
// imports:end

export const builtinRules: readonly Rule<any>[] = [
  // rules:begin
  budgetContextWindow,
  budgetGrowth,
  budgetMaxTokens,
  cacheDynamicPrefix,
  cachePrefixChurn,
  modelRetiring,
  modelUnknown,
  secretsLeakedCredential,
  // rules:end
];
