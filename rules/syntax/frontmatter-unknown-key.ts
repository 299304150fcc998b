import { defineRule } from "../../src/rule-api/types.js";
import { kindLabel, schemaFindings } from "./_schema-findings.js";

/** Reports frontmatter keys the file's tool does not read: usually a typo that silently drops a setting. */
export default defineRule({
  meta: {
    id: "syntax/frontmatter-unknown-key",
    category: "syntax",
    docs: {
      description: "Disallow frontmatter keys the prompt tool does not read",
      help: "Rename the key to one the tool reads, or remove it.",
      recommended: "warn",
    },
    messages: {
      unknownKey: "Unexpected key '{{key}}' in a {{kind}} header, expected one of {{expected}}{{hint}}.",
    },
  },
  create(context) {
    return {
      async document(document) {
        for (const finding of await schemaFindings(document)) {
          if (finding.type !== "unknown-key") continue;
          context.report({
            messageId: "unknownKey",
            // Read only when the message is built: a file lists at most 500 findings per rule, and a generated
            // header of 5,000 unknown keys would otherwise pay the list and the hint for every one of them.
            data: {
              key: finding.path,
              kind: kindLabel(finding.kind),
              get expected() {
                return finding.expected.map((k) => `'${k}'`).join(", ");
              },
              get hint() {
                return finding.suggestion ? ` (did you mean '${finding.suggestion}'?)` : "";
              },
            },
            range: finding.range,
          });
        }
      },
    };
  },
});
