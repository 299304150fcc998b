import { defineRule } from "../../src/rule-api/types.js";
import type { PromptDocument, Range, TemplateTag } from "../../src/model/document.js";

/**
 * Balances template blocks (`{{#each}}…{{/each}}`, `{% if %}…{% endif %}`, mustache sections) with a stack
 * over `document.tags`, and reports the template problems the parser found (an unclosed `{{`, a tag it
 * could not read). A closer that matches nothing is treated as a misspelled closer of the innermost block,
 * so one typo gives one finding.
 */
export default defineRule({
  meta: {
    id: "syntax/template-tags",
    category: "syntax",
    docs: {
      description: "Disallow malformed and unbalanced template tags",
      help: "Every block tag needs its matching closer, in order: {{#if}}…{{/if}}, {% for %}…{% endfor %}.",
      recommended: "error",
    },
    messages: {
      unclosed: "Unexpected end of template inside '{{tag}}' (line {{line}}), expected a closing {{closer}}.",
      mismatched: "Unexpected '{{tag}}', expected {{closer}} to close '{{open}}' from line {{line}}.",
      stray: "Unexpected '{{tag}}' with no open block, expected it to follow a matching opening tag.",
      strayMiddle: "Unexpected '{{tag}}' outside a block, expected it inside an open {{keyword}} block.",
      malformed: "Unexpected template syntax: {{detail}}.",
    },
  },
  create(context) {
    return {
      document(document) {
        const reported = new Set<number>();
        const report = (messageId: string, range: Range, data: Record<string, string | number>, related?: Range) => {
          reported.add(range[0]);
          context.report({
            messageId,
            data,
            range,
            related: related ? [{ range: related, message: "the block opens here" }] : undefined,
          });
        };
        const tags = [...document.tags].sort((a, b) => a.range[0] - b.range[0]);
        const stack: TemplateTag[] = [];
        for (const tag of tags) {
          if (tag.type === "single") continue;
          if (tag.type === "open") {
            stack.push(tag);
            continue;
          }
          const keyword = blockKeyword(tag);
          if (tag.type === "middle") {
            if (stack.length === 0) {
              report("strayMiddle", tag.range, { tag: text(document, tag.range), keyword: middleParents(tag) });
            }
            continue;
          }
          // A closing tag.
          if (stack.length === 0) {
            report("stray", tag.range, { tag: text(document, tag.range) });
            continue;
          }
          const top = stack[stack.length - 1]!;
          if (blockKeyword(top) === keyword) {
            stack.pop();
            continue;
          }
          const deeper = stack.findLastIndex((t) => blockKeyword(t) === keyword);
          if (deeper >= 0) {
            // The blocks above the match were never closed.
            for (let i = stack.length - 1; i > deeper; i--) {
              const open = stack[i]!;
              report("unclosed", open.range, { tag: text(document, open.range), line: lineOf(document, open.range), closer: closerFor(open) });
            }
            stack.length = deeper;
            continue;
          }
          report("mismatched", tag.range, { tag: text(document, tag.range), closer: closerFor(top), open: text(document, top.range), line: lineOf(document, top.range) }, top.range);
          stack.pop();
        }
        for (const open of stack) {
          report("unclosed", open.range, { tag: text(document, open.range), line: lineOf(document, open.range), closer: closerFor(open) });
        }
        for (const problem of document.problems) {
          if (problem.kind !== "template" || reported.has(problem.range[0])) continue;
          report("malformed", problem.range, { detail: problem.message.replace(/[.\s]+$/, "") });
        }
      },
    };
  },
});

/** `endif` and `if` are the same block; keyword comparison ignores case for mustache section names too. */
function blockKeyword(tag: TemplateTag): string {
  const k = tag.keyword.trim();
  return tag.syntax === "jinja" && tag.type === "close" ? k.replace(/^end_?/, "") : k;
}

function closerFor(open: TemplateTag): string {
  const k = blockKeyword(open);
  switch (open.syntax) {
    case "jinja":
      return `'{% end${k} %}'`;
    default:
      return `'{{/${k}}}'`;
  }
}

function middleParents(tag: TemplateTag): string {
  const k = tag.keyword.replace(/^\s+|\s+$/g, "");
  if (tag.syntax === "jinja") return k === "elif" ? "if" : k === "else" ? "if/for" : k;
  return "if/each/unless/with";
}

function text(document: PromptDocument, range: Range): string {
  const t = document.source.slice(range[0], range[1]).replace(/\s+/g, " ");
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

function lineOf(document: PromptDocument, range: Range): number {
  return document.lines.positionAt(range[0]).line;
}
