import { defineRule } from "../../src/rule-api/types.js";
import type { Range } from "../../src/model/document.js";
import { readFrontmatter } from "./_frontmatter-data.js";

/**
 * Reports the first YAML error of the frontmatter (later ones are usually knock-on effects of the first)
 * and structural frontmatter problems such as a missing closing `---`.
 */
export default defineRule({
  meta: {
    id: "syntax/frontmatter-yaml",
    category: "syntax",
    docs: {
      description: "Disallow frontmatter that is not valid YAML",
      help: "Fix the YAML at this position; quote values that start with *, &, !, {, [, %, @ or contain ': '.",
      recommended: "error",
    },
    messages: {
      invalid: "Unexpected YAML syntax in the frontmatter: {{detail}}; expected valid YAML{{more}}.",
      problem: "Unexpected frontmatter structure: {{detail}}.",
    },
  },
  create(context) {
    return {
      async document(document) {
        const reported: Range[] = [];
        const view = await readFrontmatter(document);
        if (view && view.errors.length > 0) {
          const [first, ...rest] = view.errors;
          const more = rest.length === 0 ? "" : ` (${rest.length} more error${rest.length === 1 ? "" : "s"} may follow from this one)`;
          context.report({ messageId: "invalid", data: { detail: cleanDetail(first!.message), more }, range: first!.range });
          reported.push(first!.range);
        }
        for (const problem of document.problems) {
          if (problem.kind !== "frontmatter") continue;
          if (reported.some((r) => r[0] === problem.range[0])) continue;
          // The same YAML error surfaced as a problem: already reported above.
          // A YAML error surfaced as a problem: reported above, or (Cursor's raw globs) not an error at all.
          const yamlErrors = [...(view?.errors ?? []), ...(document.frontmatter?.errors ?? [])];
          if (yamlErrors.some((e) => e.range[0] === problem.range[0] && e.range[1] === problem.range[1])) continue;
          context.report({ messageId: "problem", data: { detail: cleanDetail(problem.message) }, range: problem.range });
          reported.push(problem.range);
        }
      },
    };
  },
});

/** One line, no trailing period, no "at line X, column Y" (the finding already carries the position). */
function cleanDetail(message: string): string {
  return message
    .split("\n")[0]!
    .replace(/ at line \d+, column \d+:?\s*$/, "")
    .replace(/[.:]\s*$/, "")
    .trim();
}
