import { defineRule } from "../../src/rule-api/types.js";
import { closest } from "../../src/util/edit-distance.js";
import { isBuiltinName } from "./_template-names.js";

/**
 * When a file declares its inputs (Prompty `inputs:`, Dotprompt `input.schema`, a frontmatter `inputs:` or
 * `variables:` list), every variable the template reads must be one of them: an undeclared one renders as
 * an empty string at run time. Files that declare nothing are not checked.
 */
export default defineRule({
  meta: {
    id: "syntax/undeclared-variable",
    category: "syntax",
    docs: {
      description: "Disallow template variables that the file's declared inputs do not list",
      help: "Declare the variable in the frontmatter inputs, or fix its spelling.",
      recommended: "error",
    },
    messages: {
      undeclared: "Unexpected undeclared variable '{{name}}', expected one of the declared inputs {{declared}}{{hint}}.",
    },
  },
  create(context) {
    return {
      document(document) {
        const inputs = document.inputs;
        if (inputs === undefined) return;
        const declared = new Set(inputs.map((i) => i.name));
        const names = [...declared];
        for (const variable of document.variables) {
          if (variable.kind === "partial" || variable.kind === "loop-local") continue;
          if (declared.has(variable.name) || isBuiltinName(variable.name)) continue;
          const suggestion = closest(variable.name, names);
          context.report({
            messageId: "undeclared",
            data: {
              name: variable.name,
              declared: names.length === 0 ? "(none)" : names.map((n) => `'${n}'`).join(", "),
              hint: suggestion ? ` (did you mean '${suggestion}'?)` : "",
            },
            range: variable.nameRange,
          });
        }
      },
    };
  },
});
