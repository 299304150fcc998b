/**
 * How strongly a sentence binds: an unconditional rule ("never", "always", "under no circumstances"), a
 * conditional exception ("if the user asks for a recipe, …"), a hedged default ("by default", "usually") that
 * another rule may override, and a sentence that states its own precedence ("this overrides the rule above").
 * An unconditional rule and a conditional exception to it leave the model to guess which wins.
 */
import { stem } from "./text.js";

/** Conditions that mark a default or a preference rather than an exception to another rule. */
const HEDGE =
  /\b(?:by default|generally|usually|typically|normally|in general|ideally|preferably|where (?:appropriate|relevant|possible|necessary|applicable|needed|helpful|useful)|as (?:needed|appropriate|necessary|relevant)|when(?:ever)? (?:appropriate|possible|relevant|necessary|needed|useful|helpful|applicable|it (?:makes sense|helps|is helpful|adds value))|if (?:appropriate|possible|relevant|necessary|needed|useful|helpful|applicable|it (?:makes sense|helps))|sometimes|occasionally|optionally|in (?:some|certain|rare|most) cases|otherwise|depending on|unless (?:otherwise|told|instructed|asked|specified|the user (?:asks|says|requests|specifies|tells))|until (?:told|asked|instructed)|if (?:it (?:is|feels|seems) )?natural(?:ly)?|if (?:you )?(?:cannot|can't|are unable|unable|don't know|do not know|aren't sure|are not sure)|if (?:it is |it's )?(?:unclear|unknown|ambiguous|not (?:clear|possible|specified|provided|known|available))|if (?:there is|there's|there are) no|if no\b|if none\b|when (?:in doubt|unsure|unclear|uncertain)|if in doubt|as a (?:fallback|last resort)|fall(?:ing)? back|if (?:it|you|they) (?:does|do) (?:need|have) to)\b/i;

/** A sentence that says it wins over another rule. */
const OVERRIDES =
  /\b(?:overrides?|overriding|takes? precedence|supersedes?|trumps?|notwithstanding|as an exception|is an exception|exception to (?:the|this|that|any)|in (?:that|this|such) case,? (?:ignore|disregard)|(?:ignore|disregard|relax|suspend|waive|lift|set aside) (?:the|that|this|any|your|our) (?:usual |general |default |earlier |above )?(?:rule|restriction|limit|ban|instruction|guideline|policy|constraint)|(?:even|also) (?:though|if) (?:the|that|this|your|our) (?:usual |general |default )?(?:rule|restriction|limit|ban|instruction|guideline|policy))\b/i;

/** Words that make a rule hold without exception. */
const ABSOLUTE =
  /\b(?:never|always|under no circumstances|at no (?:point|time)|at all|whatsoever|whatever|regardless|no matter|in any (?:case|circumstances?|situation|form|way)|in all cases|no exceptions?|without exception|only|must|strictly|forbidden|prohibited|not allowed|not permitted|every|all|any|each|entire|entirely|whole|throughout|no)\b|\b(?:do not|don't|must not|mustn't|cannot|can't|may not|should not|shouldn't)\b/i;

export function isHedged(sentence: string): boolean {
  return HEDGE.test(sentence);
}

export function statesOverride(sentence: string): boolean {
  return OVERRIDES.test(sentence);
}

export function soundsAbsolute(sentence: string): boolean {
  return ABSOLUTE.test(sentence);
}

const CONDITION_PHRASE = /\b(?:if|when|whenever|unless|once|after|before|while|in case|for)\s+([^,;:.]{3,80})/i;
const CONDITION_STOP = new Set("the a an is are be been being of to for in on at by with your you they their them it its this that user users customer customers asks ask asked any some".split(" "));

/**
 * A normalised key of the condition of a sentence ("If the user is upset, …" -> "upset"), so two rules under the
 * same condition are compared like unconditional ones; undefined when the sentence states none.
 */
export function conditionKey(text: string): string | undefined {
  const m = CONDITION_PHRASE.exec(text);
  if (!m) return undefined;
  const words = m[1]!
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter((w) => w && !CONDITION_STOP.has(w))
    .map(stem);
  return words.length > 0 ? `${m[0].split(/\s/)[0]!.toLowerCase()}:${words.join(" ")}` : undefined;
}
