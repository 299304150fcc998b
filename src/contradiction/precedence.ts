/**
 * An explicit precedence statement ("if these conflict, safety rules win") turns apparent contradictions into
 * an ordering the author chose on purpose; the instruction checks then stay quiet.
 */
import type { Directive } from "./directives.js";

const PRECEDENCE =
  /\b(?:takes? precedence|overrides?|supersedes?|(?:wins?|prevails?) (?:if|when|over|in case)|(?:if|when|where) [^.\n]{0,60}\bconflict|in (?:the )?(?:event|case) of (?:a )?conflict|(?:order|orders) of (?:priority|precedence)|priority order|(?:higher|highest|lower|lowest) priority|(?:more|most) important than|prioriti[sz]e [^.\n]{0,60}\bover\b|(?:is|are) more important)\b/i;

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
