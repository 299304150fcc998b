import { defineRule } from "../../src/rule-api/types.js";
import { createPiiRule } from "../../src/pii/rule-support.js";

export default defineRule(
  createPiiRule({
    type: "phone",
    description: "Disallow real phone numbers in prompts and few-shot examples",
    noun: "phone number",
    recommended: "error",
    help: "Use a fictional number such as +1 201 555 0123 (NANP 555) or +44 7700 900123 (Ofcom drama range).",
    extraOptions: { regions: { type: "array", items: { type: "string", pattern: "^[A-Za-z]{2}$" }, uniqueItems: true } },
  }),
);
