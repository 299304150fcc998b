/**
 * An explicit precedence statement ("if these conflict, safety rules win") turns apparent contradictions into
 * an ordering the author chose on purpose; the instruction checks then stay quiet about the pairs it covers.
 *
 * Two reaches: a statement about rules in general ("if instructions conflict, the later one wins", "safety rules
 * take precedence over style rules") covers every pair of the document; a statement about one rule or section
 * ("if any other instruction conflicts with this one, this takes priority", "this section overrides the rules
 * above") covers only the pairs with a side in its own section.
 */

/**
 * Statements about instructions that conflict with one another and which of them wins. The reading is broad on
 * purpose: long system prompts rank tools, sources and behaviours with these same words, and a narrower reading
 * would turn each of those rankings into a reported pair. A preference between two values ("prioritise passing
 * tests over code quality", "accuracy is more important than speed") ranks no rules and does not count.
 */
const PRECEDENCE =
  /\b(?:if|when|where|whenever|in (?:the )?(?:event|case) of|should)\b[^.\n]{0,60}\b(?:instructions?|rules?|guidelines?|directives?|requirements?|sections?|these|they|anything (?:here|above|below))\b[^.\n]{0,40}\b(?:conflict|contradict|disagree|clash|are inconsistent)|\bin (?:the )?(?:event|case) of (?:a |any )?conflicts?\b|\b(?:conflicts?|contradictions?|inconsistenc(?:y|ies))\s+between\s+(?:these\s+|the\s+|any\s+|two\s+)?(?:instructions|rules|guidelines|sections|directives)|\b(?:takes? precedence|overrides?|supersedes?|(?:wins?|prevails?) (?:if|when|over|in case)|(?:order|orders) of (?:priority|precedence)|priority order)\b/i;

/** The statement ranks the rule or section it stands in, not the prompt's rules in general. */
// A bare "this overrides the ban" leaves open what "this" is, so it keeps the document-wide reading.
const ABOUT_ITSELF = /\b(?:this|the present) (?:one|rule|instruction|section|part|block|guideline|directive|requirement)\b/i;

export type PrecedenceReach = "document" | "section";

/** The reach of the precedence statements in `text`, if it holds any: the widest of them. */
export function precedenceReach(text: string): PrecedenceReach | undefined {
  if (!PRECEDENCE.test(text)) return undefined;
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (PRECEDENCE.test(sentence) && !ABOUT_ITSELF.test(sentence)) return "document";
  }
  return "section";
}

export function hasPrecedenceStatement(text: string): boolean {
  return precedenceReach(text) !== undefined;
}
