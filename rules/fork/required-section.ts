import { defineRule } from "../../src/rule-api/types.js";
import { composedPrompt, relatedAt, shownPath } from "./_shared.js";

/**
 * A base prompt marks the sections every fork must keep word for word (safety escalation, legal
 * disclaimers) with `<!-- promptvet:required -->` on the heading line or right under it. A fork may add to
 * such a section (`append:`), but not replace or remove it.
 */
export default defineRule({
  meta: {
    id: "fork/required-section",
    category: "fork",
    docs: {
      description: "Disallow forks that remove or replace a section their base marks required",
      help: "Keep the base section; to add to it, list it under `append:` in the frontmatter.",
      recommended: "error",
    },
    messages: {
      removed: "Unexpected removal of the required section \"{{name}}\" of {{base}}; expected the fork to keep it (add to it with `append:` instead).",
      overridden: "Unexpected override of the required section \"{{name}}\" of {{base}}; expected the base text to stay (list \"{{name}}\" under `append:` to add to it).",
      changed: "Unexpected change to the required section \"{{name}}\" of {{base}} in this copy; expected the base text word for word.",
      missing: "Unexpected copy of {{base}} without its required section \"{{name}}\"; expected the section to be kept.",
    },
  },
  create(context) {
    return {
      async document(document) {
        const composed = await composedPrompt(context);
        if (!composed?.base) return;
        const copy = composed.base.kind === "forked_from";
        for (const op of composed.operations) {
          if (!op.base?.required || (op.kind !== "remove" && op.kind !== "override")) continue;
          if (op.at.filePath !== document.path) continue;
          const messageId = op.kind === "remove" ? (copy ? "missing" : "removed") : copy ? "changed" : "overridden";
          context.report({
            messageId,
            data: { name: op.base.title, base: shownPath(document.path, op.base.heading.filePath) },
            range: op.at.range,
            related: [relatedAt(composed, op.base.required, `"${op.base.title}" is marked required here.`)],
          });
        }
      },
    };
  },
});
