/** The README's custom-rule example, as the docs tests and the installed-package test use it. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { codeBlocks, ROOT } from "./code-blocks.js";

export interface CustomRuleExample {
  /** The file name its first line gives, e.g. `promptvet-rules/index.mjs`. */
  file: string;
  code: string;
}

/** The ```js block of "### Custom rules": its first line is a comment naming the file. */
export function customRuleExample(): CustomRuleExample {
  const block = codeBlocks("README.md").find((b) => b.lang === "js" && /^\/\/ \S+\.[cm]?js\n/.test(b.text) && b.text.includes("defineRule"));
  if (!block) throw new Error("README.md: no ```js block whose first line names the custom-rule file");
  const file = /^\/\/ (\S+)/.exec(block.text)![1]!;
  return { file, code: `${block.text}\n` };
}

/** The statements the README gives for the CommonJS form of the example. */
export const COMMONJS_IMPORT = 'const { defineRule } = require("promptvet");';
export const COMMONJS_EXPORT = "module.exports = { rules: { … } };";

/**
 * The example rewritten as the README's CommonJS note says (require instead of import, module.exports instead
 * of export default); throws when the README no longer says so, or the example no longer has those lines.
 */
export function customRuleAsCommonJs(example: CustomRuleExample): string {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  for (const statement of [COMMONJS_IMPORT, COMMONJS_EXPORT]) {
    if (!readme.includes(statement)) throw new Error(`README.md no longer shows the CommonJS form \`${statement}\``);
  }
  const importLine = 'import { defineRule } from "promptvet";';
  if (!example.code.includes(importLine) || !example.code.includes("export default {")) {
    throw new Error("README.md: the custom-rule example no longer imports defineRule and exports a default object");
  }
  return example.code.replace(importLine, COMMONJS_IMPORT).replace("export default {", "module.exports = {");
}
