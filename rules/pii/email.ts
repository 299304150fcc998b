import { defineRule } from "../../src/rule-api/types.js";
import { createPiiRule } from "../../src/pii/rule-support.js";

export default defineRule(
  createPiiRule({
    type: "email",
    description: "Disallow real email addresses in prompts and few-shot examples",
    noun: "email address",
    recommended: "error",
    help: "Replace it with an address at example.com, or add it to the allowlist if it is a public contact.",
    extraOptions: { includeRoleAddresses: { type: "boolean" } },
  }),
);
