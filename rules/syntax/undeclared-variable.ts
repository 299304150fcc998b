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
        const listed = declaredList(names);
        // Thousands of inputs and of undeclared variables: each name's hint is looked for once, among a bounded list.
        const hints = new Map<string, string | undefined>();
        const hintFor = (name: string) => {
          if (!hints.has(name)) hints.set(name, names.length <= MAX_HINT_CANDIDATES ? closest(name, names) : undefined);
          return hints.get(name);
        };
        for (const variable of document.variables) {
          if (variable.kind === "partial" || variable.kind === "loop-local") continue;
          if (declared.has(variable.name) || isBuiltinName(variable.name)) continue;
          const suggestion = hintFor(variable.name);
          context.report({
            messageId: "undeclared",
            data: {
              name: variable.name,
              declared: listed,
              hint: suggestion ? ` (did you mean '${suggestion}'?)` : "",
            },
            range: variable.nameRange,
          });
        }
      },
    };
  },
});

/** Declared inputs named in a message: the first few, then how many more (a message per variable must not list thousands). */
const MAX_LISTED = 20;
/** Above this many declared inputs, no "did you mean": comparing every undeclared name with every input would be quadratic. */
const MAX_HINT_CANDIDATES = 500;

function declaredList(names: readonly string[]): string {
  if (names.length === 0) return "(none)";
  const shown = names.slice(0, MAX_LISTED).map((n) => `'${n}'`).join(", ");
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}
