import { defineRule } from "../../src/rule-api/types.js";
import { createPiiRule } from "../../src/pii/rule-support.js";

export default defineRule(
  createPiiRule({
    type: "iban",
    description: "Disallow real IBANs in prompts and few-shot examples",
    noun: "IBAN",
    recommended: "error",
    help: "Use the documented example IBAN DE89 3704 0044 0532 0130 00.",
  }),
);
