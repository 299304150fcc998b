import path from "node:path";
import { readFrontmatter } from "../../src/compose/index.js";
import { defineRule } from "../../src/rule-api/types.js";
import { isBuiltinName } from "../syntax/_template-names.js";
import { anchorInDocument, composedDocument, composedPrompt, originOf, relatedAt, shownPath } from "./_shared.js";

/**
 * A partial or base reads variables the prompt that uses it never declares: they render as empty strings.
 * When any file of the composition declares inputs (`inputs:`, `variables:`, dotprompt `input.schema`),
 * every variable of the composed prompt must be one of them.
 */
export default defineRule({
  meta: {
    id: "fork/undefined-variable",
    category: "fork",
    docs: {
      description: "Disallow variables in bases and partials that no file of the composed prompt declares",
      help: "Declare the variable in the inputs of the prompt (or its base), or fix its spelling in the partial.",
      recommended: "error",
    },
    messages: {
      undefined: "Unexpected variable '{{name}}' in {{file}} (line {{line}}), which no file of this composed prompt declares; expected one of {{declared}}.",
    },
  },
  create(context) {
    return {
      async document(document) {
        const composed = await composedPrompt(context);
        if (!composed || composed.files.length < 2) return;
        const declared = new Set<string>();
        let declares = false;
        for (const file of composed.files) {
          const names = declaredNames(readFrontmatter(composed.sources.get(file) ?? "").data);
          if (names) {
            declares = true;
            for (const n of names) declared.add(n);
          }
        }
        if (!declares) return;
        const composedDoc = await composedDocument(context, composed);
        const seen = new Set<string>();
        for (const variable of composedDoc.document.variables) {
          if (variable.kind === "partial" || variable.kind === "loop-local") continue;
          if (declared.has(variable.name) || isBuiltinName(variable.name)) continue;
          const origin = originOf(composedDoc, variable.nameRange);
          if (!origin || origin.synthetic) continue;
          // The file's own variables are syntax/undeclared-variable's, when the file declares inputs itself.
          if (origin.filePath === document.path && document.inputs !== undefined) continue;
          const id = `${origin.filePath}\0${variable.name}`;
          if (seen.has(id)) continue;
          seen.add(id);
          const list = [...declared].sort();
          context.report({
            messageId: "undefined",
            data: {
              name: variable.name,
              file: origin.filePath === document.path ? "this file" : shownPath(document.path, origin.filePath),
              line: origin.line,
              declared: list.length === 0 ? "(none)" : list.slice(0, 10).map((n) => `'${n}'`).join(", "),
            },
            range: origin.filePath === document.path ? origin.range : anchorInDocument(composed, origin),
            related: origin.filePath === document.path ? undefined : [relatedAt(composed, origin, `'${variable.name}' is used here, in ${path.basename(origin.filePath)}.`)],
          });
        }
      },
    };
  },
});

/** Input names a frontmatter declares; undefined when it declares none. */
function declaredNames(data: Record<string, unknown>): string[] | undefined {
  const out: string[] = [];
  let found = false;
  const take = (value: unknown) => {
    if (Array.isArray(value)) {
      found = true;
      for (const v of value) {
        if (typeof v === "string") out.push(v);
        else if (v && typeof v === "object" && typeof (v as { name?: unknown }).name === "string") out.push((v as { name: string }).name);
      }
    } else if (value && typeof value === "object") {
      found = true;
      // Picoschema keys may carry `?` or `(description)`: `name?`, `topic(the subject)`.
      for (const k of Object.keys(value)) out.push(k.replace(/[?(].*$/, "").trim());
    }
  };
  take(data.inputs);
  take(data.variables);
  const input = data.input;
  if (input && typeof input === "object" && !Array.isArray(input)) take((input as Record<string, unknown>).schema);
  return found ? out : undefined;
}
