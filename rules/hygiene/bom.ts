import { defineRule } from "../../src/rule-api/types.js";

/**
 * A UTF-8 byte order mark. Many loaders read it as text, so the model receives U+FEFF before the first
 * word; frontmatter detection (`---` on the first line) fails in tools that do not strip it.
 */
export default defineRule({
  meta: {
    id: "hygiene/bom",
    category: "hygiene",
    fixable: true,
    docs: {
      description: "Disallow a UTF-8 byte order mark at the start of prompt files",
      help: "Save the file as UTF-8 without BOM.",
      recommended: "warn",
    },
    messages: {
      bom: "Unexpected UTF-8 byte order mark, expected the file to start with its text: some tools send U+FEFF to the model or miss the frontmatter.",
    },
  },
  create(context) {
    return {
      document(document) {
        // A U+FEFF still in the text (a BOM the decoder did not strip, or a second one) can be removed by a fix;
        // the stripped BOM itself is restored by the writer, so it is reported without one.
        if (document.source.charCodeAt(0) === 0xfeff) {
          context.report({ messageId: "bom", range: [0, 1], fix: { range: [0, 1], text: "" } });
        } else if (document.bom) {
          context.report({ messageId: "bom", range: [0, 0] });
        }
      },
    };
  },
});
