import { defineRule } from "../../src/rule-api/types.js";

/** A declared input the template never reads: dead configuration, or a placeholder that was misspelled. */
export default defineRule({
  meta: {
    id: "syntax/unused-input",
    category: "syntax",
    docs: {
      description: "Disallow declared inputs that the template never uses",
      help: "Use the input in the template or remove its declaration.",
      recommended: "warn",
    },
    messages: {
      unused: "Unexpected unused input '{{name}}', expected the template to reference it (for example {{placeholder}}).",
    },
  },
  create(context) {
    return {
      document(document) {
        if (!document.inputs) return;
        const used = new Set(
          document.variables.filter((v) => v.kind !== "partial" && v.kind !== "loop-local").map((v) => v.name),
        );
        const syntax = document.variables[0]?.syntax ?? (document.format === "prompty" || document.format === "jinja" ? "jinja" : "mustache");
        for (const input of document.inputs) {
          if (used.has(input.name)) continue;
          context.report({
            messageId: "unused",
            data: { name: input.name, placeholder: syntax === "fstring" ? `{${input.name}}` : `{{${input.name}}}` },
            range: input.range,
          });
        }
      },
    };
  },
});
