import { defineRule } from "../../src/rule-api/types.js";
import { createPiiRule } from "../../src/pii/rule-support.js";

export default defineRule(
  createPiiRule({
    type: "date-of-birth",
    description: "Disallow real dates of birth in prompts and few-shot examples",
    noun: "date of birth",
    recommended: "error",
    help: "Use a placeholder date such as 1970-01-01.",
  }),
);
