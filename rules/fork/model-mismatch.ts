import { defineRule } from "../../src/rule-api/types.js";
import type { ComposedPrompt, FileRange } from "../../src/compose/index.js";
import type { Range } from "../../src/model/document.js";
import { composedPrompt, relatedAt, shownPath } from "./_shared.js";
import { pinnedModel } from "../../src/forks/model.js";

/**
 * A fork pinned to another model than its base runs on a path the base's evals do not cover, and is
 * forgotten at the next migration. It needs a stated reason (`model_reason:` in its frontmatter).
 */
export default defineRule<{ reasonKey: string }>({
  meta: {
    id: "fork/model-mismatch",
    category: "fork",
    docs: {
      description: "Require a stated reason when a fork pins a different model than its base",
      help: "Use the base's model, or say why this customer needs another one in `model_reason:`.",
      recommended: "warn",
    },
    messages: {
      mismatch: "Unexpected model \"{{model}}\" in a fork of {{base}}, which uses \"{{baseModel}}\"; expected the base's model or a `{{reasonKey}}:` that says why.",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: { reasonKey: { type: "string", minLength: 1, description: "Frontmatter key that states why the fork uses another model." } },
    },
    defaultOptions: { reasonKey: "model_reason" },
  },
  create(context) {
    return {
      async document(document) {
        const composed = await composedPrompt(context);
        if (!composed?.base) return;
        const own = pinnedModel(composed.own.data);
        if (!own) return;
        const baseModel = pinnedModel(composed.base.prompt.frontmatter);
        if (!baseModel || sameModel(own.value, baseModel.value)) return;
        const reason = composed.own.data[context.options.reasonKey];
        if (typeof reason === "string" && reason.trim() !== "") return;
        const range: Range = composed.own.values.get(own.key.split(".")[0]!) ?? composed.base.reference;
        const where = modelSource(composed.base.prompt);
        context.report({
          messageId: "mismatch",
          data: { model: own.value, baseModel: baseModel.value, base: shownPath(document.path, composed.base.target), reasonKey: context.options.reasonKey },
          range,
          related: where ? [relatedAt(composed, where, `The base pins "${baseModel.value}" here.`)] : undefined,
        });
      },
    };
  },
});

function sameModel(a: string, b: string): boolean {
  const norm = (m: string) => m.trim().toLowerCase().replace(/^[a-z]+\//, "");
  return norm(a) === norm(b);
}

/** Where the base's model is set: the nearest file of the base's extends chain whose frontmatter pins one. */
function modelSource(prompt: ComposedPrompt): FileRange | undefined {
  for (let cur: ComposedPrompt | undefined = prompt; cur; cur = cur.base?.kind === "extends" ? cur.base.prompt : undefined) {
    const pinned = pinnedModel(cur.own.data);
    if (!pinned) continue;
    const range = cur.own.values.get(pinned.key.split(".")[0]!);
    return range ? { filePath: cur.filePath, range } : undefined;
  }
  return undefined;
}
