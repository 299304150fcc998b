import { defineRule } from "../../src/rule-api/types.js";
import { kindLabel, schemaFindings } from "./_schema-findings.js";

/**
 * Checks the types of the frontmatter keys that Prompty, Dotprompt, VS Code prompt/instructions/agent
 * files, Cursor rules and agent skills read. Keys the tool does not know are left to
 * `syntax/frontmatter-unknown-key`, a warning: an unknown key is ignored, a wrong type breaks the file.
 */
export default defineRule({
  meta: {
    id: "syntax/frontmatter-schema",
    category: "syntax",
    docs: {
      description: "Require frontmatter values of the types the prompt tool expects",
      help: "Check the tool's frontmatter reference for the expected type of this key.",
      recommended: "error",
    },
    messages: {
      wrongType: "Unexpected {{actual}} for '{{path}}' in a {{kind}} header, expected {{expected}}.",
    },
  },
  create(context) {
    return {
      async document(document) {
        for (const finding of await schemaFindings(document)) {
          if (finding.type !== "wrong-value") continue;
          context.report({
            messageId: "wrongType",
            data: { actual: finding.actual, path: finding.path, kind: kindLabel(finding.kind), expected: finding.expected },
            range: finding.range,
          });
        }
      },
    };
  },
});
