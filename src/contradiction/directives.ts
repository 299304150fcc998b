/**
 * Directive extraction: from instruction text to structured claims such as
 * "format = json, positive, exclusive" or "length <= 100 words", with the scope and condition that narrow them.
 */
import type { PromptDocument, Range } from "../model/document.js";
import { collectBlocks, CONDITIONAL_LEAD, isScopingHeading, NEGATIVE_LEAD, type InstructionBlock } from "./blocks.js";
import { governedByProducer, isImperativeVerb, isKnownVerb } from "./verbs.js";
import { allMatches, NUMBER_PATTERN, parseNumber, splitClauses, splitSentences, stem, whitespaceRuns, wordRuns, type Span } from "./text.js";
import {
  COUNT_GROUPS,
  COUNT_NOUN,
  FILLER_SCOPE,
  GENERIC_NOUNS,
  LANGUAGE_NAME,
  LENGTH_UNIT,
  unitOf,
  VALUE_PATTERNS,
  type Dimension,
} from "./vocabulary.js";

export interface Bound {
  /** `word`/`sentence`/... for length; the item group (`options`) for counts. */
  unit: string;
  min: number;
  max: number;
}

export interface Directive {
  dimension: Dimension;
  /** The constrained value: `json`, `brief`, `english`, `ask`, a tool key, a persona name, a topic key... */
  value: string;
  /** +1 require/allow, -1 forbid. */
  polarity: 1 | -1;
  /** The value is meant to be the whole response ("JSON only", "respond in YAML"). */
  exclusive: boolean;
  /** Phrased as a permission ("you may", "feel free to"). */
  permissive: boolean;
  bound?: Bound;
  /** Content-word stems of the object, for disclosure and tools. */
  topic?: string[];
  /** What the rule is narrowed to (a section, "greetings", a template branch); "" for the whole response. */
  scope: string;
  /** What the object is narrowed to ("links to competitor sites"): conflicts need equal or missing qualifiers. */
  qualifier?: string;
  /** Stated as a command (modal or imperative) rather than as a fragment or a description. */
  command?: boolean;
  /** A prohibition that holds everywhere ("no lists of any kind"): it clashes with permissions in any scope. */
  universal?: boolean;
  /** Under a condition (if/unless/when/otherwise/by default...). */
  conditional: boolean;
  /** Source range of the sentence that states it. */
  range: Range;
  /** The sentence as written (inline code and quotes blanked). */
  sentence: string;
  /** Absolute path of the file, when directives of several files are compared. */
  filePath?: string;
}

const CONDITION =
  /→|->|=>|\b(?:if|unless|when|whenever|except|excepting|otherwise|only (?:when|if|after|for)|in case|as long as|provided that|where (?:appropriate|relevant|possible|necessary|applicable|needed)|as (?:needed|appropriate|necessary)|by default|upon request|on request|depending on|until|once|after (?:the user|they|you have)|in (?:some|certain|rare|most) cases|sometimes|occasionally|optionally|preferably|ideally|generally|usually|typically|normally|in general)\b/i;
const EMPHATIC_CONDITION =
  /\b(?:even (?:if|when|though)|no matter)\b[^,.;]*|\b(?:whenever|wherever) (?:you can|possible)\b|\bwhen (?:you )?(?:start(?:ing)?|begin(?:ning)?)\b(?! (?:to|about|for) )/gi;

/** Words that make a prohibition hold everywhere, overriding any narrower permission. */
const UNIVERSAL = /\b(?:of any (?:kind|sort|type)|at all|whatsoever|entirely|anywhere|in any (?:form|way|reply|response|answer|message|case|circumstances?|situation)|under no circumstances|at no (?:point|time)|no matter what)\b/i;

const MODAL =
  /\byour (?:tone|style|voice|register|answers?|responses?|replies|reply|output|writing) (?:is|are)\b|\b(?:needs?|requires?)\b|\b(?:must|should|shall|always|never|need to|needs to|have to|has to|are to|is to|required to|expected to|make sure|ensure|be sure|remember|it is (?:important|essential|critical|crucial|vital|mandatory|required|imperative)|it's (?:important|essential|critical|crucial|vital)|please|do not|don't|under no circumstances|at no (?:point|time)|avoid|refrain|prefer|may|can|feel free|allowed|forbidden|prohibited|mandatory|required|only|want you to|i want|we want|i need you to|you will|you'll)\b|\bno\s|\b(?:are|is) (?:not |never )?(?:appropriate|inappropriate|allowed|permitted|acceptable|unacceptable|welcome|encouraged|discouraged|fine|ok|okay|off-limits|banned|a must|essential|expected)\b/i;

const IMPERATIVE =
  /^(?:use|respond|reply|answer|write|keep|be|include|add|avoid|give|provide|return|output|format|limit|list|offer|suggest|ask|cite|link|mention|reveal|share|tell|quote|explain|describe|start|begin|end|stay|speak|talk|make|ensure|remember|refer|present|show|put|wrap|structure|stick|focus|introduce|call|act|address|greet|search|browse|check|look|run|execute|skip|omit|feel|sign|close|summari[sz]e|state|express|produce|generate|send|reference|disclose|discuss|bring|adopt|maintain|match|insert|append|prefix|label|restrict|never|always|do|don't|communicate|go|lead|finish|conclude|open|aim|strive|try|prioriti[sz]e|opt|choose|favou?r|deliver|draft|compose|convert|translate|stick|sprinkle|throw|break|organi[sz]e|enumerate|number|present|frame|phrase|word|pepper|spell|refrain|steer|resist|leave|drop|cut|trim|expand|elaborate|walk|detail|break|offer|invoke|consult|query|mirror|emit|render)\b/i;

const PERMISSION = /\b(?:you may|you can|feel free|free to|it'?s (?:ok|okay|fine|acceptable) to|it is (?:ok|okay|fine|acceptable) to|(?:are|is) (?:allowed|permitted|welcome)|allowed to|permitted to|optional(?:ly)?)\b/i;

/**
 * Clauses whose subject is someone other than the model: rules for the user, descriptions of input. This
 * expression is the specification; `hasOtherSubject` below answers the same question without it (compiling it
 * costs ~10 ms, more than a small commit's whole extraction), and a test holds the two equal.
 */
export const OTHER_SUBJECT =
  /^(?:\W*)(?:(?:if|when|whenever|unless)\s+)?(?:the\s+|a\s+|our\s+|some\s+|this\s+|that\s+|each\s+|every\s+)?(?:user|users|customer|customers|client|clients|human|humans|people|visitor|visitors|they|he|she|developer|developers|team|staff|agent|agents|operator|operators|admin|admins|input|inputs|tool|tools|api|apis|server|system returns|data|browsers?|devices?|urls?|links?|files?|pages?|functions?|components?|results?|values?|fields?|parameters?|arguments?|strings?|ids?|elements?|items?|scripts?|commands?|queries|query|requests?|documents?|images?|videos?|emails?|posts?|searches|search results?)\b(?!'s language)/i;

const OTHER_SUBJECT_LEADS = new Set(["if", "when", "whenever", "unless"]);
const OTHER_SUBJECT_DETERMINERS = new Set(["the", "a", "our", "some", "this", "that", "each", "every"]);
const OTHER_SUBJECT_WORDS = new Set(
  ("user users customer customers client clients human humans people visitor visitors they he she developer developers team " +
    "staff agent agents operator operators admin admins input inputs tool tools api apis server data browser browsers device " +
    "devices url urls link links file files page pages function functions component components result results value values " +
    "field fields parameter parameters argument arguments string strings id ids element elements item items script scripts " +
    "command commands queries query request requests document documents image images video videos email emails post posts " +
    "searches").split(" "),
);

function isAsciiWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** End of the run of ASCII word characters (`\w`) that starts at `i`. */
function wordEnd(text: string, i: number): number {
  while (i < text.length && isAsciiWordCode(text.charCodeAt(i))) i++;
  return i;
}

/** `text` holds `literal` (lower-case ASCII) at `at`, ASCII letters compared without case as a non-Unicode /i does. */
function hasLiteralAt(text: string, at: number, literal: string): boolean {
  if (at + literal.length > text.length) return false;
  for (let k = 0; k < literal.length; k++) {
    const want = literal.charCodeAt(k);
    const c = text.charCodeAt(at + k);
    if (c !== want && !(want >= 97 && want <= 122 && c === want - 32)) return false;
  }
  return true;
}

function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(String.fromCharCode(c));
}

/**
 * `OTHER_SUBJECT.test(clause)`, by hand: skip non-word characters; an optional "if/when/whenever/unless" and an
 * optional determiner, each a whole word followed by whitespace; then a subject word (or "system returns",
 * "search result(s)") ending at a word boundary and not followed by "'s language". The word sets do not overlap,
 * so the expression's backtracking has no other way to match.
 */
export function hasOtherSubject(clause: string): boolean {
  const n = clause.length;
  let i = 0;
  while (i < n && !isAsciiWordCode(clause.charCodeAt(i))) i++;
  const skipWord = (set: ReadonlySet<string>): void => {
    const end = wordEnd(clause, i);
    if (end < n && isJsSpace(clause.charCodeAt(end)) && set.has(clause.slice(i, end).toLowerCase())) {
      i = end;
      while (i < n && isJsSpace(clause.charCodeAt(i))) i++;
    }
  };
  skipWord(OTHER_SUBJECT_LEADS);
  skipWord(OTHER_SUBJECT_DETERMINERS);
  let end = wordEnd(clause, i);
  const word = clause.slice(i, end).toLowerCase();
  if (word === "system" || word === "search") {
    if (clause.charCodeAt(end) !== 32) return false;
    const next = wordEnd(clause, end + 1);
    const second = clause.slice(end + 1, next).toLowerCase();
    if (word === "system" ? second !== "returns" : second !== "result" && second !== "results") return false;
    end = next;
  } else if (!OTHER_SUBJECT_WORDS.has(word)) return false;
  return !hasLiteralAt(clause, end, "'s language");
}

const NEGATION =
  /\b(?:never|not|no|without|avoid(?:s|ing)?|refrain(?:ing)?|omit(?:ting)?|exclude|excluding|forbid(?:den)?|prohibit(?:ed)?|disallow(?:ed)?|nor|none|nothing|forget|fail|neglect|hesitate|stop|cease|skip(?:ping)?|leave out|drop|eliminate|strip|ban(?:ned)?|under no circumstances|at no (?:point|time)|steer clear|stay away)\b|n['’]t\b/gi;
const NEGATION_NEUTRAL = /\b(?:not only|not just|no matter|no more than|not more than|no fewer than|no less than|not less than|no longer than|not exceed(?:ing)?|never exceed(?:ing)?|no later than|no doubt|not sure|nothing else|nothing but|no other)\b/gi;
const POSITIVE_RESET = /\b(?:always|must(?! not| never|n't)|make sure|ensure|be sure|remember to|instead)\b/gi;
const LOCAL_NEGATION = /(?:instead of|rather than|in place of|as opposed to)\s+(?:[\w-]+\s+){0,3}$/i;

const EXCLUSIVE =
  /\b(?:only|exclusively|solely|nothing (?:but|else)|no other|strictly|purely|pure|raw|just)\b|\b(?:respond|reply|answer|output|return|format(?:ted)?|formatting|write|structure|emit|produce)\b|\b(?:response|answer|reply|output|result)s? (?:must|should|shall|will|has to|have to|needs? to) (?:always )?be\b|\bvalid\b/i;

const RESPONSE_ANCHOR =
  /\b(?:aim|target|respond|responses?|reply|replies|answer(?:s|ing)?|write|writing|explain|explanations?|describe|output|be|keep (?:it|things|them|everything|your|the|all)|keep\b|messages?|sound|tone|speak|talk|communicate|summar(?:y|ies|i[sz]e)|walk|cover|go into|detail)\b/i;

const DISCLOSURE_VERB =
  /\b(?:reveal|disclose|divulge|share|mention|discuss|talk about|bring up|quote|expose|leak|repeat|tell (?:the user|users|customers?|anyone|them|people|the customer)(?: about)?|give out|confirm|comment on|speculate (?:about|on)|promise|guarantee)\b/gi;

const STOPWORDS = new Set(
  ("a an the any all of to for in on at by with about from or and your our their its my his her this that these those " +
    "some such other more most less least each every either neither no not never always only just also very really " +
    "anything something everything nothing any what which who whom whose it them they you we i me us be is are was were " +
    "been being do does did have has had will would should could can may might must shall please ever exact actual " +
    "specific specifics detail details information info anyone anybody user users customer customers people person " +
    "regarding related relating concerning like as than then so if unless when even though yet still per").split(" "),
);

const PERSONA =
  /\b(?:[Yy]ou are|[Yy]ou['’]re|[Yy]our name is|[Yy]ou go by|[Ii]ntroduce yourself as|[Cc]all yourself|[Rr]efer to yourself as|[Ss]ign (?:off |your (?:messages|emails|replies) )?as|[Pp]lay the role of|[Aa]ct as)\s+(not\s+|never\s+|no longer\s+)?(?:named\s+|called\s+)?([A-Z][A-Za-z0-9'’-]{1,30}(?:\s[A-Z][A-Za-z0-9'’-]{1,30})?)/g;
const NOT_A_NAME =
  /^(?:Not|Allowed|Able|Unable|Now|An?|The|Not|Now|Also|Here|There|Always|Never|Very|Currently|Going|Working|Tasked|Expected|Being|Able|Responsible|Helping|In|On|At|To|For|Our|My|Your|This|That|It|I|We|AI|Only|Just|Still|Free|Allowed|Encouraged|Operating|Running|Talking|Chatting|Speaking|Powered|Built|Trained|Designed|Part|Here|Please|Acting|Assisting|Connected|Deployed|Given|Provided|Using|Based|Inside|Within|Under|Over|Strictly|Highly|Fully|Extremely|Capable|Knowledgeable|Skilled|Friendly|Professional|Direct|Concise|Helpful|Honest|Proactive|Careful|Precise)\b/i;

const TOOLS =
  /\b(?:use|using|call|calling|invoke|invoking|run|access|query|consult|rely on|make use of)\s+(?:the\s+|a\s+|an\s+|any\s+|your\s+|external\s+|other\s+|available\s+|additional\s+)*(?:([`\w.-]+)\s+)?(tools?|functions?|function calls?|plugins?)\b|\b(?:search(?:ing)? (?:the )?(?:web|internet|online)|web[- ]?search(?:es|ing)?|brows(?:e|ing)(?: the (?:web|internet))?|look (?:things |it |this )?up online|access the internet|go online)\b/gi;

const BOUND_WORD =
  "under|below|less than|fewer than|no more than|not more than|at most|maximum of|maximum|max\\.?|up to|within|shorter than|no longer than|(?:do not|don't|must not|should not|shouldn't|never|not) exceed(?:ing)?|exceed(?:ing)?|limit(?:ed)? (?:it |yourself |responses |answers |replies |them |each |every |your (?:response|answer|reply)s? )?to|cap(?:ped)? at|at least|more than|over|minimum of|minimum|min\\.?|no fewer than|no less than|not less than|longer than|exactly|precisely|between";
const NUMERIC = new RegExp(
  `(?:\\b(${BOUND_WORD})\\s+)?(?:(?:a|an|the)\\s+)?\\b(${NUMBER_PATTERN})(?:\\s*(?:-|–|to|or|and)\\s*(${NUMBER_PATTERN}))?(?:\\s+|-)(?:([a-z]+)\\s+)?(${LENGTH_UNIT}|${COUNT_NOUN})\\b(?:\\s+(or (?:less|fewer|under|shorter|below|more|longer|above)|max(?:imum)?|at most|at the most|tops|minimum|at least|or so))?`,
  "gi",
);

const LENGTH_UNIT_ONLY = new RegExp(`^(?:${LENGTH_UNIT})$`, "i");

export interface ExtractOptions {
  filePath?: string;
}

/** Extracts the directives of one document, in source order. */
export function extractDirectives(document: PromptDocument, options: ExtractOptions = {}): Directive[] {
  return extractFromBlocks(collectBlocks(document), options);
}

/** The directives of blocks already collected from a document (callers that need the blocks too collect them once). */
export function extractFromBlocks(blocks: readonly InstructionBlock[], options: ExtractOptions = {}): Directive[] {
  const out: Directive[] = [];
  for (const block of blocks) extractFromBlock(block, out, options);
  return out;
}

/** Extracts directives from plain text (one block, offsets relative to the text). Used by tests and tools. */
export function extractFromText(text: string, options: ExtractOptions & { isItem?: boolean; headings?: string[] } = {}): Directive[] {
  const out: Directive[] = [];
  extractFromBlock({ text, start: 0, headings: options.headings ?? [], isItem: options.isItem ?? false, branch: "" }, out, options);
  return out;
}

function blockScope(block: InstructionBlock): { scope: string; conditional: boolean; negativeLead: boolean } {
  const scoped = block.headings.filter((h, i) => !(i === 0 && block.headings.length > 1 && !CONDITIONAL_LEAD.test(h)) && isScopingHeading(h)).map((h) => h.toLowerCase().replace(/[^a-z0-9 ]/g, "").trim());
  let conditional = block.headings.some((h) => CONDITIONAL_LEAD.test(h) && /^(?:\W*)(?:if|when|whenever|unless)\b/i.test(h));
  let negativeLead = false;
  const lastHeading = block.headings[block.headings.length - 1];
  if (block.listIntro) {
    const intro = block.listIntro.replace(/[*_]/g, "").trim();
    if (NEGATIVE_LEAD.test(intro)) negativeLead = true;
    if (/^(?:\W*)(?:if|when|whenever|unless|in case|for (?!example|instance))\b/i.test(intro) || CONDITION.test(intro.replace(EMPHATIC_CONDITION, ""))) conditional = true;
    const introScope = /^(?:\W*)(?:in|for|during|within|inside)\s+([a-z][\w -]{1,40}?)\s*[:,]/i.exec(intro);
    if (introScope && !isGenericPhrase(introScope[1]!)) scoped.push(introScope[1]!.toLowerCase());
  }
  if (!negativeLead && lastHeading && NEGATIVE_LEAD.test(lastHeading.replace(/[*_]/g, "")) && block.isItem) negativeLead = true;
  if (block.branch) scoped.push(`#${block.branch}`);
  return { scope: scoped.join(" > "), conditional, negativeLead };
}

function isGenericPhrase(phrase: string): boolean {
  const words = phrase
    .toLowerCase()
    .split(/[^a-z'-]+/)
    .filter((w) => w && !STOPWORDS.has(w));
  if (words.length === 0) return true;
  if (FILLER_SCOPE.test(phrase.trim()) && words.length <= 1) return true;
  return words.every((w) => GENERIC_NOUNS.has(w) || GENERIC_NOUNS.has(w.replace(/s$/, "")) || FILLER_SCOPE.test(w) || /^(?:sure|clear|simple|natural|friendly|polite|professional|consistent|appropriate|relevant|possible|necessary|first|last|final|next|previous|same|different|new|main|single|whole|entire|complete|proper|correct|right|good|great|helpful|useful|short|long|brief|concise|plain|well|formatted|structured|markdown|valid|strict|pure|raw|only|answering|responding|replying|writing|explaining|general|overall|default|flowing|connected|continuous|running|conversational|friendly|everyday|standard|normal|usual|regular|typical|common|various|multiple|several|many|few|both|either|own|possible|yourself|itself|themselves)$/.test(w));
}

const SCOPE_PREP =
  /\b(?:in|for|within|inside|during|throughout|per|at the (?:start|end|beginning|top|bottom) of|when writing|when answering|when replying to) (?! )(?!(?:the )?(?:user|customer|person|people|them)\b)((?:(?:the|your|a|an|each|every|all|any|its|their|our)\s+)?[a-z][a-z'-]*(?:\s+(?!(?:and|or|but|with|to|that|which|when|if|unless|is|are|be|should|must|keep|use|always|never|do|don't|as|so|than|because|while|since|even|by|from|on|at|of)\b)[a-z][a-z'-]*){0,2})/gi;
const SUBJECT_SCOPE = /^(?:\W*)(?:the\s+|your\s+|all\s+|each\s+|every\s+|any\s+)?([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)\s+(?:must|should|shall|need to|needs to|are to|is to|will|has to|have to|may|can|cannot|can't|must not)\b/i;
const OBJECT_SCOPE =
  /\b(?:write|give|provide|keep|make|draft|compose|create|generate|produce|limit|start|end|begin|finish|open|close)\s+(?:(?:a|an|the|your|each|every|all|any|short|brief|concise|detailed|quick|one|single)\s+)*(?!(?:per|of|in|for|to|with|on|at|by|from|about|as|and|or)\b)([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)/gi;

/** Explanations ("since our customers are in Quebec") give a reason, not a scope. */
const EXPLANATION = /(?:,\s*|\s)(?:since|because|as|so that|so|given that|which|to keep|to make|to help|to avoid)\b[\s\S]*$|\s[—–]\s[\s\S]*$/i;

/** What a clause narrows its rule to, besides the mention itself; "" when it speaks of the whole response. */
function clauseScope(fullClause: string): string {
  const clause = fullClause.replace(EXPLANATION, "");
  const scopes: string[] = [];
  const consider = (phrase: string) => {
    if (/^(?:each|every|all|any)\s/i.test(phrase)) return; // "for every fact": everywhere, not a narrower place
    const cleaned = phrase.toLowerCase().replace(/^(?:the|your|a|an|its|their|our|any|all)\s+/, "").trim();
    if (!isGenericPhrase(cleaned)) scopes.push(cleaned.replace(/^(?:each|every)\s+/, "each "));
  };
  for (const m of allMatches(SCOPE_PREP, clause)) consider(m[1]!);
  const subj = SUBJECT_SCOPE.exec(clause);
  if (subj && !/^(?:you|we|i|it|this|that|they|there|he|she|everything|anything|one|answers|responses|replies)$/i.test(subj[1]!)) consider(subj[1]!);
  for (const m of allMatches(OBJECT_SCOPE, clause)) consider(m[1]!);
  return scopes.sort().join(" & ");
}

/** Blanks every value mention and number so scope detection only sees the words that narrow the rule. */
function withoutMentions(clause: string): string {
  let out = clause.replace(/[()]/g, " ");
  const blankAll = (re: RegExp) => {
    out = out.replace(re, (m) => " ".repeat(m.length));
  };
  for (const p of VALUE_PATTERNS) blankAll(p.re);
  blankAll(NUMERIC);
  return out;
}

/** Polarity of a mention at `index` in `clause`: parity of negation cues before it, reset by "always"/"must". */
function polarityAt(clause: string, index: number, negativeLead: boolean): { polarity: 1 | -1; ownNegation: boolean } {
  let before = clause.slice(0, index).replace(NEGATION_NEUTRAL, (m) => " ".repeat(m.length));
  before = before.replace(EMPHATIC_CONDITION, (m) => " ".repeat(m.length));
  const events: { at: number; kind: "neg" | "reset" }[] = [];
  for (const m of allMatches(NEGATION, before)) events.push({ at: m.index!, kind: "neg" });
  for (const m of allMatches(POSITIVE_RESET, before)) events.push({ at: m.index!, kind: "reset" });
  events.sort((a, b) => a.at - b.at);
  let neg = 0;
  for (const e of events) neg = e.kind === "neg" ? neg + 1 : 0;
  if (LOCAL_NEGATION.test(before)) neg++;
  const ownNegation = events.some((e) => e.kind === "neg") || /\bno\s*$/i.test(before);
  if (negativeLead && !ownNegation) neg++;
  return { polarity: neg % 2 === 0 ? 1 : -1, ownNegation };
}

const SUBJECT_PREDICATE =
  /^[\s,]*(?:[a-z-]+\s+){0,3}?(?:are|is|should|must|may|will|can|need to)\s+(?:be\s+)?(?:(not|never|no longer)\s+)?(?:be\s+)?(?:(forbidden|banned|prohibited|off-limits|inappropriate|unacceptable|discouraged|avoided|disallowed|not allowed|excluded|omitted|left out|removed)|(?:allowed|permitted|welcome|encouraged|fine|ok|okay|appropriate|acceptable|required|expected|used|included|added|a must|essential|mandatory))\b/i;

/** "Emojis are not appropriate": when the mention is the subject, the predicate after it gives the polarity. */
function subjectPolarity(clause: string, start: number, end: number): 1 | -1 | "skip" | undefined {
  const before = clause.slice(0, start).replace(/[*_\s]+/g, " ").trim().toLowerCase();
  // The mention sits in a noun phrase before the verb ("Nested references inside code blocks are not allowed").
  if (before && (before.match(/[a-z]+/g) ?? []).some((w) => isKnownVerb(w) || /^(?:must|should|shall|never|always|not|do|don't|please|can|may|will)$/.test(w))) return undefined;
  const after = clause.slice(end);
  const m = SUBJECT_PREDICATE.exec(after);
  if (!m) {
    // "All bullets must be top-level": a rule about a property of the value, not about using it.
    if (/^[\s,]*(?:[a-z-]+\s+){0,2}?(?:must|should|shall|need to|needs to|has to|have to|are to|is to)\b/i.test(after)) return "skip";
    return undefined;
  }
  const negated = Boolean(m[1]) !== Boolean(m[2]);
  return negated ? -1 : 1;
}

/** A genuine command or permission, as opposed to a fragment ("Two lists, identical layout."). */
function isCommand(clause: string): boolean {
  // "`web.run` gives normal citations": a masked name followed by a verb describes a tool, it does not command.
  if (/\s{3,}(?:gives|returns|shows|provides|produces|outputs|creates|generates|uses|includes|renders|displays|supports|accepts|takes)\b/.test(clause)) return false;
  if (MODAL_STRONG.test(clause.replace(RELATIVE, ""))) return true;
  const head = clause
    .replace(/^[\s*_>#\-•\d.)]+/, "")
    .replace(/^(?:also|then|and|so|just|simply|kindly|strictly|generally|finally|additionally|lastly|first|second|third|next|only|instead|otherwise)\b[,\s]*/i, "");
  return IMPERATIVE.test(head) || isImperativeVerb(/^[a-z]+/i.exec(head)?.[0] ?? "");
}

const MODAL_STRONG =
  /\byour (?:tone|style|voice|register|answers?|responses?|replies|reply|output|writing) (?:is|are)\b|\b(?:needs?|requires?)\b|\b(?:must|should|shall|always|never|need to|needs to|have to|has to|are to|is to|required to|expected to|make sure|ensure|be sure|remember to|it is (?:important|essential|critical|crucial|vital|mandatory|required|imperative)|it's (?:important|essential|critical|crucial|vital)|please|do not|don't|under no circumstances|avoid|refrain|prefer|you may|you can|feel free|want you to|i want|we want|i need you to|you will|you'll|(?:responses?|answers?|replies|output) will)\b|\b(?:are|is) (?:not |never )?(?:appropriate|inappropriate|allowed|permitted|acceptable|unacceptable|welcome|encouraged|discouraged|fine|ok|okay|off-limits|banned|a must|essential|expected|required|forbidden|prohibited|mandatory)\b/i;

/** What a format mention is followed by when it names the response format, not a kind of data ("JSON files"). */
const FORMAT_FOLLOWER =
  /^(?:[*_]*\s*(?:$|[,.;:!)\]—–]|\s(?:format|formatted|object|objects|output|outputs|response|responses|reply|replies|answer|answers|only|block|blocks|array|arrays|structure|syntax|mode|document|report|table|tables|list|lists|string|text|formatting|code|headings?|headers?|bold|italics|emphasis|summary|summaries|paragraphs?|sentences?|explanations?|descriptions?|message|messages|notes?|form|style|and|or|with|without|that|which|when|for|in|to|as|unless|if|instead|rather|at|whenever|wherever|every|each|always|so|because|please|nothing|no|but|from|on|by|like)\b))/i;

const EXCLUSIVE_NEAR = /\b(?:only|exclusively|solely|nothing (?:but|else)|no other|strictly|purely|pure|raw|just)\b/i;
const RESPONSE_FORM =
  /\b(?:respond|reply|answer|output|return|format|write|structure|emit|produce|deliver)\w*\b(?:\s+\w+){0,4}\s+(?:in|as|with|using|into)\s+(?:\w+\s+){0,3}$|\b(?:response|answer|reply|output|result)s?\s+(?:must|should|shall|will|has to|have to|needs? to)\s+(?:always\s+)?be\s+(?:\w+\s+){0,2}$|\b(?:output|return|respond with|reply with|answer with|emit|produce)\s+(?:a |an |the |only |valid |well-formed |strict |raw )*$/i;

/** "JSON only", "respond in YAML", "your output must be valid XML": the format is the whole response. */
function isExclusive(clause: string, start: number, end: number): boolean {
  const before = clause.slice(Math.max(0, start - 40), start);
  const after = clause.slice(end, end + 40);
  if (EXCLUSIVE_NEAR.test(before.split(/\s+/).slice(-4).join(" ")) || /^\s*(?:only|and nothing else|exclusively|alone)\b/i.test(after)) return true;
  if (/\bnothing else\b|\bno other text\b|\bno (?:prose|commentary|explanations?)\b|\bwithout any (?:other |extra |additional )?(?:text|prose|commentary)\b/i.test(clause)) return true;
  return RESPONSE_FORM.test(clause.slice(0, start));
}

const QUALIFIER_AFTER =
  /^\s*(?:such as|like|e\.g\.|that|which|using|written in|based on)\b|^\s*(?:to|from|for|as|like|via|inside|within|in|on|with|about)\s+(?:the\s+|a\s+|an\s+|our\s+|any\s+|your\s+)?([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)/i;
const NEUTRAL_PREMODIFIER =
  /^(?:the|a|an|any|all|no|your|our|their|its|some|many|few|several|multiple|use|using|include|including|add|adding|with|without|of|or|and|in|to|never|always|not|only|just|relevant|appropriate|occasional|simple|clear|short|brief|plain|full|proper|clickable|working|real|actual|valid|inline|source|markdown|numbered|bulleted|bullet|nested|formal|casual|clarifying|follow-up|code|helpful|useful|supporting|reference|emoji|emojis|or|nor|plus|also|them|it)$/i;

/** A narrower target of the mention: "links to competitor sites", "emoji as bullet points", "aggregator URLs". */
function qualifierOf(clause: string, start: number, end: number): string | undefined {
  const rest = clause.slice(end);
  const after = QUALIFIER_AFTER.exec(rest);
  if (after && (after[1] === undefined || !isResponseWord(after[1])) && !/^(?:anything|everything|something|it|them|well|needed|necessary|appropriate|possible|usual|always|default)$/i.test(after[1] ?? "")) return (after[1] ?? after[0].trim()).toLowerCase();
  if (/^[^.;]{0,30}\b(?:on|for|to|with|in|inside|from|about)\s+(?:them|it|these|those|this|that)\b/i.test(rest)) return "(referent)";
  if (/\b(?:these|those|this|that|such)\s+(?:[\w-]+\s+)?$/i.test(clause.slice(Math.max(0, start - 25), start))) return "(referent)";
  if (/\b(?:any )?other (?:way|ways|manner|format|formats|form|means|method|methods)\b|\bin any other\b|\botherwise\b/i.test(rest)) return "other way";
  const noun = postNoun(rest);
  if (noun) return noun;
  const pre = /([A-Za-z][A-Za-z'-]*)[\s/*_-]*$/.exec(clause.slice(Math.max(0, start - 40), start));
  if (pre && !NEUTRAL_PREMODIFIER.test(pre[1]!) && !governedOrNegation(pre[1]!) && !isKnownVerb(pre[1]!) && /^[a-z]/i.test(pre[1]!)) return pre[1]!.toLowerCase();
  return undefined;
}

/** An adjective mention before a noun ("sarcastic crutch phrases", "emoji variations") is about that noun. */
function postNoun(rest: string): string | undefined {
  const noun = /^\s+([a-z][a-z-]{2,})\b/i.exec(rest);
  if (noun && !isResponseWord(noun[1]!) && !isKnownVerb(noun[1]!) && !STOPWORDS.has(noun[1]!.toLowerCase()) && !/^(?:snippets?|samples?|examples?|blocks?|sources?|points?|lists?|items?|citations?|references?|links?|urls?|around|out|up|down|away|back|off|anything|everything|something|and|or|but|only|please|unless|when|if|instead|at|in|on|to|for|with|as|by|from|so|sparingly|always|never|whatsoever|entirely|anywhere|ever|thoughtfully|directly|generously|freely|everywhere|either|too|then|etc|whenever|where|because|since|are|is|be|should|must|will|can|may|that|which|anything|everything|whatsoever)$/i.test(noun[1]!)) return noun[1]!.toLowerCase();
  return undefined;
}

const RESPONSE_WORDS = /^(?:(?:the|your|a|an|all|any|each|every|my|our)\s+)*(?:response|responses|answer|answers|reply|replies|message|messages|output|outputs|text|conversation|conversations|chat|chats|writing|communication|result|results|final answer|interactions?|user|users|customer|customers|them|people|everyone|anyone|reader|readers)$/i;

function isResponseWord(phrase: string): boolean {
  return RESPONSE_WORDS.test(phrase.trim());
}

function governedOrNegation(word: string): boolean {
  return /^(?:never|not|no|avoid|don't|do|use|include|add|any|every|each|with|without|put|insert|sprinkle|give|provide|show|write|output|return|cite|ask|offer|suggest|respond|reply|answer|be|keep|stay|make|always|must|should|can|may|also|please|only)$/i.test(word);
}

const FIRST_PREDICATE = /\b(?:must|should|shall|will|can|may|need to|needs to|has to|have to|is|are|do not|does not|don't|doesn't|never)\b/i;

/**
 * "Webpage-derived prose should have citations", "A great plan is very detailed": the subject is a thing other
 * than the reply or the assistant, so the rule is about that thing.
 */
function aboutSomethingElse(clause: string): boolean {
  const m = FIRST_PREDICATE.exec(clause);
  if (!m || m.index === 0) return false;
  const subject = clause.slice(0, m.index).replace(/[*_]/g, " ").trim();
  if (subject === "") return false;
  const words = subject.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  if (words.length === 0 || words.length > 8) return false;
  if (words.some((w) => (isKnownVerb(w) && !/(?:ing|ed)$/.test(w)) || /^(?:please|always|never|only|also|just|you|we|i|it|this|that|there|everything|if|when|unless)$/.test(w))) return false;
  // A value mention as the whole subject ("Emojis are not appropriate") is judged by its predicate instead.
  const rest = subject.replace(ANY_VALUE_ALL, " ").toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  if (rest.every((w) => STOPWORDS.has(w))) return false;
  return !/^(?:(?:the|your|all|each|every|any|my|our|whole|entire|final|full|overall)\s+)*(?:response|responses|answer|answers|reply|replies|output|outputs|message|messages|result|text|writing|tone|language|style|format|formatting|length)$/i.test(words.join(" "));
}

/** Relative clauses describe things ("refs that should be rendered"); their modals are not commands. */
const RELATIVE = /\b(?:that|which|who|whom|whose|where)\b[^,;:]*/gi;

function isDirective(clause: string, block: InstructionBlock, negativeLead: boolean): boolean {
  if (negativeLead) return true;
  if (MODAL.test(clause.replace(RELATIVE, ""))) return true;
  const head = clause
    .replace(/^[\s*_>#\-•\d.)]+/, "")
    .replace(/^(?:also|then|and|so|just|simply|kindly|strictly|generally|finally|additionally|lastly|first|second|third|next)\b[,\s]*/i, "");
  if (IMPERATIVE.test(head)) return true;
  const words = wordRuns(head); // head.split(/\s+/).filter(Boolean).length
  return (block.isItem && words <= 14) || words <= 6;
}

function extractFromBlock(block: InstructionBlock, out: Directive[], options: ExtractOptions): void {
  const { text } = block;
  const toSource = (i: number) => (block.map ? block.map(i) : block.start + i);
  const context = blockScope(block);
  for (const sentence of splitSentences(text)) {
    let sentenceText = text.slice(sentence[0], sentence[1]);
    if (/\?\s*[*_"'”)]*$/.test(sentenceText)) continue;
    // Code comments and signatures that slipped out of a code block are not rules for the reply.
    if (/^\s*(?:\/\/|#!|\/\*|\*\s|\|)|[{};|]\s*$|=>\s*\w|\(\)\s*[:{]/.test(sentenceText)) continue;
    // Title Case fragments are headings in disguise ("Render Inline Citation").
    if (/^(?:\s*[A-Z][\w'-]*){2,6}\s*$/.test(sentenceText)) continue;
    // "Short emails: simple paragraphs, no bullets": the label narrows what follows; "Description: ..." describes a tool.
    // The whitespace after an optional "(...)" belongs to that group: two adjacent `\s*` split a run of spaces every way.
    const label = /^\s*([A-Za-z][^:.!?]{1,60}?)\s*(?:\([^)]*\)\s*)?:\s+\S/.exec(sentenceText);
    let labelScope = /:\s*(?:[*_]+\s*)?$/.test(sentenceText) ? sentenceText.toLowerCase().replace(/[^a-z0-9 ]/g, "").trim() : "";
    if (label) {
      if (/^(?:description|usage|parameters?|params|args|arguments|returns?|signature|schema|type|example|examples|e\.g|input|inputs|note|source|post content)$/i.test(label[1]!.trim())) continue;
      if (isScopingHeading(label[1]!)) labelScope = label[1]!.toLowerCase().trim();
    }
    void sentenceText;
    const conditional = context.conditional || CONDITION.test(sentenceText.replace(EMPHATIC_CONDITION, ""));
    const range: Range = [toSource(sentence[0]), toSource(sentence[1])];
    const base = {
      conditional,
      range,
      sentence: sentenceText,
      ...(options.filePath ? { filePath: options.filePath } : {}),
    };
    const seen = new Set<string>();
    const add = (d: Omit<Directive, "conditional" | "range" | "sentence">) => {
      const key = `${d.dimension}|${d.value}|${d.polarity}|${d.bound ? `${d.bound.min}-${d.bound.max}` : ""}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ ...d, ...base });
    };
    // "In greetings, never use emoji": a leading phrase narrows every clause of the sentence.
    const lead = /^\s*(?:in|for|during|within|inside)\s+([^,:;]{2,60}),/i.exec(sentenceText);
    if (lead && !isGenericPhrase(lead[1]!) && !labelScope) labelScope = lead[1]!.toLowerCase().replace(/^(?:the|your|a|an)\s+/, "").trim();
    const clauseContext = labelScope ? { ...context, scope: [context.scope, labelScope].filter(Boolean).join(" > ") } : context;
    for (const clauseSpan of splitClauses(text, sentence)) extractFromClause(text.slice(clauseSpan[0], clauseSpan[1]), block, clauseContext, add, sentenceText);
  }
}

/** A cheap first pass: clauses without any of these words cannot hold a directive we model. */
const TRIGGER =
  /json|ya?ml|xml|csv|table|tabular|markdown|markup|plain|prose|format|code|concise|brief|succinct|terse|short|point|liner|minimal|detail|depth|thorough|comprehensive|elaborat|exhaustive|length|long|verbose|extensive|step|bullet|list|english|spanish|french|german|italian|portuguese|dutch|japanese|chinese|mandarin|cantonese|korean|russian|arabic|hindi|polish|swedish|turkish|hebrew|ukrainian|vietnamese|indonesian|greek|czech|danish|finnish|norwegian|thai|romanian|hungarian|catalan|tagalog|malay|bengali|urdu|persian|farsi|swahili|language|formal|casual|informal|laid|slang|colloquial|chatty|busines|humou?r|joke|joking|funny|pun|wit|playful|sarcas|banter|jok|hearted|serious|nonsense|emoj|emoticon|smiley|kaomoji|question|clarif|asking|cit|source|footnote|reference|link|url|web address|snippet|reveal|disclos|divulg|share|mention|discuss|talk|bring up|quote|expos|leak|repeat|tell|give out|confirm|comment|speculat|promis|guarantee|tool|function|plugin|search|brows|online|internet|you are|you're|your name|go by|yourself|sign|role of|act as|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|single|couple/i;

/** "the importance of having only JSON": the value is talked about, not asked for. */
const META_MENTION = /\b(?:about|regarding|of|on)\s+(?:(?!use|using|include|including|add|adding|write|writing|output|outputting|respond|responding|reply|replying|answer|answering)[\w-]+\s+){1,4}$/i;

const COMPARATIVE_BEFORE = /\b(?:more|less|fewer|most|least|how|too|overly|excessively)\s+$/i;
const PLACE_BEFORE = /\b(?:in|inside|within|into|as)\s+(?:a\s+|an\s+|the\s+|your\s+)?$/i;

/** "put headers in bullets", "use emoji as bullet points": a verb with its own object before "in"/"as". */
function hasOwnObjectBefore(before: string): boolean {
  const place = PLACE_BEFORE.exec(before);
  if (!place) return false;
  const words = before.slice(0, place.index).trim().split(/\s+/);
  for (let i = words.length - 1, n = 0; i >= 0 && n < 5; i--, n++) {
    const w = words[i]!.toLowerCase().replace(/[^a-z'-]/g, "");
    if (isKnownVerb(w) && i < words.length - 1) {
      // Adverbs and particles ("respond strictly in", "lay out the answer with") are not an object of their own.
      const object = words
        .slice(i + 1)
        .filter((x) => !/ly$/i.test(x) && !/^(?:out|up|down|back|off|away|only|just|always|never|all|everything|it|them)$/i.test(x))
        .join(" ");
      if (object === "") return false;
      return !isGenericPhrase(object) && !/^(?:it|them|this|that|everything|all|things)$/i.test(object);
    }
  }
  return false;
}
const USE_FOR_BEFORE = /\b(?:use|using|used)\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+|these\s+|those\s+|your\s+)?([\w-]+(?:\s+[\w-]+){0,2})\s+(?:to|for)\b[^.;:]{0,100}$/i;
const ANY_VALUE = new RegExp(VALUE_PATTERNS.map((p) => `(?:${p.re.source})`).join("|"), "i");
/** The same, global: `replace` starts and ends a global search at lastIndex 0, so one instance serves every call. */
const ANY_VALUE_ALL = new RegExp(ANY_VALUE.source, "gi");

function extractFromClause(
  clause: string,
  block: InstructionBlock,
  context: { scope: string; conditional: boolean; negativeLead: boolean },
  add: (d: Omit<Directive, "conditional" | "range" | "sentence">) => void,
  sentenceText: string,
): void {
  if (!TRIGGER.test(clause)) return;
  const scopeOf = (extra: string) => [context.scope, extra].filter(Boolean).join(" > ");
  // Persona names are statements of identity rather than commands: no modal needed.
  for (const m of allMatches(PERSONA, clause)) {
    const name = m[2]!;
    if (NOT_A_NAME.test(name) || /^[A-Z]{5,}$/.test(name.split(" ")[0]!)) continue;
    const negated = Boolean(m[1]) || /\b(?:not|never)\s*$/i.test(clause.slice(0, m.index!));
    add({ dimension: "persona", value: name.toLowerCase(), polarity: negated ? -1 : 1, exclusive: true, permissive: false, scope: scopeOf(""), topic: [name] });
  }

  if (hasOtherSubject(clause) || aboutSomethingElse(clause)) return;
  // Long clauses are descriptions and nested exceptions more often than rules; their polarity is not reliable.
  if (whitespaceRuns(clause) + 1 > 40) return; // the length of clause.split(/\s+/)
  const directive = isDirective(clause, block, context.negativeLead);
  const permissive = PERMISSION.test(clause);
  let scopeCache: string | undefined;
  const localScopeOf = () => (scopeCache ??= clauseScope(withoutMentions(clause)));

  if (!directive) return;
  const command = isCommand(clause) || context.negativeLead;

  for (const pattern of VALUE_PATTERNS) {
    for (const m of allMatches(pattern.re, clause)) {
      const start = m.index!;
      const end = start + m[0].length;
      const before = clause.slice(0, start);
      if (!governedByProducer(pattern.dimension, before.replace(/\b[a-z]+ed\s*$/i, ""))) continue;
      if (META_MENTION.test(before) && !/\b(?:instead of|rather than|in place of|as opposed to)\b/i.test(before.slice(-40))) continue;
      if (COMPARATIVE_BEFORE.test(before)) continue;
      // "use writing blocks for explanations, lists...": the rule is about the thing used, not the value.
      const useFor = USE_FOR_BEFORE.exec(before);
      if (useFor && !ANY_VALUE.test(useFor[1]!)) continue;
      // "do not put headers in bullets": the rule is about what goes inside, not about the container.
      if (hasOwnObjectBefore(before)) continue;
      const asSubject = subjectPolarity(clause, start, end);
      if (asSubject === "skip") continue;
      let { polarity } = polarityAt(clause, start, context.negativeLead);
      if (asSubject !== undefined) polarity = asSubject;
      if (/^no\s/i.test(m[0])) polarity = polarity === 1 ? -1 : 1;
      if (pattern.inverted) polarity = polarity === 1 ? -1 : 1;
      let value = pattern.value;
      if (pattern.dimension === "language" && value === "*") {
        const lang = LANGUAGE_NAME.exec(m[0]);
        if (!lang) continue;
        value = lang[1]!.toLowerCase();
        if (!RESPONSE_ANCHOR.test(clause) && !/\bonly\b/i.test(m[0])) continue;
      }
      if (pattern.dimension === "language" && value === "user" && !RESPONSE_ANCHOR.test(clause)) continue;
      if (pattern.dimension === "verbosity") {
        if (!RESPONSE_ANCHOR.test(clause)) continue;
        if (/\b(?:think|reason|plan|work)\b[^.]{0,20}step[- ]by[- ]step/i.test(clause)) continue;
      }
      if (pattern.dimension === "questions" && /\b(?:before|without|instead of) asking\b/i.test(m[0]) && !/\b(?:without|instead of)\b/i.test(m[0])) continue;
      if (pattern.dimension === "format" && !FORMAT_FOLLOWER.test(clause.slice(end))) continue;
      if (pattern.dimension === "format" && pattern.value === "prose" && /\b(?:inside|within|into|in your|in the)\s+$/i.test(before)) continue;
      const exclusive = Boolean(pattern.exclusive) || (pattern.dimension === "format" && isExclusive(clause, start, end));
      // Positive rules must be real commands; fragments only count as prohibitions or "X only".
      if (polarity === 1 && !command && asSubject === undefined && !(exclusive && /\bonly\b/i.test(clause))) continue;
      const qualifier = qualifierOf(clause, start, end);
      const universal = polarity === -1 && UNIVERSAL.test(clause);
      // "brief quotes", "short creative writing": the length word describes that thing, not the reply.
      const extraScope = pattern.dimension === "verbosity" ? (postNoun(clause.slice(end)) ?? "") : "";
      add({
        dimension: pattern.dimension,
        value,
        polarity,
        exclusive,
        permissive,
        scope: scopeOf([localScopeOf(), extraScope].filter(Boolean).join(" & ")),
        ...(qualifier ? { qualifier } : {}),
        ...(universal ? { universal } : {}),
        ...(command ? { command } : {}),
      });
    }
  }

  extractNumeric(clause, context, permissive, localScopeOf, scopeOf, add);
  extractTools(clause, context, permissive, scopeOf, localScopeOf, add);
  extractDisclosure(clause, context, permissive, scopeOf, add, sentenceText);
}

function extractNumeric(
  clause: string,
  context: { negativeLead: boolean },
  permissive: boolean,
  localScopeOf: () => string,
  scopeOf: (extra: string) => string,
  add: (d: Omit<Directive, "conditional" | "range" | "sentence">) => void,
): void {
  for (const m of allMatches(NUMERIC, clause)) {
    const [, boundWord, n1, n2, , unitRaw, after] = m;
    const a = parseNumber(n1!);
    if (a === undefined) continue;
    const b = n2 ? parseNumber(n2) : undefined;
    const isLength = LENGTH_UNIT_ONLY.test(unitRaw!);
    let unit: string;
    if (isLength) unit = unitOf(unitRaw!);
    else {
      const singular = unitRaw!.toLowerCase().replace(/(?:es)$/, (s) => (/(?:approaches)$/i.test(unitRaw!) ? "" : s)).replace(/s$/, "");
      const key = singular === "approache" ? "approach" : singular;
      const group = COUNT_GROUPS[key];
      if (!group || group === "steps") continue;
      unit = group;
    }
    let min = a;
    let max = b ?? a;
    const bw = (boundWord ?? "").toLowerCase();
    const tail = (after ?? "").toLowerCase();
    if (/^(?:under|below|less than|fewer than|shorter than)$/.test(bw)) {
      min = 0;
      max = a;
    } else if (/^(?:no more than|not more than|at most|maximum|maximum of|max\.?|up to|within|no longer than|cap|capped at|cap at)$/.test(bw) || /exceed/.test(bw) && /^(?:do not|don't|must not|should not|shouldn't|never|not)/.test(bw) || /^limit/.test(bw)) {
      min = 0;
      max = b ?? a;
    } else if (/^(?:exceed|exceeding)$/.test(bw)) {
      min = a + 1;
      max = Infinity;
    } else if (/^(?:at least|minimum|minimum of|min\.?|no fewer than|no less than|not less than)$/.test(bw)) {
      min = a;
      max = Infinity;
    } else if (/^(?:more than|over|longer than)$/.test(bw)) {
      min = a + 1;
      max = Infinity;
    }
    if (/^(?:or less|or fewer|or under|or shorter|or below|max|maximum|at most|at the most|tops)$/.test(tail)) {
      min = 0;
      max = a;
    } else if (/^(?:or more|or longer|or above|minimum|at least)$/.test(tail)) {
      min = a;
      max = Infinity;
    } else if (tail === "or so") {
      min = a / 2;
      max = a * 2;
    }
    if (!bw && !tail && !isLength && a === 1 && /^(?:a|an|one)$/i.test(n1!)) continue;
    if (/(?:~|\babout|\baround|\broughly|\bapproximately|\bapprox\.?|\bsome|\bca\.)\s*$/i.test(clause.slice(Math.max(0, m.index! - 16), m.index!)) && !bw) {
      min = a / 2;
      max = a * 2;
    }
    let { polarity, ownNegation } = polarityAt(clause, m.index!, context.negativeLead);
    if (polarity === -1) {
      if (max === Infinity) {
        max = min - 1;
        min = 0;
      } else if (min === 0) {
        min = max + 1;
        max = Infinity;
      } else continue;
      polarity = 1;
    }
    void ownNegation;
    if (isLength && !RESPONSE_ANCHOR.test(clause) && !/\blimit\b/i.test(clause)) continue;
    if (!isCommand(clause) && !context.negativeLead) continue;
    const perItem = /\b(?:each|every|per)\s+(?:single\s+)?(?:bullet|item|point|line|sentence|paragraph|step|option|section|message)\b/i.test(clause) ? "each" : "";
    // "a quote of under 20 words", "20 words of text from a source": the bound measures that thing, not the reply.
    const measured =
      /\b([a-z][a-z-]+)\s+(?:of|with)\s+(?:a\s+|an\s+)?$/i.exec(clause.slice(0, m.index!))?.[1] ??
      /^\s+(?:of|from)\s+(?:the\s+|a\s+|an\s+|any\s+)?([a-z][a-z-]+)/i.exec(clause.slice(m.index! + m[0].length))?.[1];
    const measuredScope = measured && !isKnownVerb(measured) && !isGenericPhrase(measured) && !/^(?:maximum|minimum|limit|length|total|most|least|up|use|length)$/i.test(measured) ? measured.toLowerCase() : "";
    add({
      dimension: isLength ? "length" : "count",
      value: unit,
      polarity,
      exclusive: false,
      permissive,
      bound: { unit, min, max },
      scope: scopeOf([localScopeOf(), perItem, measuredScope].filter(Boolean).join(" & ")),
    });
  }
}

function extractTools(
  clause: string,
  context: { negativeLead: boolean },
  permissive: boolean,
  scopeOf: (extra: string) => string,
  localScopeOf: () => string,
  add: (d: Omit<Directive, "conditional" | "range" | "sentence">) => void,
): void {
  for (const m of allMatches(TOOLS, clause)) {
    let value: string;
    if (m[2]) {
      const name = (m[1] ?? "").replace(/`/g, "").toLowerCase();
      const lead = clause.slice(Math.max(0, m.index!), m.index! + m[0].length).toLowerCase();
      if (!name) {
        // Bare "tools" or "any/all/external tools" means every tool; "a tool", "this tool" is some tool we cannot name.
        if (/\b(?:this|that|the|a|an|each|its|their|one|which)\s+(?:[\w-]+\s+)?(?:tool|function|plugin)s?\b/.test(lead) && !/\b(?:any|all|external)\b/.test(lead)) continue;
        if (/(?:tool|function|plugin)\b(?!s)/.test(lead) && !/\bany\b/.test(lead)) continue;
        value = "*";
      } else if (/^(?:any|all|external|other|additional)$/.test(name)) value = "*";
      else if (/^(?:these|those|such|the|of|provided|following|given|available|built-in|no|this|that|a|an|each|multiple|several|some|your|its|their|relevant|appropriate|right|correct|same|specific|certain|new|custom|mcp|native|standard)$/.test(name)) continue;
      else value = name.replace(/[_-]/g, " ");
      if (/^(?:search|web search|browser|browsing)$/.test(value)) value = "web";
    } else value = "web";
    const { polarity } = polarityAt(clause, m.index!, context.negativeLead);
    if (polarity === 1 && !isCommand(clause)) continue;
    const qualifier = qualifierOf(clause, m.index!, m.index! + m[0].length);
    add({ dimension: "tools", value, polarity, exclusive: false, permissive, scope: scopeOf(localScopeOf()), ...(qualifier ? { qualifier } : {}) });
  }
}

function topicWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[^a-z0-9'-]+/)
    .filter((w) => w.length > 2 && !STOPWORDS.has(w))
    .map(stem);
}

const DISCLOSURE_OBJECT = /^\s*((?:[A-Za-z0-9'’-]+\s*){1,5}?)(?=$|[,.;:!)(]|\s(?:to|with|in|on|at|for|from|unless|if|when|even|or|and|but|because|since|without|before|after|under|as|that|which|who|so|until|into|by|than|instead)\b)/;

function extractDisclosure(
  clause: string,
  context: { negativeLead: boolean },
  permissive: boolean,
  scopeOf: (extra: string) => string,
  add: (d: Omit<Directive, "conditional" | "range" | "sentence">) => void,
  sentenceText: string,
): void {
  void sentenceText;
  for (const m of allMatches(DISCLOSURE_VERB, clause)) {
    const rest = clause.slice(m.index! + m[0].length);
    const obj = DISCLOSURE_OBJECT.exec(rest);
    if (!obj) continue;
    const words = topicWords(obj[1]!);
    if (words.length === 0 || words.length > 4) continue;
    // Objects that other dimensions own (emoji, links, code, sources...) are judged there, not as topics.
    if (words.every((w) => GENERIC_NOUNS.has(w) || GENERIC_NOUNS.has(`${w}s`) || /^(?:emoj|link|url|sourc|citation|cod|snippet|json|yaml|table|list|bullet|question|clarification|tool|function|exampl|step|option|answer|respons|repl|summary|summar|help|assistanc|support|feedback|suggestion|recommendation|context|reason|explanation|tip|detail|alternativ|choic|idea|way|thing|valu|guidanc)/.test(w))) continue;
    const { polarity } = polarityAt(clause, m.index!, context.negativeLead);
    add({
      dimension: "disclosure",
      value: words.slice().sort().join(" "),
      polarity,
      exclusive: false,
      permissive,
      topic: words,
      scope: scopeOf(""),
    });
  }
}

export type { Span };
