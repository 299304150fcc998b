import type { Directive } from "../../src/contradiction/index.js";
import { defineRule } from "../../src/rule-api/types.js";
import { composedDocument, composedPrompt, originOf, relatedAt, shownPath } from "./_shared.js";

/**
 * A fork adds its own instructions to the base's. Where a fork's instruction cannot be obeyed together
 * with one the base still sends ("Answer in one sentence" in the base, "explain each step in detail" in
 * the fork), the model picks one at random. Checked on the composed prompt, so a base section the fork
 * overrides or removes no longer counts.
 */
export default defineRule({
  meta: {
    id: "fork/contradiction",
    category: "fork",
    docs: {
      description: "Disallow instructions in a fork that contradict instructions of its base or partials in the composed prompt",
      help: "Override the base section that says otherwise (same heading), or remove it with `remove:`.",
      recommended: "error",
    },
    messages: {
      conflict: "Unexpected {{kind}} instruction \"{{sentence}}\" that contradicts \"{{other}}\" in {{file}} (line {{line}}); expected the fork to override or remove that section.",
      incomplete:
        "Unexpected number of instructions to compare with the base and partials: the check stopped after {{pairs}} pairs, so this instruction and the ones after it were not checked for contradictions; expected a smaller fork or base.",
    },
  },
  create(context) {
    return {
      async document(document) {
        const composed = await composedPrompt(context);
        if (!composed || composed.files.length < 2 || composed.base?.kind === "forked_from") return;
        const { extractDirectives, searchConflicts, KIND_NAMES, MAX_COMPARED_PAIRS } = await import("../../src/contradiction/index.js");
        const composedDoc = await composedDocument(context, composed);
        const mine: Directive[] = [];
        const others: Directive[] = [];
        for (const directive of extractDirectives(composedDoc.document)) {
          const origin = originOf(composedDoc, directive.range);
          if (!origin || origin.synthetic) continue;
          const located = { ...directive, filePath: origin.filePath, range: origin.range };
          (origin.filePath === document.path ? mine : others).push(located);
        }
        if (mine.length === 0 || others.length === 0) return;
        const search = searchConflicts(mine, others);
        for (const conflict of search.conflicts) {
          const other = conflict.earlier;
          const pos = composed.position(other.filePath!, other.range);
          context.report({
            messageId: "conflict",
            data: {
              kind: KIND_NAMES[conflict.kind],
              sentence: clip(conflict.later.sentence),
              other: clip(other.sentence),
              file: shownPath(document.path, other.filePath!),
              line: pos.line,
            },
            range: conflict.later.range,
            related: [relatedAt(composed, { filePath: other.filePath!, range: other.range }, "The instruction it contradicts.")],
          });
        }
        if (search.stoppedAt) {
          context.report({ messageId: "incomplete", severity: 1, data: { pairs: MAX_COMPARED_PAIRS.toLocaleString("en-US") }, range: search.stoppedAt.range });
        }
      },
    };
  },
});

function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
