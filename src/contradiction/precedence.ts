/**
 * An explicit precedence statement ("if these conflict, safety rules win") turns apparent contradictions into
 * an ordering the author chose on purpose; the instruction checks then stay quiet.
 */
import type { Directive } from "./directives.js";

/**
 * Statements about instructions that conflict with one another and which of them wins. A sentence that one
 * policy "takes precedence" over user requests says nothing about two rules of the prompt, so it does not count.
 */
/** What a precedence statement ranks: rules of the prompt, not tools, settings, behaviour or topics. */
const RULE_WORDS = String.raw`(?:instructions?|rules?|guidelines?|directives?|requirements?|policies|policy|sections?|guidance|constraints? (?:above|below|here))`;
const OUTRANKS = String.raw`(?:takes? (?:precedence|priority)|overrides?|supersedes?|wins?|prevails?|(?:is|are) more important)`;

const PRECEDENCE = new RegExp(
  [
    // "If these instructions conflict, the later one wins."
    String.raw`\b(?:if|when|where|whenever|in (?:the )?(?:event|case) of|should)\b[^.
]{0,60}\b(?:instructions?|rules?|guidelines?|directives?|requirements?|sections?|these|they|anything (?:here|above|below))\b[^.
]{0,40}\b(?:conflict|contradict|disagree|clash|are inconsistent)`,
    String.raw`\bin (?:the )?(?:event|case) of (?:a |any )?conflicts?\b`,
    String.raw`\b(?:conflicts?|contradictions?|inconsistenc(?:y|ies))\s+between\s+(?:these\s+|the\s+|any\s+|two\s+)?(?:instructions|rules|guidelines|sections|directives)`,
    // "This section overrides the rules above", "Safety rules take precedence".
    String.raw`\b(?:this|these|the following|the above|(?:the |these |this |our )?(?:[\w-]+ ){0,2}${RULE_WORDS})\s+(?:\w+\s+){0,2}?${OUTRANKS}\b`,
    // "… takes precedence over any other instruction", "overrides the guidelines above".
    String.raw`\b${OUTRANKS}\s+(?:over\s+|than\s+)?(?:any|all|the|every|other|conflicting|previous|earlier|later|general|default)?\s*(?:[\w-]+\s+){0,2}?${RULE_WORDS}\b`,
    // "Rules in priority order", "the order of precedence of these guidelines".
    String.raw`\b${RULE_WORDS}\b[^.
]{0,40}\b(?:(?:order|orders) of (?:priority|precedence)|priority order|(?:higher|highest|lower|lowest) priority)\b`,
    String.raw`\b(?:(?:order|orders) of (?:priority|precedence)|priority order|(?:higher|highest|lower|lowest) priority)\b[^.
]{0,40}\b${RULE_WORDS}\b`,
  ].join("|"),
  "i",
);

export function hasPrecedenceStatement(text: string): boolean {
  return PRECEDENCE.test(text);
}

/** True when any sentence among the directives' own document states a precedence. */
export function documentHasPrecedence(sentences: Iterable<string>): boolean {
  for (const s of sentences) if (PRECEDENCE.test(s)) return true;
  return false;
}

export function directivesHavePrecedence(directives: readonly Directive[]): boolean {
  return directives.some((d) => PRECEDENCE.test(d.sentence));
}
