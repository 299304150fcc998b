/**
 * The built-in rules. One import and one entry per rule, kept in alphabetical order; a test checks that
 * every rule file under rules/ is listed here and has its docs and its test table.
 */
import type { Rule } from "../src/engine/types.js";

// imports:begin
import secretsLeakedCredential from "./secrets/leaked-credential.js";
// imports:end

export const builtinRules: readonly Rule<any>[] = [
  // rules:begin
  secretsLeakedCredential,
  // rules:end
];
