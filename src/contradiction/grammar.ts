/**
 * The grammar of one clause that decides what a mention means: negation and its parity, commands (modal verbs
 * and imperatives) as opposed to descriptions, and permissions. Shared by every extractor of directives.
 */
import { allMatches } from "./text.js";
import { isImperativeVerb } from "./verbs.js";

export const EMPHATIC_CONDITION =
  /\b(?:even (?:if|when|though)|no matter|as if|as though)\b[^,.;]*|\b(?:whenever|wherever) (?:you can|possible)\b|\bwhen (?:you )?(?:start(?:ing)?|begin(?:ning)?)\b(?! (?:to|about|for) )/gi;

export const IMPERATIVE =
  /^(?:use|respond|reply|answer|write|keep|be|include|add|avoid|give|provide|return|output|format|limit|list|offer|suggest|ask|cite|link|mention|reveal|share|tell|quote|explain|describe|start|begin|end|stay|speak|talk|make|ensure|remember|refer|present|show|put|wrap|structure|stick|focus|introduce|call|act|address|greet|search|browse|check|look|run|execute|skip|omit|feel|sign|close|summari[sz]e|state|express|produce|generate|send|reference|disclose|discuss|bring|adopt|maintain|match|insert|append|prefix|label|restrict|never|always|do|don't|communicate|go|lead|finish|conclude|open|aim|strive|try|prioriti[sz]e|opt|choose|favou?r|deliver|draft|compose|convert|translate|stick|sprinkle|throw|break|organi[sz]e|enumerate|number|present|frame|phrase|word|pepper|spell|refrain|steer|resist|leave|drop|cut|trim|expand|elaborate|walk|detail|break|offer|invoke|consult|query|mirror|emit|render)\b/i;

/** "you may", "feel free", "there is no need to": a permission, weaker than a command. */
// "No tests needed", "a summary is not required": what need not be done may still be done.
const PERMISSION = /\b(?:you may|you can|feel free|free to|(?:there is |there's )?no need to|(?:do not|don't|doesn't|does not) (?:need|have) to|needn't|not (?:necessary|required) to|it'?s (?:ok|okay|fine|acceptable) to|it is (?:ok|okay|fine|acceptable) to|(?:are|is) (?:allowed|permitted|welcome|fine|ok|okay|acceptable)|allowed to|permitted to|optional(?:ly)?)\b|\b(?:is|are) not (?:needed|necessary|required|mandatory)\b|\bno\b[^.;:()]{1,40}\b(?:needed|necessary|required)\b(?! (?:to|for|by|from|in|on|at)\b)/i;

/** "no other language is allowed", "you may not": a denied permission is a prohibition, not a permission. */
const DENIED_PERMISSION = /\b(?:no|not|never|nothing|none)\b[^.;]{0,40}\b(?:allowed|permitted|welcome|ok|okay|fine|acceptable)\b|\b(?:may|can) ?not\b|\b(?:may|can)n['’]t\b|\bno other\b/i;

/** Phrased as a permission ("you may", "feel free to"), not a command or a prohibition. */
export function isPermission(clause: string): boolean {
  return PERMISSION.test(clause) && !DENIED_PERMISSION.test(clause);
}

// "Stop and check with the user": a pause before the next step, not a ban on it; "stop asking" still bans.
const NEGATION =
  /\b(?:never|not|no|without|avoid(?:s|ing)?|refrain(?:ing)?|omit(?:ting)?|exclude|excluding|forbid(?:den)?|prohibit(?:ed)?|disallow(?:ed)?|nor|none|nothing|forget|fail|neglect|hesitate|stop(?![ \t]*(?:[,.;:—–\n]|\band\b|\bthen\b|\bto\b))|cease|skip(?:ping)?|leave out|drop|eliminate|strip|ban(?:ned)?|under no circumstances|at no (?:point|time)|steer clear|stay away)\b|n['’]t\b/gi;
const NEGATION_NEUTRAL = /\b(?:not only|not just|(?:don't|do not|doesn't|does not) just|no matter|no more than|not more than|no fewer than|no less than|not less than|no longer than|not exceed(?:ing)?|never exceed(?:ing)?|no later than|no doubt|not sure|nothing else|nothing but|no other)\b/gi;
// "Avoid LaTeX for simple formatting (use Markdown)": the parenthesis names what to do instead.
const POSITIVE_RESET = /\b(?:always|must(?! not| never|n't)|make sure|ensure|be sure|remember to|instead)\b|\((?=\s*(?:use|prefer|choose|pick|write|try)\b)/gi;
// "Prefer Vitest over Jest", "pnpm is preferred over npm": what a preference is set against is not chosen.
export const LOCAL_NEGATION = /(?:instead of|rather than|in place of|as opposed to|\bover(?<=\b(?:prefer\w*|favou?r\w*)\b[^.;:]{1,60}over))\s+(?:[\w-]+\s+){0,3}$/i;

/** After a comma, a verb or modal starts a new clause that a "no"/"without" before the comma does not govern. */
function beyondReach(segment: string): boolean {
  const comma = segment.search(/[,;(]/);
  if (comma === -1) return false;
  const words = segment.slice(comma).toLowerCase().match(/[a-z']+/g) ?? [];
  return words.some((w) => /^(?:should|must|shall|will|never|always|may|can|do|does|don't|please)$/.test(w) || isImperativeVerb(w));
}

/** Negations that govern the noun phrase right after them rather than the whole clause. */
const LOCAL_CUE = /^(?:no|without|none|nor)$/i;

/** Polarity of a mention at `index` in `clause`: parity of negation cues before it, reset by "always"/"must". */
export function polarityAt(clause: string, index: number, negativeLead: boolean): { polarity: 1 | -1; ownNegation: boolean } {
  let before = clause.slice(0, index).replace(NEGATION_NEUTRAL, (m) => " ".repeat(m.length));
  before = before.replace(EMPHATIC_CONDITION, (m) => " ".repeat(m.length));
  const events: { at: number; kind: "neg" | "reset"; local: boolean }[] = [];
  for (const m of allMatches(NEGATION, before)) events.push({ at: m.index!, kind: "neg", local: LOCAL_CUE.test(m[0]) });
  for (const m of allMatches(POSITIVE_RESET, before)) events.push({ at: m.index!, kind: "reset", local: false });
  events.sort((a, b) => a.at - b.at);
  let neg = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    // "no additional text, no markdown": each "no" of a list governs its own item, not the next one; "without any
    // lists, i.e. it should never include bullets": a new clause after the comma is beyond its reach.
    const next = events[i + 1];
    if (e.local && next?.local && /[,;(]/.test(before.slice(e.at, next.at))) continue;
    if (e.local && beyondReach(before.slice(e.at))) continue;
    neg = e.kind === "neg" ? neg + 1 : 0;
  }
  if (LOCAL_NEGATION.test(before)) neg++;
  const ownNegation = events.some((e) => e.kind === "neg") || /\bno\s*$/i.test(before);
  if (negativeLead && !ownNegation) neg++;
  return { polarity: neg % 2 === 0 ? 1 : -1, ownNegation };
}

/** Relative clauses describe things ("refs that should be rendered"); their modals are not commands. */
export const RELATIVE = /\b(?:that|which|who|whom|whose|where)\b[^,;:]*/gi;

/** A genuine command or permission, as opposed to a fragment ("Two lists, identical layout."). */
export function isCommand(clause: string): boolean {
  // "`web.run` gives normal citations": a masked name followed by a verb describes a tool, it does not command.
  // Exactly three blanks before the verb say the same as three or more, without rescanning a long run of blanks from each of its spaces.
  if (/\s{3}(?:gives|returns|shows|provides|produces|outputs|creates|generates|uses|includes|renders|displays|supports|accepts|takes)\b/.test(clause)) return false;
  if (MODAL_STRONG.test(clause.replace(RELATIVE, ""))) return true;
  const head = clause
    .replace(/^[\s*_>#\-•\d.)]+/, "")
    .replace(/^(?:also|then|and|so|just|simply|kindly|strictly|generally|finally|additionally|lastly|first|second|third|next|now|only|instead|otherwise)\b[,\s]*/i, "");
  if (IMPERATIVE.test(head)) return true;
  const words = /^([a-z]+)(?:[\s,]+([a-z']+))?(?:[\s,]+([a-z']+))?/i.exec(head);
  // "Back each claim with a source": a base verb at the head; "Test files are in tests/": a noun before a verb.
  return Boolean(words && isImperativeVerb(words[1]!) && !AUXILIARY.test(words[2] ?? "") && !AUXILIARY.test(words[3] ?? ""));
}

const AUXILIARY = /^(?:of|is|are|was|were|be|been|should|must|will|would|can|could|may|might|shall|has|have|had|does|do|did|need|needs|contains?|includes?|lives?|holds?)$/i;

const MODAL_STRONG =
  /\b(?:nothing|no (?:other )?[a-z]+) (?:may|can|should|must|shall) (?:ever )?(?:be|follow|appear|come|go|remain|stay)\b|\byour (?:tone|style|voice|register|answers?|responses?|replies|reply|output|writing) (?:is|are)\b|\b(?:needs?|requires?)\b|\b(?:must|should|shall|always|never|need to|needs to|have to|has to|are to|is to|required to|expected to|make sure|ensure|be sure|remember to|it is (?:important|essential|critical|crucial|vital|mandatory|required|imperative)|it's (?:important|essential|critical|crucial|vital)|please|do not|don't|under no circumstances|avoid|refrain|prefer|you may|you can|feel free|want you to|i want|we want|i need you to|you will|you'll|(?:responses?|answers?|replies|output) will)\b|\b(?:all|every|each) (?:of your )?(?:replies|responses|answers|outputs?|messages|reply|response|answer|message) (?:are|is|will be)\b|\b(?:are|is) (?:always )?(?:written|done|handled|managed|built|implemented|formatted|named|indented|kept|installed|run|tested|added|declared|bundled|linted|compiled|styled|checked|executed|pinned|locked|generated) (?:in|with|using|through|via|by)\b|\b(?:are|is) (?:not |never )?(?:appropriate|inappropriate|allowed|permitted|acceptable|unacceptable|welcome|encouraged|discouraged|fine|ok|okay|off-limits|banned|a must|essential|expected|required|forbidden|prohibited|mandatory)\b/i;
