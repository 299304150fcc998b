import { defineRule } from "../../src/rule-api/types.js";
import { createPiiRule } from "../../src/pii/rule-support.js";

export default defineRule(
  createPiiRule({
    type: "credit-card",
    description: "Disallow payment card numbers in prompts and few-shot examples",
    noun: "card number",
    recommended: "error",
    help: "Use a documented test card such as 4111 1111 1111 1111.",
  }),
);
