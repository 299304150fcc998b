/**
 * An explicit precedence statement ("if these conflict, safety rules win") turns apparent contradictions into
 * an ordering the author chose on purpose; the instruction checks then stay quiet.
 */

/**
 * Statements about instructions that conflict with one another and which of them wins. A sentence that one
 * policy "takes precedence" over user requests says nothing about two rules of the prompt, so it does not count.
 */
const PRECEDENCE =
  /\b(?:if|when|where|whenever|in (?:the )?(?:event|case) of|should)\b[^.\n]{0,60}\b(?:instructions?|rules?|guidelines?|directives?|requirements?|sections?|these|they|anything (?:here|above|below))\b[^.\n]{0,40}\b(?:conflict|contradict|disagree|clash|are inconsistent)|\bin (?:the )?(?:event|case) of (?:a |any )?conflicts?\b|\b(?:conflicts?|contradictions?|inconsistenc(?:y|ies))\s+between\s+(?:these\s+|the\s+|any\s+|two\s+)?(?:instructions|rules|guidelines|sections|directives)|\b(?:takes? precedence|overrides?|supersedes?|(?:wins?|prevails?) (?:if|when|over|in case)|(?:order|orders) of (?:priority|precedence)|priority order|(?:higher|highest|lower|lowest) priority|(?:more|most) important than|prioriti[sz]e [^.\n]{0,60}\bover\b|(?:is|are) more important)\b/i;

export function hasPrecedenceStatement(text: string): boolean {
  return PRECEDENCE.test(text);
}

