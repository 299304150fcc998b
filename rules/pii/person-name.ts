import { defineRule } from "../../src/rule-api/types.js";
import { createPiiRule } from "../../src/pii/rule-support.js";

export default defineRule(
  createPiiRule({
    type: "person-name",
    description: "Disallow real personal names in prompts and few-shot examples",
    noun: "personal name",
    recommended: "warn",
    help: "Use a placeholder name such as Jane Doe, or a template variable.",
  }),
);
