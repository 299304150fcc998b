/** What the build script generates files from (the config schema, the README's rule list, the cases schema); not shipped. */
export { buildConfigSchema } from "./config/schema.js";
export { builtinRules } from "../rules/index.js";
export { rulesMarkdownTable, replaceRulesSection } from "./cli/rules-markdown.js";
export { casesFileSchema } from "./eval/cases-schema.js";
export { HELP } from "./cli/args.js";
export { valueLiteralsSource } from "./contradiction/value-literals.js";
