/**
 * promptvet's extra detectors wrapped as one secretlint rule, so they run in the same pass as the preset and
 * go through secretlint's own pipeline (disable comments, duplicate filtering, masking).
 *
 * Messages never carry the matched text: the label is enough for secretlint, and promptvet builds its own
 * masked message from the offsets.
 */
import type { SecretLintRuleCreator, SecretLintRuleLocalizeMessages } from "@secretlint/types";
import { DETECTORS, runDetectors } from "./detectors.js";
import { describeKind } from "./kinds.js";

export const PROMPTVET_SECRETLINT_RULE_ID = "@promptvet/secretlint-rule-llm-credentials";

const messages: SecretLintRuleLocalizeMessages = Object.fromEntries(
  DETECTORS.map((d) => [d.id, { en: () => `found ${describeKind(d.kind).label}` }]),
);

export const llmCredentialsRule: SecretLintRuleCreator = {
  messages,
  meta: {
    id: PROMPTVET_SECRETLINT_RULE_ID,
    recommended: true,
    type: "scanner",
    supportedContentTypes: ["text"],
  },
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source) {
        for (const hit of runDetectors(source.content)) {
          context.report({ message: t(hit.detector.id), range: [hit.start, hit.end] });
        }
      },
    };
  },
};

/** Kind of a finding of this rule, from its message id. */
export function kindOfDetectorMessage(messageId: string | undefined): string | undefined {
  return DETECTORS.find((d) => d.id === messageId)?.kind;
}
