import { defineRule } from "../../src/rule-api/types.js";
import { createPiiRule } from "../../src/pii/rule-support.js";

export default defineRule(
  createPiiRule({
    type: "street-address",
    description: "Disallow real street addresses in prompts and few-shot examples",
    noun: "street address",
    recommended: "warn",
    help: "Use a placeholder such as 123 Example Street.",
  }),
);
