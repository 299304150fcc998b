import { defineRule } from "../../src/rule-api/types.js";
import { composition, shownPath } from "./_shared.js";

/**
 * A prompt that extends a base or includes partials must compose: every file it names exists, no file
 * uses itself through a chain of extends/includes, and `remove`/`append` name sections the base has.
 */
export default defineRule({
  meta: {
    id: "fork/unresolved",
    category: "fork",
    docs: {
      description: "Require every base prompt, partial and section name a prompt composes from to exist, without cycles",
      help: "Fix the path or the section name, or add the missing file to the commit.",
      recommended: "error",
    },
    messages: {
      missing: "{{message}}",
      missingVia: "Unexpected missing file in the composition of this prompt: {{message}} (in {{file}}, line {{line}}); expected every file this prompt uses to exist.",
      cycle: "{{message}}",
      cycleVia: "Unexpected cycle in the composition of this prompt: {{message}}",
      section: "{{message}}",
    },
  },
  create(context) {
    return {
      async document(document) {
        const pending = composition(context);
        if (!pending) return;
        const result = await pending;
        if (result.error) {
          const error = result.error;
          const inThisFile = error.filePath === document.path;
          const first = error.via[0];
          const range = inThisFile ? error.range : first && first.filePath === document.path ? first.range : document.body;
          const kind = error.kind === "missing" ? "missing" : "cycle";
          context.report({
            messageId: inThisFile ? kind : `${kind}Via`,
            data: { message: error.message, file: shownPath(document.path, error.filePath), line: error.line },
            range,
            related: inThisFile
              ? undefined
              : [{ filePath: error.filePath, line: error.line, column: error.column, endLine: error.line, endColumn: error.column, message: error.kind === "missing" ? "The failing reference." : "The reference that closes the cycle." }],
          });
          return;
        }
        const composed = result.composed;
        // Problems of other files are reported when those files are linted.
        for (const problem of composed.problems) {
          if (problem.filePath !== document.path) continue;
          context.report({ messageId: "section", data: { message: problem.message }, range: problem.range });
        }
      },
    };
  },
});
