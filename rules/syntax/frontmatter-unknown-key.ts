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
            data: {
              key: finding.path,
              kind: kindLabel(finding.kind),
              expected: finding.expected.map((k) => `'${k}'`).join(", "),
              hint: finding.suggestion ? ` (did you mean '${finding.suggestion}'?)` : "",
            },
            range: finding.range,
          });
        }
      },
    };
  },
});
