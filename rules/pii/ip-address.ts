import { defineRule } from "../../src/rule-api/types.js";
import { createPiiRule } from "../../src/pii/rule-support.js";

export default defineRule(
  createPiiRule({
    type: "ip-address",
    description: "Disallow public IP addresses in prompts and few-shot examples",
    noun: "public IP address",
    recommended: "error",
    help: "Use a documentation address: 192.0.2.1 (RFC 5737) or 2001:db8::1 (RFC 3849).",
    extraOptions: { includeNonPublic: { type: "boolean" } },
  }),
);
