import { defineRule } from "../../src/rule-api/types.js";

/** An empty prompt (or one with a header and no body) sends the model nothing: usually a lost edit. */
export default defineRule({
  meta: {
    id: "hygiene/empty-file",
    category: "hygiene",
    docs: {
      description: "Disallow prompt files that are empty or hold only whitespace after the frontmatter",
      help: "Write the prompt text, or delete the file.",
      recommended: "error",
    },
    messages: {
      empty: "Unexpected empty file, expected prompt text.",
      emptyBody: "Unexpected empty body after the frontmatter, expected prompt text.",
    },
  },
  create(context) {
    return {
      document(document) {
        const { source, body } = document;
        if (source.slice(body[0], body[1]).trim() !== "") return;
        if (document.frontmatter) {
          const at = document.frontmatter.range[1];
          context.report({ messageId: "emptyBody", range: [at, at] });
        } else {
          context.report({ messageId: "empty", range: [0, 0] });
        }
      },
    };
  },
});
