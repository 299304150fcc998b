import { defineRule } from "../../src/rule-api/types.js";
import { createPiiRule } from "../../src/pii/rule-support.js";

export default defineRule(
  createPiiRule({
    type: "us-ssn",
    description: "Disallow US Social Security numbers in prompts and few-shot examples",
    noun: "Social Security number",
    recommended: "error",
    help: "Use 000-00-0000: area 000 is never issued.",
  }),
);
