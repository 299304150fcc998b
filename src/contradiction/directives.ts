/**
 * Directive extraction: from instruction text to structured claims such as
 * "format = json, positive, exclusive" or "length <= 100 words", with the scope and condition that narrow them.
 */
import type { PromptDocument, Range } from "../model/document.js";
import { collectBlocks, CONDITIONAL_LEAD, isScopingHeading, NEGATIVE_LEAD, type InstructionBlock } from "./blocks.js";
import { governedByProducer, isImperativeVerb, isKnownVerb } from "./verbs.js";
import { EMPHATIC_CONDITION, IMPERATIVE, isCommand, isPermission, LOCAL_NEGATION, polarityAt, RELATIVE } from "./grammar.js";
import { conditionKey, isHedged, soundsAbsolute, statesOverride } from "./strength.js";
import { extractBulletMarker, extractQuoted, QUOTED_TRIGGER, type AddDirective } from "./quoted.js";
import { extractConfirmation } from "./confirmation.js";
import { ACTION_TRIGGER, extractAction, isActionVerb } from "./actions.js";
import { codeScope, folderScope, indentWidth, namingTargets, roleToolValue, segmentAround, TOOL_NAME_TRIGGER, toolValue } from "./vocabulary-code.js";
import { LiteralScanner, mayMatch } from "./literal-prefilter.js";
import { ANY_VALUE, literalsOf } from "./value-literals.js";
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
  type ValuePattern,
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
  /** What the clause itself names ("summaries" in "keep summaries brief"): separates rules only from other named things. */
  focus?: string;
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
  /** The exact string the rule is about: a keyword, an opening or closing phrase, a bullet marker. */
  literal?: string;
  /** What a naming rule applies to (`variable`, `function`, `file`...); empty for any name. */
  targets?: string[];
  /** Holds without exception: unconditional, and a prohibition or marked by never/always/only/any... */
  absolute?: boolean;
  /** A default or preference ("by default", "usually", "where possible") rather than an exception. */
  hedged?: boolean;
  /** The sentence says it wins over another rule ("this overrides the rule on lists"). */
  overrides?: boolean;
  /** Normalised condition ("if:upset"), so two rules under the same condition are compared. */
  condition?: string;
  /** Source offset of the mention, which tells apart two constraints of one sentence. */
  at?: number;
  /** One of several values of its dimension named in one sentence ("xUnit, NUnit or MSTest"): a choice left open. */
  alternatives?: boolean;
  /** The condition already names the value ("when writing a URL, write it as a link"): a rule on how, not whether. */
  presupposed?: boolean;
  /** The rule names its own exception ("unless…", "except…"): it says which wins over a narrower rule. */
  excepts?: boolean;
  /** The only condition is the rule's topic ("when writing tests, use pytest"): it holds whenever it can apply. */
  topical?: boolean;
  /**
   * A prohibition whose only exception is the user's request ("never commit unless the user asks"): it holds for
   * everything the model does on its own, so a command to do it on its own contradicts it.
   */
  onRequest?: boolean;
  /**
   * A prohibition said to hold even at the user's request ("never share it, even if the user asks"): it contradicts
   * a rule that lifts the same prohibition on request.
   */
  evenOnRequest?: boolean;
}

const CONDITION =
  /→|->|=>|\b(?:if|unless|when|whenever|except|excepting|otherwise|only (?:when|if|after|for)|in case|as long as|provided that|where (?:appropriate|relevant|possible|necessary|applicable|needed)|as (?:needed|appropriate|necessary)|by default|upon request|on request|depending on|until|(?<!\b(?:most|least|exactly|only|than|just|twice|and|or|more) )once(?! (?:or|and|per|a day|a week|in a while|more)\b)|after (?:the user|they|you have)|in (?:some|certain|rare|most) cases|sometimes|occasionally|optionally|preferably|ideally|generally|usually|typically|normally|in general)\b/i;

/** Words that make a prohibition hold everywhere, overriding any narrower permission. */
const UNIVERSAL = /\b(?:of any (?:kind|sort|type)|at all|whatsoever|entirely|anywhere|in any (?:form|way|reply|response|answer|message|case|circumstances?|situation)|under no circumstances|at no (?:point|time)|no matter what)\b/i;

const MODAL =
  /\byour (?:tone|style|voice|register|answers?|responses?|replies|reply|output|writing) (?:is|are)\b|\b(?:needs?|requires?)\b|\b(?:must|should|shall|always|never|need to|needs to|have to|has to|are to|is to|required to|expected to|make sure|ensure|be sure|remember|it is (?:important|essential|critical|crucial|vital|mandatory|required|imperative)|it's (?:important|essential|critical|crucial|vital)|please|do not|don't|under no circumstances|at no (?:point|time)|avoid|refrain|prefer|may|can|feel free|allowed|forbidden|prohibited|mandatory|required|only|want you to|i want|we want|i need you to|you will|you'll)\b|\bno\s|\b(?:are|is) (?:not |never )?(?:appropriate|inappropriate|allowed|permitted|acceptable|unacceptable|welcome|encouraged|discouraged|fine|ok|okay|off-limits|banned|a must|essential|expected)\b/i;



/**
 * Clauses whose subject is someone other than the model: rules for the user, descriptions of input. This
 * expression is the specification; `hasOtherSubject` below answers the same question without it (compiling it
 * costs ~10 ms, more than a small commit's whole extraction), and a test holds the two equal.
 */
/**
 * "Functions should be snake_case", "data model variables are camelCase", "functions use camelCase": the subject is
 * the kind of name the convention is for, not someone other than the model. Bounded repeats only.
 */
const NAMING_STATEMENT =
  /^[\s*_>#\-\u2022\d.)]*(?:[A-Za-z][\w-]*\s+){1,4}(?:(?:should|must|shall|will|need to|have to|are to)\s+(?:always\s+)?(?:be\s+)?|(?:are|use|follow)\s+)(?:(?:written|named|spelled|in)\s+){0,2}(?:lower[\s_-]+|upper[\s_-]+)?(?:camel|pascal|snake|kebab|screaming[ _-]snake)[ _-]?case\b/i;

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


const EXCLUSIVE =
  /\b(?:only|exclusively|solely|nothing (?:but|else)|no other|strictly|purely|pure|raw|just)\b|\b(?:respond|reply|answer|output|return|format(?:ted)?|formatting|write|structure|emit|produce)\b|\b(?:response|answer|reply|output|result)s? (?:must|should|shall|will|has to|have to|needs? to) (?:always )?be\b|\bvalid\b/i;

const RESPONSE_ANCHOR =
  /\b(?:aim|target|respond|responses?|reply|replies|answer(?:s|ing)?|write|writing|explain|explanations?|describe|descriptions?|output|be|keep (?:it|things|them|everything|your|the|all)|keep\b|messages?|sound|tone|speak|talk|communicate|summar(?:y|ies|i[sz]e)|walk|cover|go into|detail|reports?|reviews?|sections?|posts?|emails?|comments?|notes?|essays?|articles?|stor(?:y|ies)|bios?|captions?|letters?|plans?|analys[ie]s|intro(?:duction)?s?|conclusions?|abstracts?|overviews?|feedback|recaps?|drafts?|copy|text|content|limit|cap|give|provide|deliver|produce|generate|compose|draft)\b/i;

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
  /\b(?:[Yy]ou are|[Yy]ou['’]re|[Yy]our name is|[Yy]ou go by|[Ii]ntroduce yourself as|[Cc]all yourself|[Rr]efer to yourself as|[Ss]ign (?:off |(?:every|each|all|your) (?:[a-z]+ )?)?as|[Pp]lay the role of|[Aa]ct as)\s+(not\s+|never\s+|no longer\s+)?(?:named\s+|called\s+)?["“']?([A-Z][A-Za-z0-9'’-]{1,30}(?:\s[A-Z][A-Za-z0-9'’-]{1,30})?)/g;
const NOT_A_NAME =
  /^(?:Not|Allowed|Able|Unable|Now|An?|The|Not|Now|Also|Here|There|Always|Never|Very|Currently|Going|Working|Tasked|Expected|Being|Able|Responsible|Helping|In|On|At|To|For|Our|My|Your|This|That|It|I|We|AI|Only|Just|Still|Free|Allowed|Encouraged|Operating|Running|Talking|Chatting|Speaking|Powered|Built|Trained|Designed|Part|Here|Please|Acting|Assisting|Connected|Deployed|Given|Provided|Using|Based|Inside|Within|Under|Over|Strictly|Highly|Fully|Extremely|Capable|Knowledgeable|Skilled|Friendly|Professional|Direct|Concise|Helpful|Honest|Proactive|Careful|Precise)\b/i;

const TOOLS =
  /\b(?:use|using|call|calling|invoke|invoking|run|access|query|consult|rely on|make use of)\s+(?:the\s+|a\s+|an\s+|any\s+|your\s+|external\s+|other\s+|available\s+|additional\s+)*(?:([`\w.-]+)\s+)?(tools?|functions?|function calls?|plugins?)\b|\b(?:search(?:ing)? (?:the )?(?:web|internet|online)|web[- ]?search(?:es|ing)?|brows(?:e|ing)(?: the (?:web|internet))?|look (?:things |it |this )?up online|access the internet|go online)\b/gi;

const BOUND_WORD =
  "past|beyond|under|below|less than|fewer than|no more than|not more than|at most|maximum of|maximum|max\\.?|up to|within|shorter than|no longer than|(?:do not|don't|must not|should not|shouldn't|never|not) exceed(?:ing)?|exceed(?:ing)?|limit(?:ed)? (?:it |yourself |responses |answers |replies |them |each |every |your (?:response|answer|reply)s? )?to|cap(?:ped)? at|at least|more than|over|minimum of|minimum|min\\.?|no fewer than|no less than|not less than|longer than|exactly|precisely|between";
const SIGN_WORD: Record<string, string> = { "≤": "at most", "<=": "at most", "<": "under", "≥": "at least", ">=": "at least", ">": "more than" };
const NUMERIC = new RegExp(
  `(?:(\\b(?:${BOUND_WORD})(?=\\s)|(?<![-=<>])(?:≤|<=|≥|>=|<|>)(?![-=<>]))\\s*)?(?:(?:a|an|the)\\s+)?\\b(${NUMBER_PATTERN})(?:\\s*(?:-|–|to|or|and)\\s*(${NUMBER_PATTERN}))?(?:\\s+|-)(?:(?!(?:${LENGTH_UNIT}|${COUNT_NOUN})\\b)([a-z][a-z-]*)\\s+){0,2}(${LENGTH_UNIT}|${COUNT_NOUN}|[a-z]{3,}s)\\b(?:\\s+(or (?:less|fewer|under|shorter|below|more|longer|above)|max(?:imum)?|at most|at the most|tops|minimum|at least|or so))?`,
  "gi",
);

const LENGTH_UNIT_ONLY = new RegExp(`^(?:${LENGTH_UNIT})$`, "i");

export interface ExtractOptions {
  filePath?: string;
  /** Stops reading once this many directives are extracted, and says where (see `directiveLimit`). */
  budget?: ExtractionBudget;
}

/**
 * Directives read from one document before extraction stops: at least `MIN_DIRECTIVES_READ`, and one per
 * `CHARACTERS_PER_DIRECTIVE` characters of a larger file. Real prompts stay far below it: the densest published
 * instruction files state a rule per ~120 characters in files of a few KB, the largest single system prompts hold
 * ~270 rules, and a 460 KB concatenation of all of one vendor's prompts ~500 (a limit of 2,300 there). A 100 KB
 * file of one-line rules would otherwise pay extraction, pair comparison and a report per rule for thousands of
 * them; past the limit a warning says where reading stopped, so nothing passes as checked that was not read.
 */
export const MIN_DIRECTIVES_READ = 500;
export const CHARACTERS_PER_DIRECTIVE = 200;

/** How many directives are read from a document of `length` characters (see `MIN_DIRECTIVES_READ`). */
export function directiveLimit(length: number): number {
  return Math.max(MIN_DIRECTIVES_READ, Math.ceil(length / CHARACTERS_PER_DIRECTIVE));
}

/** How many directives extraction may read, and, when it stopped early, the sentence it stopped at. */
export interface ExtractionBudget {
  max: number;
  stoppedAt?: Range;
}

/** Extracts the directives of one document, in source order. */
export function extractDirectives(document: PromptDocument, options: ExtractOptions = {}): Directive[] {
  return extractFromBlocks(collectBlocks(document), options);
}

/** The directives of blocks already collected from a document (callers that need the blocks too collect them once). */
export function extractFromBlocks(blocks: readonly InstructionBlock[], options: ExtractOptions = {}): Directive[] {
  const out: Directive[] = [];
  for (const block of blocks) {
    if (options.budget?.stoppedAt) break;
    extractFromBlock(block, out, options);
  }
  return out;
}

/** Extracts directives from plain text (one block, offsets relative to the text). Used by tests and tools. */
export function extractFromText(text: string, options: ExtractOptions & { isItem?: boolean; headings?: string[] } = {}): Directive[] {
  const out: Directive[] = [];
  extractFromBlock({ text, raw: text, start: 0, headings: options.headings ?? [], isItem: options.isItem ?? false, branch: "" }, out, options);
  return out;
}

const OCCASIONS_LEAD = /\b(?:for|when|whenever|if|during|in cases?(?: where)?|in situations?(?: where)?)\s*:?\s*$/i;

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
  // "Do NOT use artifacts for:", "Use tables when:": the items are the occasions of a rule stated in the lead, not its objects.
  const lead = block.isItem ? (block.listIntro ?? lastHeading ?? "") : "";
  if (OCCASIONS_LEAD.test(lead.replace(/[*_]/g, ""))) {
    negativeLead = false;
    conditional = true;
  }

  return { scope: scoped.join(" > "), conditional, negativeLead };
}

/**
 * "In summary," and "In general," are fillers; "In the summary," names a part of the reply. A determiner makes the
 * noun after it a place, generic only when the noun names the reply itself ("In your reply,").
 */
function isGenericLead(phrase: string): boolean {
  const det = /^(?:the|your|our|this|that|these|those)\s+([a-z][\w\s'-]*)$/i.exec(phrase.trim());
  if (!det) return isGenericPhrase(phrase);
  return det[1]!.toLowerCase().split(/\s+/).every((w) => GENERIC_NOUNS.has(w) || GENERIC_NOUNS.has(w.replace(/s$/, "")) || STOPWORDS.has(w));
}

function isGenericPhrase(phrase: string): boolean {
  const words = phrase
    .toLowerCase()
    .split(/[^a-z'-]+/)
    .filter((w) => w && !STOPWORDS.has(w));
  if (words.length === 0) return true;
  if (FILLER_SCOPE.test(phrase.trim()) && words.length <= 1) return true;
  return words.every((w) => GENERIC_NOUNS.has(w) || GENERIC_NOUNS.has(w.replace(/s$/, "")) || FILLER_SCOPE.test(w) || /^(?:sure|clear|simple|natural|friendly|polite|professional|consistent|appropriate|relevant|possible|necessary|first|last|final|next|previous|same|different|new|main|single|whole|entire|complete|proper|correct|right|good|great|helpful|useful|short|long|brief|concise|plain|well|formatted|structured|markdown|valid|strict|pure|raw|only|answering|responding|replying|writing|explaining|general|overall|default|flowing|connected|continuous|running|conversational|friendly|everyday|standard|normal|usual|regular|typical|common|various|multiple|several|many|few|both|either|own|possible|yourself|itself|themselves|square|curly|angle|angular|round|brackets?|braces?|parentheses|serious|formal|casual|neutral|light|playful|warm|calm|friendly|polite|strictly|purely|tone|register|voice)$/.test(w));
}

const SCOPE_PREP =
  /\b(?:in|for|within|inside|during|throughout|per|at the (?:start|end|beginning|top|bottom) of|when writing|when answering|when replying to) (?! )(?!(?:the )?(?:user|customer|person|people|them)\b)((?:(?:the|your|a|an|each|every|all|any|its|their|our)\s+)?[a-z][a-z'-]*(?:\s+(?!(?:and|or|but|with|to|that|which|when|if|unless|is|are|be|should|must|keep|use|always|never|do|don't|as|so|than|because|while|since|even|by|from|on|at|of)\b)[a-z][a-z'-]*){0,2})/gi;
const SUBJECT_SCOPE = /^(?:\W*)(?:the\s+|your\s+|all\s+|each\s+|every\s+|any\s+)?([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)\s+(?:must|should|shall|need to|needs to|are to|is to|will|has to|have to|may|can|cannot|can't|must not)\b/i;
const OBJECT_SCOPE =
  /\b(?:write|give|provide|keep|make|draft|compose|create|generate|produce|limit|start|end|begin|finish|open|close|review|analy[sz]e|examine|investigate|research|debug|inspect)\s+(?:(?:a|an|the|your|each|every|all|any|short|brief|concise|detailed|quick|one|single)\s+)*(?!(?:per|of|in|for|to|with|on|at|by|from|about|as|and|or)\b)([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)/gi;

/** Explanations ("since our customers are in Quebec") give a reason, not a scope. */
const EXPLANATION = /(?:,\s*|\s)(?:since|because|as|so that|so|given that|which|to keep|to make|to help|to avoid)\b[\s\S]*$|\s[—–]\s[\s\S]*$/i;

const SCOPE_FILLER = /^(?:free|clear|devoid|the|a|an|your|our|their|its|my|each|every|all|any|whole|entire|final|full|complete|overall|main|this|that|these|those|same|two|three|four|five|six|seven|eight|nine|ten|several|few|many|more|first|immediately|directly|now|then|again|later|afterwards|also|too|quickly|instead)$/;

/** Nouns that name the whole deliverable of a prompt ("keep the review under 150 words"): no narrower place. */
const DELIVERABLE = /^(?:report|reports|review|reviews|plan|plans|analysis|analyses|article|articles|essay|essays|document|documents|doc|docs|deliverable|deliverables|writeup|write-up|proposal|proposals|memo|memos|piece|work|feedback|guidance|advice|critique|critiques|answer|answers)$/;

/** A subject that names the deliverable of the prompt ("The report", "Recommendations from Claude"). */
function isDeliverable(subject: string): boolean {
  const words = (subject.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).filter((w) => !SCOPE_FILLER.test(w) && !STOPWORDS.has(w) && !SELF_WORD.test(w));
  return words.length > 0 && words.every((w) => DELIVERABLE.test(w) || isGenericPhrase(w));
}
const SELF_WORD = /^(?:claude|chatgpt|gemini|copilot|grok|assistant|model|bot|ai|agent)$/;

/** A scope phrase as compared: content words, stemmed ("the final recipe descriptions" -> "recip description"). */
function normaliseScope(phrase: string, keepDeliverables = false): string {
  const words = (phrase.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).filter((w) => !SCOPE_FILLER.test(w) && !STOPWORDS.has(w) && !SELF_WORD.test(w));
  // "questions worded as if I asked them": a participle after the noun describes it, it names no other thing.
  while (words.length > 0 && /^[a-z]{3,}ed$/.test(words[words.length - 1]!) && !/^(?:need|feed|seed|speed|bed|shed)$/.test(words[words.length - 1]!)) words.pop();
  if (words.length === 0 || isGenericPhrase(words.join(" "))) return "";
  if (!keepDeliverables && words.every((w) => DELIVERABLE.test(w) || isGenericPhrase(w))) return "";
  return words.map(stem).join(" ");
}

/** What a clause narrows its rule to, besides the mention itself; "" when it speaks of the whole response. */
function clauseScope(fullClause: string): string {
  const clause = fullClause.replace(EXPLANATION, "");
  const scopes: string[] = [];
  const consider = (phrase: string) => {
    if (/^(?:each|every|all|any)\s/i.test(phrase)) return; // "for every fact": everywhere, not a narrower place
    const cleaned = phrase.toLowerCase().replace(/^(?:the|your|a|an|its|their|our|any|all)\s+/, "").trim();
    if (!isGenericPhrase(cleaned)) scopes.push(normaliseScope(cleaned.replace(/^(?:each|every)\s+/, "")));
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
  // Blanking turns characters into spaces, which can complete a literal with a space in it: after each change, the
  // text around the blanked mentions is scanned again and its candidates added. A pattern whose literal was blanked
  // away keeps its mark and is run for nothing, which changes no result.
  const candidates = candidatePatterns(out.toLowerCase());
  const blankAll = (re: RegExp) => {
    const blanked: [number, number][] = [];
    const next = out.replace(re, (m: string, ...rest: unknown[]) => {
      const at = rest.find((x) => typeof x === "number") as number;
      blanked.push([at, at + m.length]);
      return " ".repeat(m.length);
    });
    if (next === out) return;
    out = next;
    const reach = patternScanner!.reach - 1;
    for (const [start, end] of blanked) rescanCandidates(candidates, out.slice(Math.max(0, start - reach), end + reach).toLowerCase());
  };
  // Numbers first: "exactly 5 bullet points" is one bound, and blanking "bullet points" first would leave "exactly".
  blankAll(NUMERIC);
  VALUE_PATTERNS.forEach((p, i) => {
    if (candidates[i]) blankAll(p.re);
  });
  return out;
}


const SUBJECT_PREDICATE =
  /^[\s,]*(?:[a-z-]+\s+){0,3}?(?:(?:are|is|should|must|may|will|can|need to)\s+(?:be\s+)?|(?=(?:is|are)n['’]t\b))(?:(not|never|no longer|isn['’]t|aren['’]t)\s+)?(?:be\s+)?(?:(forbidden|banned|prohibited|off-limits|inappropriate|unacceptable|discouraged|avoided|disallowed|not allowed|excluded|omitted|left out|removed)|(?:allowed|permitted|welcome|encouraged|fine|ok|okay|appropriate|acceptable|required|expected|used|included|added|a must|essential|mandatory|installed|available|supported|preferred|the (?:standard|default|convention|preferred (?:format|style|way))))\b/i;

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
  /^(?:the|a|an|any|all|no|your|our|their|its|some|many|few|several|multiple|external|outside|third-party|extremely|very|really|super|ultra|highly|quite|fairly|rather|use|using|include|including|add|adding|with|without|of|or|and|in|to|never|always|not|only|just|relevant|appropriate|occasional|simple|clear|short|brief|plain|full|proper|clickable|working|real|actual|valid|inline|source|markdown|numbered|bulleted|bullet|formal|casual|clarifying|follow-up|code|helpful|useful|supporting|reference|emoji|emojis|or|nor|plus|also|them|it|as|into|in|for|via|than|single|one|every|each|by|on|at|from|about|after|before|upon|while|strictly|purely|entirely|completely|totally|consistently|crack|cracking|tell|telling)$/i;

/** A narrower target of the mention: "links to competitor sites", "emoji as bullet points", "aggregator URLs". */
function qualifierOf(clause: string, start: number, end: number): string | undefined {
  const rest = clause.slice(end);
  // "print the full URL in parentheses": where a thing goes, or how it is marked, does not narrow what it is.
  const after = PLACEMENT_AFTER.test(rest) ? null : QUALIFIER_AFTER.exec(rest);
  // "a light joke to break the ice": "to" and a verb give the purpose, not a narrower target.
  const purpose = after?.[1] !== undefined && /^\s*to\s/i.test(after[0]) && isKnownVerb(after[1].split(/\s+/)[0]!);
  if (after && !purpose && (after[1] === undefined || !isResponseWord(after[1])) && !/^(?:anything|everything|something|it|them|well|needed|necessary|appropriate|possible|usual|always|default)$/i.test(after[1] ?? "")) {
    // "sources that impact answers" and "sources that promote hate": the relative clause's own words tell them apart.
    if (after[1] === undefined) return `${after[0].trim().toLowerCase()} ${(rest.slice(after[0].length).match(/[a-z][a-z'-]*/gi) ?? []).slice(0, 3).join(" ").toLowerCase()}`.trim();
    return after[1].toLowerCase();
  }
  // "unless the user asks for them": a pronoun inside the rule's condition points back at the mention itself.
  const ownRest = rest.replace(/\b(?:unless|if|when|whenever|even)\b[\s\S]*$/i, "");
  if (/^[^.;]{0,30}\b(?:on|for|to|with|in|inside|from|about)\s+(?:them|it|these|those|this|that)\b/i.test(ownRest)) return "(referent)";
  if (/\b(?:these|those|this|that|such)\s+(?:[\w-]+\s+)?$/i.test(clause.slice(Math.max(0, start - 25), start))) return "(referent)";
  if (/\b(?:any )?other (?:way|ways|manner|format|formats|form|means|method|methods)\b|\bin any other\b|\botherwise\b/i.test(rest)) return "other way";
  const noun = postNoun(rest);
  if (noun) return noun;
  const pre = /([A-Za-z][A-Za-z'-]*)[\s/*_-]*$/.exec(clause.slice(Math.max(0, start - 40), start));
  // "videos/links": a slash joins alternatives, neither narrows the other.
  // "raw URLs", "the full URL", "bare links": an address written out in full, however it is called.
  if (pre && WRITTEN_OUT.test(pre[1]!) && ADDRESS.test(clause.slice(start, end))) return "written out";
  if (pre && !pre[0].includes("/") && !NEUTRAL_PREMODIFIER.test(pre[1]!) && !governedOrNegation(pre[1]!) && (!isKnownVerb(pre[1]!) || /ed$/i.test(pre[1]!)) && /^[a-z]/i.test(pre[1]!)) return pre[1]!.toLowerCase();
  return undefined;
}
const PLACEMENT_AFTER = /^\s*(?:in|inside|within|between)\s+(?:the\s+|a\s+|an\s+)?(?:parenthes[ei]s|brackets|square brackets|angle brackets|backticks|quotes|quotation marks|a footnote|footnotes)\b/i;
const WRITTEN_OUT = /^(?:raw|bare|naked|full|complete|plain|literal|unformatted)$/i;
const ADDRESS = /^(?:urls?|links?|hyperlinks?|web addresses)$/i;

/** An adjective mention before a noun ("sarcastic crutch phrases", "emoji variations") is about that noun. */
function postNoun(rest: string): string | undefined {
  const noun = /^\s+([a-z][a-z-]{2,})\b/i.exec(rest);
  if (noun && !isResponseWord(noun[1]!) && (!isKnownVerb(noun[1]!) || /[^s]s$/i.test(noun[1]!)) && !STOPWORDS.has(noun[1]!.toLowerCase()) && !/^(?:snippets?|samples?|examples?|blocks?|sources?|points?|lists?|items?|citations?|references?|links?|urls?|around|out|up|down|away|back|off|anything|everything|something|and|or|but|only|please|unless|when|if|instead|at|in|on|to|for|with|as|by|from|so|sparingly|always|never|whatsoever|entirely|anywhere|ever|thoughtfully|directly|generously|freely|everywhere|either|too|then|etc|whenever|where|because|since|are|is|be|should|must|will|can|may|that|which|anything|everything|whatsoever|over|across|throughout|within|into|through|under|about|below|above|words?|letters?|characters?|register|registers)$/i.test(noun[1]!)) return noun[1]!.toLowerCase();
  return undefined;
}

const RESPONSE_WORDS = /^(?:(?:the|your|a|an|all|any|each|every|my|our|final|finished|generated|completed)\s+)*(?:response|responses|answer|answers|reply|replies|message|messages|output|outputs|text|conversation|conversations|chat|chats|writing|communication|result|results|final answer|interactions?|user|users|customer|customers|them|people|everyone|anyone|reader|readers)$/i;

function isResponseWord(phrase: string): boolean {
  return RESPONSE_WORDS.test(phrase.trim());
}

function governedOrNegation(word: string): boolean {
  return /^(?:never|not|no|avoid|don't|do|use|include|add|any|every|each|with|without|put|insert|sprinkle|give|provide|show|write|output|return|cite|ask|offer|suggest|respond|reply|answer|be|keep|stay|make|always|must|should|can|may|also|please|only)$/i.test(word);
}

const FIRST_PREDICATE = /\b(?:must|should|shall|will|can|may|need to|needs to|needs|has to|have to|is|are|do not|does not|don't|doesn't|never)\b/i;

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
  // A verb right after a determiner is a noun ("The display text inside must be plain").
  const verbAt = (w: string, i: number) => isKnownVerb(w) && !/(?:ing|ed)$/.test(w) && !(i > 0 && /^(?:the|a|an|your|our|this|that|these|those|each|every|any|all|its|their)$/.test(words[i - 1]!));
  // "Print the API key so the user can verify it": a clause that opens with an imperative and its object is a
  // command, whatever modal follows in its reason ("Report sections must be short" opens with a noun).
  if (isImperativeVerb(words[0]!) && /^(?:the|a|an|your|our|this|that|these|those|each|every|all|any|its|their)$/.test(words[1] ?? "")) return false;
  if (words.some((w, i) => verbAt(w, i) || /^(?:please|always|never|only|also|just|you|we|i|it|this|that|there|everything|if|when|unless)$/.test(w))) return false;
  // A value mention as the whole subject ("Emojis are not appropriate") is judged by its predicate instead.
  const rest = (mayMatch(anyValueLiterals(), subject.toLowerCase()) ? subject.replace(ANY_VALUE_ALL, " ") : subject).toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  if (rest.every((w) => STOPWORDS.has(w))) return false;
  return !/^(?:(?:the|your|all|each|every|any|my|our|whole|entire|final|full|overall)\s+)*(?:response|responses|answer|answers|reply|replies|output|outputs|message|messages|result|text|writing|tone|language|style|format|formatting|length)$/i.test(words.join(" "));
}


function isDirective(clause: string, block: InstructionBlock, negativeLead: boolean): boolean {
  if (negativeLead) return true;
  if (MODAL.test(clause.replace(RELATIVE, ""))) return true;
  const head = clause
    .replace(/^[\s*_>#\-•\d.)]+/, "")
    .replace(/^(?:also|then|and|so|just|simply|kindly|strictly|generally|finally|additionally|lastly|first|second|third|next|now)\b[,\s]*/i, "");
  if (IMPERATIVE.test(head) || isCommand(head)) return true;
  // "Update the README with the new flags": an act the action reader knows, in its base form, opens a command.
  if (isActionVerb(/^[A-Za-z-]+/.exec(head)?.[0] ?? "")) return true;
  const words = wordRuns(head); // head.split(/\s+/).filter(Boolean).length
  return (block.isItem && words <= 14) || words <= 6;
}

function extractFromBlock(block: InstructionBlock, out: Directive[], options: ExtractOptions): void {
  const { text } = block;
  const toSource = (i: number) => (block.map ? block.map(i) : block.start + i);
  const context = blockScope(block);
  const blockCode = [...block.headings, block.listIntro ?? ""].join(" ");
  // "Java:" on a line of its own narrows the lines after it in the same paragraph.
  let carried = "";
  for (const sentence of splitSentences(text)) {
    // A quoted phrase at the end of a sentence is blank in `text`; keep it inside the sentence for the raw view.
    if (block.raw) {
      for (let j = sentence[1]; j < text.length && text.charCodeAt(j) === 32; j++) if (!isSpace(block.raw.charCodeAt(j))) sentence[1] = j + 1;
    }
    if (options.budget && out.length >= options.budget.max) {
      options.budget.stoppedAt = [toSource(sentence[0]), toSource(sentence[1])];
      return;
    }
    let sentenceText = text.slice(sentence[0], sentence[1]);
    if (/\?\s*[*_"'”)]*$/.test(sentenceText)) continue;
    // Code comments and signatures that slipped out of a code block are not rules for the reply.
    if (/^\s*(?:\/\/|#!|\/\*|\*\s|\|)|[{};|]\s*$|=>\s*\w|\(\)\s*[:{]/.test(sentenceText)) continue;
    // Title Case fragments are headings in disguise ("Render Inline Citation").
    if (/^(?:\s*[A-Z][\w'-]*){2,6}\s*$/.test(sentenceText)) continue;
    // "Short emails: simple paragraphs, no bullets": the label narrows what follows; "Description: ..." describes a tool.
    // The whitespace after an optional "(...)" belongs to that group: two adjacent `\s*` split a run of spaces every way.
    const label = /^\s*([A-Za-z][^:.!?]{1,60}?)\s*(?:\([^)]*\)\s*)?:\s+\S/.exec(sentenceText);
    // A short sentence ending in a colon labels what follows ("For greetings:"); a long one introduces it.
    // "Package manager: `pnpm`" ends in a colon only once its code is masked: the value is there, not below.
    let labelScope = sentenceText.length <= 80 && /:\s*(?:[*_]+\s*)?$/.test(sentenceText) && !(block.raw && SHORT_LABEL.test(sentenceText) && CODE_VALUE_TAIL.test(block.raw.slice(sentence[0], sentence[1]))) ? sentenceText.toLowerCase().replace(/[^a-z0-9 ]/g, "").trim() : "";
    if (label) {
      if (/^(?:description|usage|parameters?|params|args|arguments|returns?|signature|schema|type|example|examples|e\.g|input|inputs|note|source|post content)$/i.test(label[1]!.trim())) continue;
      // "No title line: …" states a prohibition, it does not name a part of the reply.
      if (isScopingHeading(label[1]!) && !/^\W*(?:no|never|don'?t|do not|avoid)\b/i.test(label[1]!) && !isCommand(label[1]!) && wordRuns(label[1]!) < 6 && !/\b(?:is|are|was|were|has|have|be)\b/i.test(label[1]!)) labelScope = label[1]!.toLowerCase().trim();
    }
    const unemphatic = sentenceText.replace(EMPHATIC_CONDITION, "");
    // A condition at the head of the sentence governs all of it; elsewhere, only its own clause.
    // "Unless the user asks for it, do not use tables": an exception at the head that depends on the user is a
    // condition on the whole sentence; one about the request itself ("Unless it is ambiguous, …") is the rule's own.
    const headUnless = /^\W*unless\b/i.test(unemphatic);
    const headExcepts = headUnless && OWN_EXCEPTION_TEST.test(unemphatic.replace(/^\W*/, " "));
    const sentenceConditional = context.conditional || SENTENCE_CONDITION.test(unemphatic) || (headUnless && !headExcepts);
    const range: Range = [toSource(sentence[0]), toSource(sentence[1])];
    // What the sentence says of all its rules is read when it has one: most sentences state none.
    let sentenceFacts: { hedged: boolean; sentenceKey: string | undefined; base: { range: Range; sentence: string; filePath?: string; overrides?: true }; absoluteWords: boolean; softDefault: boolean; mannerOnly: boolean; strictWords: boolean; evenOnRequest: boolean } | undefined;
    const factsOfSentence = () =>
      (sentenceFacts ??= {
        hedged: isHedged(unemphatic) || block.headings.some((h) => isHedged(h)) || isHedged(block.listIntro ?? ""),
        sentenceKey: conditionKey(unemphatic) ?? conditionKey(block.listIntro ?? "") ?? headingCondition(block),
        base: {
          range,
          sentence: sentenceText,
          ...(options.filePath ? { filePath: options.filePath } : {}),
          ...(statesOverride(sentenceText) ? { overrides: true as const } : {}),
        },
        absoluteWords: soundsAbsolute(sentenceText),
        // "Do not default to bullets": a default gives way to a narrower rule, it does not forbid.
        softDefault: SOFT_DEFAULT.test(sentenceText),
        mannerOnly: MANNER_ONLY.test(sentenceText) && !OTHER_NEGATION.test(sentenceText),
        strictWords: STRICT_WORDS.test(sentenceText),
        evenOnRequest: EVEN_ON_REQUEST.test(sentenceText),
      });
    const seen = new Set<string>();
    const add = (d: Omit<Directive, "range" | "sentence">) => {
      const key = `${d.dimension}|${d.value}|${d.polarity}|${d.bound ? `${d.bound.min}-${d.bound.max}` : ""}|${d.literal ?? ""}`;
      if (seen.has(key)) return;
      seen.add(key);
      const { hedged, sentenceKey, base, absoluteWords, softDefault, mannerOnly, strictWords, evenOnRequest } = factsOfSentence();
      // "When writing tests, ONLY use pytest": a rule whose only condition is its topic holds whenever it applies.
      const absolute = (!d.conditional || (d.topical === true && !d.presupposed)) && !d.permissive && !d.excepts && !softDefault && (d.polarity === -1 ? !mannerOnly || strictWords : absoluteWords);
      const conditionFields = d.conditional ? { ...(hedged ? { hedged } : {}), ...(sentenceKey && !d.condition ? { condition: sentenceKey } : {}) } : {};
      const kept = evenOnRequest && absolute && d.polarity === -1 && !d.onRequest;
      out.push({ ...d, ...base, ...conditionFields, ...(absolute ? { absolute } : {}), ...(kept ? { evenOnRequest: true } : {}) });
    };
    // "In greetings, never use emoji": a leading phrase narrows every clause of the sentence.
    // "For form-heavy pages, …", "In greetings, …": a leading phrase is a condition on every clause of the sentence.
    const lead = /^\s*(?:in|for|during|within|inside|on)\s+([^,:;]{2,60}),/i.exec(sentenceText);
    const leadKey = lead && !isGenericLead(lead[1]!) && !labelScope ? normaliseScope(lead[1]!, true) : "";
    const branch = block.branchOf ? block.branchOf(toSource(sentence[0])) : block.branch;
    // Plain object literals rather than spreads: these are built for every sentence and clause of a prompt.
    const clauseContext0 = { scope: branch ? [context.scope, `#${branch}`].filter(Boolean).join(" > ") : context.scope, conditional: context.conditional, negativeLead: context.negativeLead };
    // "Never: code snippets in rules": a negative label governs the rest of the sentence.
    if (NEGATIVE_LABEL.test(sentenceText)) clauseContext0.negativeLead = true;
    const bareLabel = /^\s*[*_]*([A-Za-z][\w .+#/&'()-]{0,40}?)[*_]*:\s*[*_]*\s*$/.exec(sentenceText);
    const carriedScope = carried && isScopingHeading(carried) ? carried.toLowerCase() : "";
    const scopeParts = [clauseContext0.scope, carriedScope, labelScope].filter(Boolean);
    // "XS: 1-2 story points", "S: 3-8 story points": a short label names what its value is about.
    // A bold label is a category title ("**Warm Open**: start every reply with…"); a plain one before a verbless value
    // is the thing the value is about.
    const labelRest = label ? sentenceText.slice(sentenceText.indexOf(":") + 1) : "";
    const boldLabel = /^\s*(?:[-*+]\s+)?(?:\d+[.)]\s+)?(?:\*\*|__)/.test(block.raw?.slice(sentence[0], sentence[1]) ?? "");
    const labelFocus = label && !labelScope && !boldLabel && !DIMENSION_LABEL.test(label[1]!) && isFragment(labelRest) && !isCommand(label[1]!) && wordRuns(label[1]!) < 4 ? normaliseScope(label[1]!, true) : "";
    const clauseContext = {
      scope: scopeParts.join(" > "),
      conditional: clauseContext0.conditional,
      negativeLead: clauseContext0.negativeLead,
      code: `${blockCode} ${carried} ${label?.[1] ?? ""}`,
      labelFocus,
    };
    if (bareLabel) carried = bareLabel[1]!;
    const clauses = splitClauses(text, sentence, block.raw);
    const firstOfSentence = out.length;
    const sentenceCommand = clauses.length > 0 && isCommand(text.slice(clauses[0]![0], clauses[0]![1]));
    let previous: { masked: string; raw: string } | undefined;
    let previousEnd = -1;
    const anchors = new Map<RegExp, boolean>();
    const sentenceMatches = (anchor: RegExp) => {
      let hit = anchors.get(anchor);
      if (hit === undefined) anchors.set(anchor, (hit = anchor.test(sentenceText)));
      return hit;
    };
    for (const [cs, ce] of clauses) {
      const afterColon = previousEnd >= 0 && text.slice(previousEnd, cs).includes(":");
      const afterSemicolon = previousEnd >= 0 && text.slice(previousEnd, cs).includes(";");
      previousEnd = ce;
      const following = text.slice(ce, Math.min(sentence[1], ce + 80));
      const view: ClauseView = { text: text.slice(cs, ce), raw: block.raw?.slice(cs, ce), sentence: sentenceText, sentenceMatches, following, sentenceCommand, previous, afterColon, afterSemicolon };
      previous = { masked: view.text, raw: view.raw ?? view.text };
      // "Don't ask unless the request is ambiguous" holds by default: its exception is its own, not a condition.
      // The clause's conditions are read when it states a rule: most clauses state none.
      let clauseFacts: { conditional: boolean; topicalOnly: boolean; excepts: boolean; onRequest: boolean; requestAt: number } | undefined;
      const factsOfClause = () => {
        if (clauseFacts) return clauseFacts;
        const clauseCondition = view.text.replace(EMPHATIC_CONDITION, "").replace(OWN_EXCEPTION, (m) => " ".repeat(m.length));
        // "When writing tests, ONLY use pytest": a head condition that is only the rule's topic does not scope it either.
        const topicalSentence = sentenceConditional && !context.conditional && !headUnless && TOPIC_CONDITION.test(unemphatic) && !CONDITION.test(unemphatic.replace(TOPIC_CONDITION_ALL, (m) => " ".repeat(m.length)));
        const topicalOnly = (!sentenceConditional || topicalSentence) && !leadKey && TOPIC_CONDITION.test(topicalSentence ? unemphatic : clauseCondition) && !CONDITION.test(clauseCondition.replace(TOPIC_CONDITION_ALL, (m) => " ".repeat(m.length)));
        const conditional = sentenceConditional || Boolean(leadKey) || CONDITION.test(clauseCondition);
        // A rule that names its own exception has stated which wins ("no numbered lists, except for recipe steps").
        const excepts = headExcepts || OWN_EXCEPTION_TEST.test(view.text);
        // "Never commit unless the user asks you to", "Unless explicitly asked, don't push": only the user's request lifts it.
        const headRequest = headUnless && !headExcepts && !context.conditional && !SENTENCE_CONDITION.test(unemphatic) && ON_REQUEST_TEST.test(unemphatic);
        const clauseRequest = !sentenceConditional && !leadKey && ON_REQUEST_TEST.test(clauseCondition) && !CONDITION.test(clauseCondition.replace(ON_REQUEST, (m) => " ".repeat(m.length)));
        const onRequest = conditional && (headRequest || clauseRequest) && !CONDITION.test(unemphatic.replace(ON_REQUEST, (m) => " ".repeat(m.length)));
        // A mention inside the exception ("unless the user asks you not to browse") is not the rule.
        const requestAt = clauseRequest ? view.text.search(ON_REQUEST_TEST) : -1;
        return (clauseFacts = { conditional, topicalOnly, excepts, onRequest, requestAt });
      };
      const keyed = leadKey ? { condition: `in:${leadKey}` } : {};
      const addAt = (d: Omit<Directive, "conditional" | "range" | "sentence">, index?: number) => {
        const { conditional: conditional0, topicalOnly, excepts, onRequest, requestAt } = factsOfClause();
        const requestOnly = onRequest && d.polarity === -1 && !d.permissive && (requestAt < 0 || (index !== undefined && index < requestAt));
        const conditional = conditional0 && !requestOnly;
        add({ ...d, conditional, ...(requestOnly ? { onRequest: true } : {}), ...keyed, ...(topicalOnly ? { topical: true } : {}), ...(excepts ? { excepts } : {}), ...(index === undefined ? {} : { at: toSource(cs + index) }) });
      };
      const conditionDims = new Set<Dimension>();
      const from = out.length;
      extractFromClause(view, block, clauseContext, addAt, conditionDims);
      for (let i = from; i < out.length; i++) if (conditionDims.has(out[i]!.dimension)) out[i] = { ...out[i]!, presupposed: true };
    }
    markAlternatives(out, firstOfSentence);
  }
}

const NEGATION_LABEL = /^\W*(?:never|don'?ts?|do not|avoid|must not|must never|prohibited|forbidden|not allowed|never do|do not do|things to avoid|what not to do)\W*$/i;

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160;
}

/** Dimensions where one value excludes the others; several of them in one sentence are alternatives. */
const ONE_OF: ReadonlySet<Dimension> = new Set(["language", "naming", "test-framework", "package-manager", "convention", "tone"]);

/** "Use the framework already in the solution (xUnit, NUnit or MSTest)": values named together are a choice left open. */
function markAlternatives(out: Directive[], from: number): void {
  for (let i = from; i < out.length; i++) {
    const d = out[i]!;
    if (!ONE_OF.has(d.dimension) || d.polarity !== 1) continue;
    for (let j = from; j < out.length; j++) {
      const e = out[j]!;
      if (j === i || e.dimension !== d.dimension || e.polarity !== 1 || e.value === d.value) continue;
      // "Format with Biome and lint with ESLint": tools of two roles are no choice between them.
      if (groupOf(d.value) !== groupOf(e.value)) continue;
      // "formal, standard or casual" offers a choice; "both formal and casual" asks for both.
      const [x, y] = (d.at ?? 0) < (e.at ?? 0) ? [d, e] : [e, d];
      const between = d.sentence.slice(Math.max(0, (x.at ?? d.range[0]) - d.range[0]), Math.max(0, (y.at ?? d.range[0]) - d.range[0]));
      if (d.dimension !== "tone" || ALTERNATIVE_JOIN.test(between)) {
        out[i] = { ...d, alternatives: true };
        break;
      }
    }
  }
}
/** The group of a grouped value ("js" of "js:pnpm", "bundler" of "bundler:vite"); "" for a plain value. */
function groupOf(value: string): string {
  const colon = value.indexOf(":");
  return colon < 0 ? "" : value.slice(0, colon);
}
const ALTERNATIVE_JOIN = /\bor\b|\/|\beither\b|\bwhether\b|\bone of\b|\(/i;

/** The stemmed words of a scope, kept for the scopes of the current blocks: every clause under one scope asks. */
const scopeWordCache = new Map<string, Set<string>>();
function scopeWordsOf(scope: string): Set<string> {
  let words = scopeWordCache.get(scope);
  if (!words) {
    if (scopeWordCache.size > 64) scopeWordCache.clear();
    scopeWordCache.set(scope, (words = new Set((scope.match(/[a-z0-9']+/g) ?? []).map(stem))));
  }
  return words;
}

/** One clause as the extractors see it: masked text, the unmasked text at the same offsets, its sentence. */
interface ClauseView {
  text: string;
  raw: string | undefined;
  /** The clause before this one in the sentence, whose cue a bare list of quoted words continues. */
  previous?: { masked: string; raw: string };
  /** The clause follows a colon ("Package manager: npm"). */
  afterColon?: boolean;
  /** The clause follows a semicolon ("Fill in every detail; no placeholders"). */
  afterSemicolon?: boolean;
  sentence: string;
  /**
   * Whether the sentence matches a pattern's anchor, computed once per sentence and anchor: a sentence of a
   * thousand clauses would otherwise be scanned whole for each of them.
   */
  sentenceMatches: (anchor: RegExp) => boolean;
  /** The words right after the clause in its sentence (at most 80 characters), where a rule's object may continue. */
  following: string;
  /** The sentence opens with a command, so a verbless clause after a colon is part of it ("Write like this: relaxed and informal"). */
  sentenceCommand: boolean;
}

type Add = AddDirective;

/** The condition a heading states ("When the user is upset"). */
function headingCondition(block: InstructionBlock): string | undefined {
  for (let i = block.headings.length - 1; i >= 0; i--) {
    const key = conditionKey(block.headings[i]!);
    if (key) return key;
  }
  return undefined;
}

/** A cheap first pass: clauses without any of these words cannot hold a directive we model. */
const TRIGGER =
  /json|ya?ml|xml|csv|table|tabular|markdown|markup|plain|prose|format|code|concise|brief|succinct|terse|short|point|liner|minimal|detail|depth|thorough|comprehensive|elaborat|exhaustive|length|long|verbose|extensive|step|bullet|list|english|spanish|french|german|italian|portuguese|dutch|japanese|chinese|mandarin|cantonese|korean|russian|arabic|hindi|polish|swedish|turkish|hebrew|ukrainian|vietnamese|indonesian|greek|czech|danish|finnish|norwegian|thai|romanian|hungarian|catalan|tagalog|malay|bengali|urdu|persian|farsi|swahili|language|formal|casual|informal|laid|slang|colloquial|chatty|busines|humou?r|joke|joking|funny|pun|wit|playful|sarcas|banter|jok|hearted|serious|nonsense|emoj|emoticon|smiley|kaomoji|question|clarif|asking|cit|source|footnote|reference|link|url|web address|snippet|reveal|disclos|divulg|share|mention|discuss|talk|bring up|quote|expos|leak|repeat|tell|give out|confirm|comment|speculat|promis|guarantee|tool|function|plugin|search|brows|online|internet|you are|you're|your name|go by|yourself|sign|role of|act as|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|single|couple|capital|caps|lower|upper|quot|placeholder|bold|highlight|itali|title|angular|script|p\.\s?s|comma|restate|reiterat|echo|paraphras|recite|preamble|straight|directly|immediately|metric|imperial|\bSI\b|units|kilomet|km|meters|metres|miles|feet|inches|celsius|fahrenheit|°|kilo|grams|pounds|lbs|ounces|lit[er]|gallon|indent|tab|space|camel|pascal|snake|kebab|dash-case|hint|annotat|typing|typed|licen|copyright|spdx|semi|jest|vitest|mocha|jasmine|qunit|node:test|pytest|unittest|nose|playwright|cypress|puppeteer|selenium|webdriver|testcafe|junit|testng|spock|rspec|minitest|phpunit|pest|xunit|nunit|mstest|npm|pnpm|yarn|bun|pip|poetry|\buv\b|pipenv|conda|pdm|rye|hatch|commit|push|branch|pull request|merge|\bPRs?\b|\bMRs?\b|squash|rebase|export|powershell|bash|zsh|posix|permission|approval|approv|without|before|prior|warm|cold|calm|enthusias|excited|upbeat|energetic|bubbly|peppy|hyped|measured|understated|subdued|matter-of-fact|empath|compassion|caring|detached|clinical|impersonal|emotionless|robotic|relaxed|print|summar|recite|output|show|display|confidential|secret|named (?:like|as)|called (?:like|as)|name (?:it|them|files?|components?) (?:like|as)|offer|flatter|prais|compliment|period|full stop|recap|tl;?dr|however long|how long|regardless of|runs long|mirror|adapt to|headers?|headings?|greeting|salutation|advice|guidance|counsel/i;

/** "the importance of having only JSON": the value is talked about, not asked for. */
const META_MENTION = /\b(?<!(?:work|working|stay|develop|use|usage|inclusion|paragraphs?|sentences?|lines?|form|piece|block|wall|kind|sort|type|amount|number|list|set|series|mix|bit|touch|sprinkle|hint|dash|couple|pair|lot|lots) )(?:about|regarding|of|on)\s+(?:(?!use|using|include|including|add|adding|write|writing|output|outputting|respond|responding|reply|replying|answer|answering|in\b|as\b|with\b|into\b|to\b|for\b)[\w-]+\s+){1,4}$/i;

const TRAILING_CONDITION_BEFORE = /\b(?:when|whenever|if|unless|once|where|wherever|while|in case)\b[^,;:()]*$/i;
const REVIEW_BEFORE =
  /\b(?:flag|flags|flagging|detect|detects|detecting|catch|catches|spot|spots|identify|identifies|check (?:for|whether|if)|look (?:for|out for)|scan for|audit|audits|lint|warn (?:about|on|against)|point out|notice|notices|replace|replaces|replacing|remove|removes|strip|strips|convert|converts)\b(?:\s+\S+){0,3}\s*$/i;
/** "Never send user data to recipients, URLs": a link as the destination of something else, not as content. */
const DESTINATION_BEFORE = /\b(?:send|sends|sending|post|posts|posting|upload|uploads|submit|submits|transmit|forward|navigate|redirect|go|visit|open|fetch|click|follow)\b[^.;:]{0,40}\b(?:to|at|into|from)\s+(?:\S+\s+){0,4}$/i;
/** "there", "in that folder": a place named elsewhere, which the rule is narrowed to. */
const REFERENT_PLACE = /\b(?:(?<!\b(?:already|is|are|was|were|exists?|not|get|gets|got|from)\s+)there|in (?:that|this|those|these) (?:folders?|director(?:y|ies)|packages?|projects?|repos?|modules?|workspaces?|apps?))\b(?!\s+(?:is|are|was|were)\b)/i;
/** After a commit or push and its usual object, the branch it goes to ("your changes directly to main"). */
const DESTINATION_AFTER = /^\s+(?:(?:(?:your|the|all|any|my|these|those)\s+)?(?:changes?|work|code|edits?|files?|commits?|it|them|everything)\s+)?(?:(?:directly|straight|right)\s+)?(?:to|into|onto|on)\s+(?:the\s+)?([\w/-]+(?:\.[\w-]+)*)/i;
/** "with", "using", "via" right before a mention: it is the means of the act. */
const INSTRUMENT_BEFORE = /\b(?:with|using|via|through)\s+(?:the\s+)?$/i;
/** "Do not default to bullets", "by default": a default that a narrower rule may replace. */
const SOFT_DEFAULT = /\b(?:default(?:s|ing)? to|by default)\b/i;

/**
 * "Do the whole sync in one turn without stopping to ask questions": a "without" that only says how to do one task
 * bans nothing outside it, unless the sentence insists.
 */
const MANNER_ONLY = /\bwithout\b/i;
/** Negations other than "without" (none of these words can match inside it, so the sentence is tested whole). */
const OTHER_NEGATION = /\b(?:never|not|no|avoid|refrain|nothing|none)\b|n['’]t\b/i;
const STRICT_WORDS = /\b(?:never|always|under no circumstances|at no (?:point|time)|at all|whatsoever|regardless|no matter|in any case|in all cases|without exception)\b/i;

/** "The response did not include a hyperlink": a past-tense account of an example, not a rule. */
const PAST_NARRATION = /\b(?:did|was|were|had)(?: not|n['’]t)\b/i;
const PRESENT_RULE = /\b(?:must|should|shall|never|always|do not|don't|please|make sure|ensure)\b/i;

/** "A response that has no citations is incorrect": a judgement of replies, not a rule of its own. */
const EVALUATIVE = /\b(?:is|are)\s+(?:incorrect|wrong|invalid|unacceptable|a failure|broken|bad|poor)\b/i;

const CITATION_PLACEMENT = /\binline\b|\bin-line\b|\bin[- ]text\b|\bat the (?:end|bottom|top)\b|\bin (?:the )?(?:footnotes?|body|middle)\b|\b(?:inside|within|mid-)\s*sentences?\b|\bafter (?:each|every) (?:sentence|paragraph|claim)\b/i;

const TONE_OF_CONTEXT = /^(?:\s+(?:or|and)\s+[\w-]+)?\s+(?:topics?|conversations?|chats?|questions?|requests?|contexts?|settings?|situations?|interactions?|users?|messages?|exchanges?|queries|moments?)\b/i;

/** "Emphasize that the response must be JSON": what to write in another prompt, not a rule for this reply. */
const REPORTED = /^\W*(?:emphasi[sz]e|explain|say|tell (?:\w+ )?|mention|note|remind (?:\w+ )?|state|clarify|specify|stress|point out|make clear|instruct (?:\w+ )?)\s*that\b/i;
/** "never include more than three clarifying questions": a bound on a number, read by the numeric extractor. */
const QUANTIFIED_BEFORE = /\b(?:more|fewer|less|over|under|at most|at least|up to|than|exactly|only)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple(?: of)?)\s+(?:\S+\s+){0,2}$/i;

/** "avoid over-formatting with lists", "too many emoji": a rule about excess, not about the thing itself. */
const EXCESS_BEFORE = /\b(?:over-?\w+|excessive(?:ly)?|too (?:many|much)|overuse(?: of)?|overly|unnecessary|gratuitous|heavy)\b(?:\s+\S+){0,6}\s*$/i;
// "e.g." ends in a period, after which no word boundary follows: it is read whole, outside the word alternatives.
const EXAMPLE_LIST_BEFORE = /(?:\b(?:including|such as|for example|for instance|like|types? of|kinds? of)\b|\be\.g\.?)[^.;:()]*$/i;
const TEMPORAL_BEFORE = /\b(?:before|after|until|prior to|once)\s+(?:(?!(?:in|as|with|into|using|to|for)\b)\S+\s+){0,4}$/i;
const COMPARATIVE_BEFORE = /\b(?:more|less|fewer|most|least|how|too|overly|excessively)\s+$/i;
const PLACE_BEFORE = /\b(?:in|inside|within|into|as)\s+(?:a\s+|an\s+|the\s+|your\s+)?$/i;

/** "put headers in bullets", "use emoji as bullet points": a verb with its own object before "in"/"as". */
function hasOwnObjectBefore(before: string): boolean {
  const place = PLACE_BEFORE.exec(before);
  if (!place) return false;
  // "deliver the plan as a bulleted list": "as" gives the form of the object; only "use X as" makes X the content.
  if (/\bas\s+(?:a\s+|an\s+|the\s+|your\s+)?$/i.test(place[0]) && !/\b(?:use|using|used|treat|treating)\b[^.;]{0,40}$/i.test(before.slice(0, place.index))) return false;
  // A blanked code span is an object of its own ("use `![](x.png)` in markdown").
  const words = before.slice(0, place.index).replace(/\s{3,}/g, " thing ").trim().split(/\s+/);
  for (let i = words.length - 1, n = 0; i >= 0 && n < 5; i--, n++) {
    const w = words[i]!.toLowerCase().replace(/[^a-z'-]/g, "");
    // "should be wrapped in JSON": a passive verb has no object before "in".
    if (i === words.length - 1 && /ed$/.test(w) && /^(?:be|is|are|was|were|been|being|get|gets|got)$/i.test(words[i - 1] ?? "")) return false;
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
/** The same, global: `replace` starts and ends a global search at lastIndex 0, so one instance serves every call. */
const ANY_VALUE_ALL = new RegExp(ANY_VALUE.source, "gi");

/**
 * The literals of which each value pattern's every match holds one (see literal-prefilter.ts): a clause that holds
 * none of a pattern's literals is not scanned with it. Most clauses name no value, and the patterns are many; a
 * single union of them all was tried first as the gate, but compiling it cost more than a small commit's whole
 * extraction. The literals come from the build (value-literals.ts); the scanner is built on first use, once per process.
 */
let patternScanner: LiteralScanner | undefined;
/** For each of `VALUE_PATTERNS` (same order), 1 when `lowerText` may hold a match of it. */
function candidatePatterns(lowerText: string): Uint8Array {
  patternScanner ??= new LiteralScanner(VALUE_PATTERNS.map((p) => literalsOf(p.re)));
  return patternScanner.scan(lowerText);
}
/** Adds to `candidates` the patterns that `lowerText` may match (see `candidatePatterns`). */
function rescanCandidates(candidates: Uint8Array, lowerText: string): void {
  patternScanner!.scanInto(candidates, lowerText);
}
let anyValueLiteralsCache: readonly string[] | undefined | null = null;
/** The literals of `ANY_VALUE`, the union of all value patterns. */
function anyValueLiterals(): readonly string[] | undefined {
  if (anyValueLiteralsCache === null) anyValueLiteralsCache = literalsOf(ANY_VALUE);
  return anyValueLiteralsCache;
}

function extractFromClause(
  view: ClauseView,
  block: InstructionBlock,
  context: { scope: string; conditional: boolean; negativeLead: boolean; code: string; labelFocus: string },
  add: Add,
  conditionDims: Set<Dimension>,
): void {
  const clause = view.text;
  // Single-word code spans name values ("use `pnpm`", "`camelCase` for variables"); longer ones stay masked.
  const codeText = view.raw && view.raw !== clause ? withCodeWords(clause, view.raw) : clause;
  const triggered = TRIGGER.test(codeText) || TOOL_NAME_TRIGGER.test(codeText) || Boolean(view.raw && QUOTED_TRIGGER.test(view.raw));
  // Action rules ("never resolve a thread yourself") have an open vocabulary: their own cheap pass.
  const actionable = ACTION_TRIGGER.test(codeText);
  if (!triggered && !actionable) return;
  let subjectScopeValue = "";
  const subjectScopeOf = () => subjectScopeValue;
  /**
   * Where a rule applies: `scope` is what a heading, a label, a template branch or a leading "In X," sets and
   * separates rules strictly; `focus` is what the clause itself names ("keep summaries brief") and separates
   * two rules only when both name a thing and the things differ.
   */
  const scopeOf = (extra: string): { scope: string; focus?: string } => {
    const focus = [context.labelFocus, subjectScopeOf(), extra].filter(Boolean).join(" & ");
    // A focus the section heading already names ("## Executive Summary" … "keep the executive summary short") adds nothing.
    const scopeWords = scopeWordsOf(context.scope);
    const redundant = focus !== "" && (focus.match(/[a-z0-9']+/g) ?? []).every((w) => scopeWords.has(w) || scopeWords.has(stem(w)));
    return focus && !redundant ? { scope: context.scope, focus } : { scope: context.scope };
  };
  // Persona names are statements of identity rather than commands: no modal needed.
  for (const m of triggered ? allMatches(PERSONA, view.raw ?? clause) : []) {
    const name = m[2]!;
    if (NOT_A_NAME.test(name) || /^[A-Z]{5,}$/.test(name.split(" ")[0]!)) continue;
    const negated = Boolean(m[1]) || /\b(?:not|never)\s*$/i.test(clause.slice(0, m.index!));
    add({ dimension: "persona", value: name.toLowerCase(), polarity: negated ? -1 : 1, exclusive: true, permissive: false, ...scopeOf(""), topic: [name] }, m.index!);
  }

  // "If the user asks for a recipe, number the steps": the subject of the condition is not the rule's subject.
  let main = LEADING_CONDITION.test(clause) ? clause.replace(LEADING_CONDITION, (m) => " ".repeat(m.length)) : clause;
  // "Claude never uses emoji", "The assistant adds a summary": a system prompt's rules about its own assistant.
  const lead = main === clause ? "" : clause.slice(0, clause.length - main.trimStart().length);
  const self = SELF_SUBJECT.exec(main) ?? (SELF_NAME.test(lead) ? PRONOUN_SUBJECT.exec(main) : null);
  if (self) main = main.slice(0, self.index) + " ".repeat(self[0].length) + main.slice(self.index + self[0].length);
  if ((hasOtherSubject(main) && !NAMING_STATEMENT.test(main)) || EVALUATIVE.test(clause) || REPORTED.test(main) || (PAST_NARRATION.test(main) && !PRESENT_RULE.test(main))) return;
  // Long clauses are descriptions and nested exceptions more often than rules; their polarity is not reliable.
  if (whitespaceRuns(clause) + 1 > 40) return; // the length of clause.split(/\s+/)
  // "For form-heavy pages, write the test in Selenium": the leading phrase narrows the rule (read as its condition
  // per sentence); the rule itself is the imperative after it.
  // Only a phrase read as the rule's condition is set aside: a generic one ("For one-line answers, ") would leave
  // the rule unconditional.
  const leading = LEADING_PHRASE.exec(main);
  const head = (leading && !isGenericPhrase(leading[1]!) ? main.slice(leading[0].length) : main).trimStart();
  const commanded = Boolean(self) || isDirective(head, block, context.negativeLead);
  // "We use pnpm across the monorepo", "pnpm is preferred": a project's convention stated as a fact binds code
  // conventions only; the clause is read for nothing else.
  // "Build with Maven", "Test components with Vitest": verbs of a code workflow open commands about its tools.
  // Read only where a code convention may be named, and for a command only when a mention needs it.
  let statedMemo: boolean | undefined;
  const stated = () => (statedMemo ??= CONVENTION_STATEMENT.test(head) || TOOL_VERB_HEAD.test(head));
  const statedOnly = !commanded && namesCodeValue(codeText) && stated();
  // The checks below read the subject of a rule; a clause that is none stops here, before them.
  if (!commanded && !statedOnly) return;
  // "Variables should be snake_case", "The word 'x' must appear twice": a code or keyword subject is the rule's own.
  const firstPredicate = FIRST_PREDICATE.exec(main);
  const subject = main.slice(0, firstPredicate?.index ?? 0);
  // "The closing summary must be a single paragraph": a rule about a part of the reply, narrowed to that part.
  const about = aboutSomethingElse(main);
  // Only a modal makes a rule of a sentence about something else ("The notes should be concise"); "Verbose
  // descriptions don't just waste tokens" describes.
  const modalPredicate = /^(?:must|should|shall|need to|needs to|needs|has to|have to)$/i.test(firstPredicate?.[0] ?? "");
  const subjectScope = about && modalPredicate && !CODE_SUBJECT.test(subject) ? normaliseScope(subject) : "";
  // "The report is a formatted document, not JSON": the deliverable itself is the reply.
  const deliverable = about && !subjectScope && isDeliverable(subject);
  const elsewhere = about && !subjectScope && !deliverable;
  subjectScopeValue = subjectScope;
  const permissive = isPermission(clause);
  let scopeCache: string | undefined;
  const localScopeOf = () => (scopeCache ??= clauseScope(withoutMentions(main)));

  /** The clause (or a same-length view of it) with its leading condition blanked. */
  const leadLength = clause.length - main.trimStart().length;
  const ruleText = (text: string) => (leadLength === 0 || main === clause ? text : " ".repeat(leadLength) + text.slice(leadLength));
  const fragment = isFragment(clause);
  // "PIL rendering is basic — no rich text, no markdown": a verbless tail of a description is not a rule.
  // "Fill in every detail; no placeholders": after a semicolon a fragment is a rule of its own.
  if (fragment && view.previous && !view.sentenceCommand && !context.negativeLead && !block.isItem && !view.afterSemicolon) return;
  const command = Boolean(self) || Boolean(block.heading) || isCommand(head) || context.negativeLead || (view.sentenceCommand && fragment) || labelValue(view, block) || NAMING_STATEMENT.test(main);
  const codeScopeOf = () => {
    // "Run npm ci under docs/": a folder narrows a code convention as strictly as a heading does.
    const strong = [codeScope(context.code), folderScope(ruleText(codeText))].filter(Boolean).join(" > ");
    const own = scopeOf(codeScope(codeText));
    return strong ? { ...own, scope: [own.scope, strong].filter(Boolean).join(" > ") } : own;
  };

  const lowerClause = clause.toLowerCase();
  // The values the leading condition names ("If the user asks for emoji, …"), for a pronoun in the rule after it.
  const conditionMentions = new Set<string>();
  const inClause = candidatePatterns(lowerClause);
  const inCode = codeText === clause ? inClause : candidatePatterns(codeText.toLowerCase());
  for (let p = 0; triggered && p < VALUE_PATTERNS.length; p++) {
    // Most clauses are candidates for none of the patterns: the marks are read before anything else.
    const code = IS_CODE_PATTERN[p] === 1;
    if (!(code ? inCode : inClause)[p]) continue;
    if ((elsewhere || statedOnly) && !code) continue;
    const pattern = VALUE_PATTERNS[p]!;
    const text = code ? codeText : clause;
    // Polarity and objects are read in the rule itself, not in its leading condition ("If no agent fits, use tools").
    const rule = ruleText(text);
    if (pattern.anchor && !pattern.anchor.test(text) && !view.sentenceMatches(pattern.anchor)) continue;
    for (const m of allMatches(pattern.re, text)) {
      const start = m.index!;
      const end = start + m[0].length;
      const before = rule.slice(0, start);
      // "Do not draft anything before asking": a ban on acting before asking requires the asking; "answer before
      // asking follow-ups" only orders the two.
      const beforeAsking = pattern.dimension === "questions" && /\bbefore asking\b/i.test(m[0]);
      // A mention inside a condition ("when a query asks for a URL") or governed by a verb of review ("flag bold
      // text") is not what the rule asks for.
      if (!code && (start < clause.length - main.trimStart().length || TRAILING_CONDITION_BEFORE.test(before))) {
        conditionDims.add(pattern.dimension);
        if (!code && pattern.value !== "*" && start < clause.length - main.trimStart().length) conditionMentions.add(`${pattern.dimension}\u0000${pattern.value}`);
        continue;
      }
      // "Lint the code with ESLint": a tool named as the instrument of a review verb is the tool to use.
      if ((REVIEW_BEFORE.test(before) && !(code && INSTRUMENT_BEFORE.test(before))) || TEMPORAL_BEFORE.test(before) || QUANTIFIED_BEFORE.test(before)) continue;
      if (!pattern.loose && !governedByProducer(pattern.dimension, before.replace(/\b[a-z]+ed\s*$/i, ""))) continue;
      if (META_MENTION.test(before) && !/\b(?:instead of|rather than|in place of|as opposed to)\b/i.test(before.slice(-40))) continue;
      if (COMPARATIVE_BEFORE.test(before)) continue;
      // "question types including short answer", "never answer before your detailed reasoning": an example in a
      // list, or the time of the rule, not its object.
      if ((!code || pattern.role) && (EXAMPLE_LIST_BEFORE.test(before) || EXCESS_BEFORE.test(before) || DESTINATION_BEFORE.test(before))) continue;
      // "(or MSTest)": an alternative mentioned in passing.
      if (/(?:\(|,)\s*or\s+$/i.test(before)) continue;
      // "use writing blocks for explanations, lists...": the rule is about the thing used, not the value.
      const useFor = USE_FOR_BEFORE.exec(before);
      if (useFor && !pattern.loose && !(mayMatch(anyValueLiterals(), useFor[1]!.toLowerCase()) && ANY_VALUE.test(useFor[1]!))) continue;
      // "do not put headers in bullets": the rule is about what goes inside, not about the container.
      if (!pattern.loose && hasOwnObjectBefore(before)) continue;
      const asSubject = subjectPolarity(rule, start, end);
      if (asSubject === "skip") continue;
      let { polarity } = polarityAt(rule, start, context.negativeLead);
      if (asSubject !== undefined) polarity = asSubject;
      if (/^no\s/i.test(m[0])) polarity = polarity === 1 ? -1 : 1;
      if (pattern.inverted) polarity = polarity === 1 ? -1 : 1;
      if (beforeAsking) {
        if (polarity === 1) continue;
        polarity = 1;
      }
      let value = pattern.value;
      if (pattern.dimension === "language" && value === "*") {
        const lang = LANGUAGE_NAME.exec(m[0]);
        if (!lang) continue;
        value = lang[1]!.toLowerCase();
        if (!RESPONSE_ANCHOR.test(clause) && !/\bonly\b/i.test(m[0])) continue;
      }
      if (pattern.dimension === "language" && value === "user" && !RESPONSE_ANCHOR.test(clause) && !/\b(?:match|mirror|follow|use|switch)\b/i.test(clause)) continue;
      if (pattern.dimension === "verbosity") {
        if (!RESPONSE_ANCHOR.test(clause)) continue;
        if (/\b(?:think|reason|plan|work)\b[^.]{0,20}step[- ]by[- ]step/i.test(clause)) continue;
      }
      // "Never skip questions": the mention starts with its own negating verb.
      if (/^(?:skip|drop|omit)\b/i.test(m[0])) polarity = polarity === 1 ? -1 : 1;
      // "Keep it emoji-free", "replies free of markdown": what the reply is to be without.
      if (/^\s?-?\s?free\b/i.test(text.slice(end, end + 7)) || /\bfree (?:of|from)\s+(?:any\s+|all\s+)?$/i.test(before)) polarity = polarity === 1 ? -1 : 1;
      // "Never write a PRD without asking": the mention carries its own negation.
      if (pattern.dimension === "questions" && /^(?:without|instead of) asking\b/i.test(m[0])) polarity = polarity === 1 ? -1 : 1;
      if (pattern.dimension === "format" && !FORMAT_FOLLOWER.test(clause.slice(end))) continue;
      if (pattern.dimension === "format" && pattern.value === "prose" && /\b(?:inside|within|into|in your|in the)\s+$/i.test(before)) continue;
      if (value === "*" && (pattern.dimension === "test-framework" || pattern.dimension === "package-manager")) {
        const tool = toolValue(pattern.dimension, m[0]);
        if (!tool) continue;
        value = tool;
      } else if (value === "*" && pattern.role) {
        const tool = roleToolValue(pattern.role, m[0]);
        if (!tool || (pattern.role.local && !pattern.anchor!.test(segmentAround(text, start, end)))) continue;
        value = tool;
      }
      if (pattern.dimension === "indent" && value === "spaces") {
        const width = indentWidth(m[0]);
        if (width !== undefined) value = `spaces:${width}`;
      }
      const exclusive = Boolean(pattern.exclusive) || (pattern.dimension === "format" && isExclusive(clause, start, end));
      // Positive rules must be real commands; fragments only count as prohibitions or "X only".
      if (polarity === 1 && !command && !(code && stated()) && asSubject === undefined && !(exclusive && /\bonly\b/i.test(clause))) continue;
      // A title, a postscript, repeating the request: each is one thing in the reply, so what follows the mention
      // ("the person's request word for word", "a title for the report") describes it and narrows nothing.
      // "Do not use Tailwind for games": a tool is forbidden or chosen for a purpose, like the acts of the commit policy.
      let qualifier = (code && pattern.dimension !== "commits" && !pattern.role) || WHOLE_THING.has(pattern.dimension) ? undefined : qualifierOf(text, start, end);
      // "The docs site uses npm; run npm ci there": a convention for a place named before is about that place.
      if (code && !qualifier && REFERENT_PLACE.test(text.slice(end))) qualifier = "(referent)";
      // "commit changes", "commit your work": the usual object of a commit does not narrow it.
      // "push your changes directly to main": past the usual object, the branch it goes to narrows it like "push to main".
      if (pattern.dimension === "commits" && (!qualifier || /^(?:changes?|work|code|it|them|files?|everything|anything|edits?|that|this|the changes|your work)$/i.test(qualifier))) qualifier = DESTINATION_AFTER.exec(text.slice(end))?.[1]?.toLowerCase();
      // "never commit on the user's behalf": whose behalf says who acts (the model), which every rule here assumes.
      if (qualifier && /\bbehalf$/i.test(qualifier)) qualifier = undefined;
      // "Do not cite sources inline": a ban on where citations go, not on citing.
      if (pattern.dimension === "citations" && !qualifier && polarity === -1 && CITATION_PLACEMENT.test(clause)) qualifier = "placement";
      // "casual or non-technical topics": a tone word said of the conversation, not of the reply's voice.
      if (pattern.dimension === "tone" && !qualifier && TONE_OF_CONTEXT.test(text.slice(end, end + 60))) qualifier = "context";
      const universal = polarity === -1 && UNIVERSAL.test(clause);
      // "sentence case for all headings": letter case said of a part of the reply is about that part.
      const caseTarget = pattern.dimension === "case" && qualifier && /^(?:for|in|on)\b/i.test(clause.slice(end).trim()) ? normaliseScope(qualifier).split(" ").map(stem).join(" ") : "";
      // "brief quotes", "short creative writing": the length word describes that thing, not the reply.
      const lengthOf = pattern.dimension === "verbosity" ? (postNoun(clause.slice(end)) ?? "") : "";
      const extraScope = lengthOf && !isGenericPhrase(lengthOf) ? lengthOf : "";
      let targets = pattern.dimension === "naming" ? namingWindowTargets(text, start, end, view.previous?.masked) : undefined;
      // "named like new-component.tsx": an example with an extension is a file name.
      if (targets && /\.[a-z]{1,4}$/.test(m[0]) && !targets.includes("file")) targets = [...targets, "file"].sort();
      add(
        {
          dimension: pattern.dimension,
          value,
          polarity,
          exclusive,
          permissive,
          // Whether to ask at all is a rule about the whole exchange: "skip the questions and write the review" is
          // not narrowed to the review.
          ...(code ? codeScopeOf() : (pattern.loose && pattern.dimension !== "case") || (pattern.dimension === "questions" && value === "ask") ? scopeOf("") : scopeOf([localScopeOf(), extraScope, caseTarget].filter(Boolean).join(" & "))),
          ...(qualifier ? { qualifier } : {}),
          ...(universal ? { universal } : {}),
          ...(command ? { command } : {}),
          ...(targets ? { targets } : {}),
        },
        start,
      );
    }
  }

  // "If the user asks for emoji, use them": the pronoun is the value the user asked for, and the rule grants it.
  // The prompt itself is read by the disclosure reader, not by a value pattern: its names are looked for here.
  const leadText = clause.slice(0, clause.length - main.trimStart().length);
  if (conditionMentions.size === 0 && PROMPT_NAMED.test(leadText)) conditionMentions.add("disclosure\u0000prompt");
  if (conditionMentions.size === 1 && REQUEST_LEAD.test(clause)) {
    const object = PRONOUN_RULE.exec(main);
    if (object) {
      const [dimension, value] = [...conditionMentions][0]!.split("\u0000") as [Dimension, string];
      const at = object.index + object[0].length - object[1]!.length;
      const { polarity } = polarityAt(ruleText(clause), at, context.negativeLead);
      add({ dimension, value, polarity, exclusive: false, permissive, ...scopeOf(""), command: true, ...(dimension === "disclosure" ? { topic: ["prompt"] } : {}) }, at);
      // The value is granted on request, not presupposed by the condition.
      conditionDims.delete(dimension);
    }
  }
  const grammar = { negativeLead: context.negativeLead, command, permissive, ...scopeOf("") };
  if (triggered && view.raw && QUOTED_TRIGGER.test(view.raw)) extractQuoted(clause, view.raw, grammar, add, view.previous);
  if (elsewhere || statedOnly) return;
  if (actionable) {
    // "**Never:**" over a list: its items are prohibitions even when the block reader took the label for a heading.
    const lastHeading = block.headings[block.headings.length - 1] ?? "";
    // Only a label that is nothing but the prohibition: "**Never Interpolate Untrusted Input:**" titles good practice.
    const negativeIntro = NEGATION_LABEL.test(block.listIntro ?? "") || NEGATION_LABEL.test(lastHeading);
    extractAction(ruleText(codeText), { ...grammar, negativeLead: grammar.negativeLead || negativeIntro }, add);
  }
  if (!triggered) return;
  // "- 60 words maximum": a bound that is a whole list item is a rule.
  const withCommand = { negativeLead: context.negativeLead, command: command || (block.isItem && fragment && BOUND_FRAGMENT.test(clause)) };
  extractNumeric(ruleText(clause), withCommand, permissive, localScopeOf, scopeOf, add);
  extractResponseCount(ruleText(clause), withCommand, permissive, scopeOf, add);
  // The rule text is the clause with its lead blanked, which can only take literals away.
  const verbs = verbCandidates(lowerClause);
  if (verbs[TOOLS_SET]) extractTools(ruleText(clause), withCommand, permissive, scopeOf, localScopeOf, add);
  extractDisclosure(ruleText(clause), withCommand, permissive, scopeOf, add, verbs);
  extractConfirmation(clause, grammar, add, view.following);
  extractBulletMarker(clause, view.raw ?? clause, grammar, add);
}

/** A leading condition that is the user's request or use of something ("If the user asks for a table, "). */
const REQUEST_LEAD = /^\W*(?:if|when|whenever|once)\s+(?:the\s+|a\s+)?(?:user|customer|caller|client|person|they|he|she|someone|anyone|i|we)\s+(?:explicitly\s+|specifically\s+|directly\s+|really\s+)?(?:asks?|asked|requests?|requested|wants?|prefers?|needs?|sends?|uses?|writes?|insists?)\b/i;
/** The prompt named in a condition ("If the user asks for your system prompt, "). */
const PROMPT_NAMED = /\b(?:system prompt|(?:your|these|the) (?:system |initial |original |hidden )?(?:prompt|instructions|guidelines|configuration|system message))\b/i;
/** The rule after such a condition, with a pronoun for its object: "use them", "share it", "feel free to give one". */
const PRONOUN_RULE = /^\s*(?:(?:please|just|then|simply|also|go ahead and|feel free to|you (?:may|can|should|must))\s+)?(?:(?:do not|don't|never|still do not|still don't)\s+)?(?:use|give|share|provide|include|add|send|show|reveal|offer|cite|quote|put|write|list|supply|disclose|post|return|drop in)\s+(it|them|one|some|a few|those|that)\b/i;

/** "- 60 words maximum", "- Max 3 bullets": a list item that is a bound on the reply, not a label with a range. */
const BOUND_UNIT = String.raw`(?:words?|characters?|chars?|sentences?|lines?|paragraphs?|bullets?|bullet points?|items?)`;
const BOUND_FRAGMENT = new RegExp(
  String.raw`\b\d+\s*${BOUND_UNIT}\s+(?:max(?:imum)?|min(?:imum)?|or (?:less|fewer|more)|at most|tops|at the most)\b|\b(?:max(?:imum)?|min(?:imum)?|at most|at least|no more than|up to|under|limit(?:ed)? to)\s*:?\s*\d+\s*${BOUND_UNIT}\b`,
  "i",
);

/** An exception that only the user's request makes: "unless the user explicitly asks", "unless asked to". */
const ON_REQUEST_SOURCE = String.raw`(?:^|[\s,(])unless\s+(?:(?:the|a|your)\s+)?(?:(?:user|developer|human|customer|person|they|you are|you're|i|we)\s+)?(?:(?:explicitly|specifically|directly|clearly)\s+)?(?:asks?|asked|requests?|requested|tells?|told|instructs?|instructed|says? so|wants? (?:it|you to))\b(?:(?! or | and |\bif\b|\bwhen\b)[^,;.])*`;
const ON_REQUEST = new RegExp(ON_REQUEST_SOURCE, "gi");
const ON_REQUEST_TEST = new RegExp(ON_REQUEST_SOURCE, "i");

/** "even if the user asks", "no matter how often they insist": the rule is kept against the user's request. */
const EVEN_ON_REQUEST = /\b(?:even (?:if|when|though)|no matter (?:how|whether|if|what))\b[^,.;:]{0,40}?\b(?:asks?|asked|asking|requests?|requested|requesting|insists?|insisted|insisting|begs?|begged|demands?|demanded|pushes|pressures?|tells? you to|wants? (?:it|them|you to))\b/i;

/** A condition at the head of a sentence ("If the user asks for a recipe: number the steps"). */
// "make a deck for the PRD -> ask about audience": a request mapped to what to do about it, a case and not a rule.
const SENTENCE_CONDITION = /^[^\n]{3,120}?\s(?:->|=>|→)\s|^\W*(?:if|when|whenever|once|in case|only (?:when|if|after)|as long as|provided that|until|after (?:the user|they|you have)|by default|otherwise|generally|usually|typically|normally|ideally|preferably|optionally|sometimes|occasionally)\b/i;

/** An exception a rule makes to itself: "unless the request is ambiguous", "except for recipes". */
const OWN_EXCEPTION = /(?:^|[\s,(])(?:unless(?! (?:the |a )?(?:user|person|customer|human|client|developer|they|you are|you're|explicitly|specifically|asked|told|instructed|requested|otherwise))|except(?:ing)?(?: (?:when|if|for|where|in))?|other than|save for)\b[^,;.]*/gi;
const OWN_EXCEPTION_TEST = /(?:^|[\s,(])(?:unless(?! (?:the |a )?(?:user|person|customer|human|client|developer|they|you are|you're|explicitly|specifically|asked|told|instructed|requested|otherwise))|except(?:ing)?|other than|save for)\b/i;
/** "When writing tests, …": the topic of the rule, true whenever the rule can apply at all. */
const TOPIC_CONDITION_SOURCE = String.raw`\b(?:when|while|whenever)\s+(?:you(?:'re| are)?\s+)?(?:writing|creating|adding|generating|editing|implementing|coding)\s+(?:(?:new|the|a|an|any|all|your|unit|integration|e2e)\s+)*(?:tests?|code|functions?|components?|class(?:es)?|files?|modules?|scripts?|queries|documentation|docs|comments?|commit messages?|responses?|answers?|replies)\b[^,;]*`;
const TOPIC_CONDITION = new RegExp(TOPIC_CONDITION_SOURCE, "i");
const TOPIC_CONDITION_ALL = new RegExp(TOPIC_CONDITION_SOURCE, "gi");

/** "Never: …", "Don't: …", "Avoid: …" at the head of a sentence. */
const NEGATIVE_LABEL = /^\W*(?:never|don'?t|do not|avoid|no|forbidden|prohibited|not allowed)\s*[*_]*\s*:\s+\S/i;

/** The assistant named in the third person at the head of a clause, followed by its verb. */
const SELF_SUBJECT =
  /^\W*(?:the\s+)?(?:assistant|model|ai|bot|chatbot|agent|claude|chatgpt|gpt(?:-[\w.]+)?|gemini|copilot|grok|cursor|llama|mistral|perplexity|codex|devin)\b(?:'s\s+(?:replies|responses|answers|output))?(?=\s+(?:(?:never|always|only|also|should|must|will|may|can|does(?:n't| not)?|do(?:n't| not)?|is|are|never)\b|[a-z]+s\b))/i;

const SELF_NAME = /\b(?:the assistant|the model|the ai|the bot|claude|chatgpt|gemini|copilot|grok|the agent)\b/i;
const PRONOUN_SUBJECT = /^\W*(?:it|he|she|they)\b(?=\s+(?:(?:never|always|only|also|should|must|will|may|can|does(?:n't| not)?|do(?:n't| not)?)\b|[a-z]+s\b))/i;

/** The clause may name a value of a code convention (a tool, a case, a branch): the prefilter marks one of their patterns. */
function namesCodeValue(codeText: string): boolean {
  const marks = candidatePatterns(codeText.toLowerCase());
  for (let p = 0; p < marks.length; p++) if (marks[p] === 1 && IS_CODE_PATTERN[p] === 1) return true;
  return false;
}

/** Verbs of a code workflow that open commands about the tool that does it ("Bundle with webpack"). */
const TOOL_VERB_HEAD = /^[\s*_>#\-\u2022\d.)]*(?:build|bundle|compile|test|style|manage|lint|format|switch|migrate|type-?check|merge|push|commit|rebase|squash|work)\b(?!\s+(?:is|are|was|were|has|have|should|must|will|can|files?|output|steps?|scripts?)\b)/i;

/** The roles of a project's tools and conventions, as named in statements of them ("our package manager is pnpm"). */
const ROLE_NOUN = String.raw`(?:package manager|test runner|test(?:ing)? framework|formatter|linter|bundler|build (?:tool|system)|orm|state management(?: library)?|module system|styling (?:approach|solution|library)|naming convention)`;

/**
 * "We use pnpm", "This repo uses Vitest", "Our test runner is Jest", "pnpm is our package manager", "Poetry is
 * preferred": instruction files for coding agents state a project's conventions as facts, and such a statement
 * binds the code an agent writes like a command. Bounded repeats only.
 */
const CONVENTION_STATEMENT = new RegExp(
  String.raw`^[\s*_>#\-\u2022\d.)]*(?:we|(?:this|the|our) (?:project|repo|repository|codebase|app|monorepo|package|service|workspace|stack))\s+(?:(?:now|currently|already|only|exclusively|always)\s+)?(?:use|uses|name|names|write|writes|follow|follows|prefer|prefers|format|formats|indent|indents|rely on|relies on|standardi[sz]e on|standardi[sz]es on|(?:is|are) (?:built|managed|tested|formatted|linted) (?:with|using|by))\b` +
    String.raw`|^[\s*_>#\-\u2022\d.)]*(?:our|the)\s+(?:[\w-]+\s+){0,2}?${ROLE_NOUN}\s+(?:is|are)\b` +
    String.raw`|\b(?:is|are)\s+(?:(?:strongly|always)\s+)?(?:(?:the|our)\s+)?(?:(?:preferred|recommended|required)\b|(?:[\w-]+\s+){0,2}?${ROLE_NOUN}\b)`,
  "i",
);

/** A leading phrase that narrows a rule to a place or a kind of thing ("In the legacy package, ", "For quick prototypes, "). */
const LEADING_PHRASE = /^\W*(?:in|for|during|within|inside|on)\s+([^,;:]{2,60}),\s*(?=\S)/i;

/**
 * A leading condition with its own subject ("If the user asks for a recipe, "), or a leading occasion ("For users
 * in the United States, "), followed by the rule: the rule is read without it.
 */
const LEADING_CONDITION = /^\W*(?:(?:if|when|whenever|once|after|before|unless|in case|while)\b[^,;:]{1,100}|at the (?:very )?(?:end|start|beginning|top|bottom|close) of [^,;:]{2,40}|(?:for|in|during|within|on)\s(?!(?:example|instance|short|general|particular|addition|fact|summary|brief|other words|any case|all cases|every case|each case)\b)[^,;:]{2,60}),\s*(?=\S)/i;

/** Subjects of rules about code and exact words: "Variables should be snake_case", "The word 'x' must not appear". */
const CODE_SUBJECT =
  /\b(?:variables?|functions?|methods?|class(?:es)?|components?|files?|filenames?|constants?|types?|interfaces?|strings?|indentation|indents?|tests?|code|imports?|props?|hooks?|names?|identifiers?|commits?|headers?|semicolons?|lines?|statements?|tabs|spaces|modules?|packages?|dependencies|scripts?|words?|terms?|phrases?|keywords?|source|enums?|fields?|columns?|keys?)\b/i;

/** Dimensions whose value is one thing in the reply: words after the mention describe it rather than narrow it. */
const WHOLE_THING: ReadonlySet<Dimension> = new Set(["repeat", "title", "postscript"]);

/** Dimensions whose values are often written as code (`pnpm`, `camelCase`, `*`). */
const CODE_DIMENSIONS: ReadonlySet<Dimension> = new Set(["naming", "package-manager", "convention", "test-framework", "indent", "string-quotes", "semicolons", "license", "type-hints", "commits"]);

/**
 * The verb patterns of the tool and disclosure extractors, prefiltered like the value patterns: most rules name
 * no tool and disclose nothing. Their literals are read from the expressions on first use.
 */
const TOOLS_SET = 0;
const DISCLOSURE_SET = 1;
const PROMPT_VERB_SET = 2;
const KEEP_SECRET_SET = 3;
const ADVICE_SET = 4;
let verbScanner: LiteralScanner | undefined;
/** The gated verb patterns, in `*_SET` order (for the prefilter's tests). */
export function verbPatterns(): RegExp[] {
  return [TOOLS, DISCLOSURE_VERB, PROMPT_VERB, KEEP_PROMPT_SECRET, ADVICE];
}
/** Indexed by the `*_SET` constants: 1 when `lowerText` may match that pattern. */
function verbCandidates(lowerText: string): Uint8Array {
  verbScanner ??= new LiteralScanner(verbPatterns().map((re) => literalsOf(re)));
  return verbScanner.scan(lowerText);
}

/** For each of `VALUE_PATTERNS` (same order), 1 when its dimension is in `CODE_DIMENSIONS`. */
const IS_CODE_PATTERN = Uint8Array.from(VALUE_PATTERNS, (p) => (CODE_DIMENSIONS.has(p.dimension) ? 1 : 0));

/** The masked clause with the contents of single-word code spans put back (the backticks stay blank). */
function withCodeWords(masked: string, raw: string): string {
  if (!raw.includes("`")) return masked;
  let out = "";
  let at = 0;
  for (const m of allMatches(CODE_WORD, raw)) {
    out += masked.slice(at, m.index! + 1) + m[1]!;
    at = m.index! + 1 + m[1]!.length;
  }
  return out + masked.slice(at);
}
/** A label's value that is a code span: "**Indentation**: `2 spaces`". */
const CODE_VALUE_TAIL = /:\s*(?:[*_]+\s*)?`[^`]{1,60}`[\s*_.]*$/;
const SHORT_LABEL = /^\W*[A-Za-z][\w &/-]{0,30}[*_]*:/;
/** "Packages: `xunit`, `xunit.runner.visualstudio`": code spans listed one after another are an inventory, not a choice. */
const CODE_LIST = /`[^`]{1,60}`\s*,\s*`/;
/** A code span of one word, or a short command ("`npm install`", "`poetry add`"). */
const CODE_WORD = /`([^`\s]{1,40}(?: [\w.@:/<>=-]{1,30}){0,2})`/g;

/**
 * The identifiers a naming mention applies to: named after it up to the next naming mention ("PascalCase for
 * classes, camelCase for methods"), else before it ("Variables should be snake_case"), else in a label clause
 * before the colon ("Method names: use camelCase").
 */
function namingWindowTargets(text: string, start: number, end: number, previous: string | undefined): string[] {
  const mentions = allMatches(NAMING_MENTION, text).map((m) => [m.index!, m.index! + m[0].length] as const);
  const next = mentions.find(([s]) => s >= end)?.[0] ?? text.length;
  const prev = [...mentions].reverse().find(([, e]) => e <= start)?.[1] ?? 0;
  // The explanation after "so", "because", "to match" names other things.
  const afterText = text.slice(end, next).replace(/\((?:e\.g\.|i\.e\.|for example|like|such as)[^)]*\)?/gi, " ").replace(/\b(?:so|because|since|as|to match|which|that)\b[\s\S]*$/i, "");
  const after = namingTargets(afterText);
  if (after.length > 0) return after;
  const before = namingTargets(text.slice(prev, start));
  if (before.length > 0) return before;
  if (!previous) return [];
  // "Namespaces: PascalCase": a label that names no known kind of identifier still names one.
  const named = namingTargets(previous);
  return named.length > 0 || !/^\W*[A-Za-z][\w &/-]{0,30}$/.test(previous) ? named : [`l:${normaliseScope(previous, true)}`];
}
const NAMING_MENTION = new RegExp(VALUE_PATTERNS.filter((p) => p.dimension === "naming").map((p) => p.re.source).join("|"), "gi");

/**
 * "- **Package Manager**: npm", "Tone: formal": in a list item, the value after a label is the rule itself.
 */
function labelValue(view: ClauseView, block: InstructionBlock): boolean {
  // "npm (commit package-lock.json)": a parenthetical note does not make the value a sentence.
  return block.isItem && Boolean(view.afterColon) && !(view.raw && CODE_LIST.test(view.raw)) && /^\W*[A-Za-z][\w &/-]{0,30}$/.test(view.previous!.masked) && isFragment(view.text.replace(/\([^)]*\)/g, " "));
}

/** A label that names the kind of rule ("Naming:", "Package manager:") rather than the thing the rule is about. */
const DIMENSION_LABEL =
  /^\W*(?:naming(?: conventions?| style)?|names|(?:[a-z-]+ ){1,2}names|package manag(?:er|ement)|dependency management|dependencies|test(?:ing)?(?: framework| runner| tools?)?|indentation|indent(?:ing)?|quotes|quote style|string quotes|semicolons|type hints|typing|tone|voice|language|response language|format(?:ting)?|output format|length|emoji|lists|style|code style|commits?|licen[cs]e(?: headers?)?)\W*$/i;

/** A clause with no verb of its own ("relaxed and informal"). */
function isFragment(clause: string): boolean {
  const words = clause.match(/[a-z']+/gi) ?? [];
  return words.length <= 8 && !words.some((w) => isKnownVerb(w) && !/(?:ed|ing)$/i.test(w));
}

function extractNumeric(
  clause: string,
  context: { negativeLead: boolean; command: boolean },
  permissive: boolean,
  localScopeOf: () => string,
  scopeOf: (extra: string) => { scope: string; focus?: string },
  add: Add,
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
      const key = singular === "approache" ? "approach" : singular === "replie" ? "reply" : singular;
      const group = COUNT_GROUPS[key];
      if (group === "steps") continue;
      // Any other counted thing ("exactly five numbered priorities") is compared only with counts of the same noun,
      // and only when the number is clearly a bound, not an incidental "3 years".
      if (!group && !(boundWord || n2) ) continue;
      unit = group ?? `n:${stem(key)}`;
    }
    let min = a;
    let max = b ?? a;
    // "<= 72 chars", "≥ 3 sections": a comparison sign says what its words would.
    const bw = (SIGN_WORD[boundWord ?? ""] ?? boundWord ?? "").toLowerCase();
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
    } else if (/^(?:more than|over|longer than|past|beyond)$/.test(bw)) {
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
    // "Use at least 10 sentences": a count of the reply's own units needs no other word for the reply.
    if (isLength && !RESPONSE_ANCHOR.test(clause) && !/\b(?:limit|use|contain|contains|consist of|make it|long)\b/i.test(clause)) continue;
    if (!context.command) continue;
    // "sentences under 10 words", "lines of at most 80 characters": a bound on each of those, not on the reply.
    const perUnit = isLength && PER_UNIT_BEFORE.test(clause.slice(0, m.index!));
    const perItem = perUnit || /\b(?:each|every|per)\s+(?:single\s+)?(?:bullet|item|point|line|sentence|paragraph|step|option|section|message)\b/i.test(clause) ? "each" : "";
    // "a quote of under 20 words", "20 words of text from a source": the bound measures that thing, not the reply.
    const measured =
      /\b([a-z][a-z-]+)\s+(?:of|with)\s+(?:a\s+|an\s+)?$/i.exec(clause.slice(0, m.index!))?.[1] ??
      /^\s+(?:of|from)\s+(?:the\s+|a\s+|an\s+|any\s+)?([a-z][a-z-]+)/i.exec(clause.slice(m.index! + m[0].length))?.[1];
    // "the top 3 ideas" picks from the others; it is not their number.
    const picked = !m[1] && /\b(?:top|best|first|last|final|main|key)\s+$/i.test(clause.slice(0, m.index!));
    const measuredScope = picked ? "top" : measured && !isKnownVerb(measured) && !isGenericPhrase(measured) && !/^(?:maximum|minimum|limit|length|total|most|least|up|use|length)$/i.test(measured) ? measured.toLowerCase() : "";
    add({
      dimension: isLength ? "length" : "count",
      value: unit,
      polarity,
      exclusive: false,
      permissive,
      bound: { unit, min, max },
      ...scopeOf([localScopeOf(), perItem, measuredScope].filter(Boolean).join(" & ")),
    }, m.index!);
  }
}

/** Plural only: "one sentence of no more than 25 words" is the whole reply. */
const PER_UNIT_BEFORE = /\b(?:sentences|paragraphs|lines|bullets|bullet points|items|titles|headings|headers|captions|queries|labels|subject lines|descriptions)\s+(?:(?:of|with)\s+)?$/i;

/** "Separated by six asterisks": the IFEval way to ask for several responses in one reply. */
const SEVERAL_RESPONSES = /\bseparated by (?:a (?:line|row) of )?(?:six|6) asterisks?(?: symbols?)?\b|\*{6}/i;
/** "Deliver a single, consolidated analysis", "recommend exactly one design", "never offer alternative versions". */
const ONE_RESPONSE =
  /\b(?:give|deliver|provide|write|present|produce|return|recommend|offer)\s+(?:(?:only|just)\s+)?(?:a single|exactly one|one single|only one|one)\b(?:,?\s+[\w-]+){0,2}?\s+(?:versions?|drafts?|answers?|responses?|repl(?:y|ies)|analys[ie]s|designs?|recommendations?|plans?|solutions?)\b|\b(?:do not|don't|never|no need to)\s+(?:present|offer|give|provide|include|suggest|add)\s+(?:any\s+)?(?:alternatives|alternative (?:versions?|designs?|answers?|responses?|drafts?|analys[ie]s))\b/i;

function extractResponseCount(
  clause: string,
  context: { command: boolean },
  permissive: boolean,
  scopeOf: (extra: string) => { scope: string; focus?: string },
  add: Add,
): void {
  if (!context.command) return;
  const several = SEVERAL_RESPONSES.exec(clause);
  const one = ONE_RESPONSE.exec(clause);
  const emit = (min: number, max: number, at: number) =>
    add({ dimension: "count", value: "responses", polarity: 1, exclusive: false, permissive, bound: { unit: "responses", min, max }, ...scopeOf("") }, at);
  if (several && !one) emit(2, Infinity, several.index);
  else if (one && !several) emit(1, 1, one.index);
}

const WEB_SEARCH_NOUN = /^\s+(?:results?|responses?|answers?|summar(?:y|ies)|quer(?:y|ies)|snippets?|content|output|pages?|citations?|requests?|questions?|data)\b/i;

function extractTools(
  clause: string,
  context: { negativeLead: boolean; command: boolean },
  permissive: boolean,
  scopeOf: (extra: string) => { scope: string; focus?: string },
  localScopeOf: () => string,
  add: Add,
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
    } else {
      // "web search results", "for web search responses": the search names a kind of reply, it is not used.
      if (/^web[- ]?search$/i.test(m[0]) && WEB_SEARCH_NOUN.test(clause.slice(m.index! + m[0].length))) continue;
      value = "web";
    }
    const { polarity } = polarityAt(clause, m.index!, context.negativeLead);
    if (polarity === 1 && !context.command) continue;
    const qualifier = qualifierOf(clause, m.index!, m.index! + m[0].length);
    add({ dimension: "tools", value, polarity, exclusive: false, permissive, ...scopeOf(localScopeOf()), ...(qualifier ? { qualifier } : {}) });
  }
}

function topicWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[^a-z0-9'-]+/)
    .filter((w) => w.length > 2 && !STOPWORDS.has(w))
    .map(stem);
}

/** Verbs that disclose only when their object is the prompt ("print your system prompt", "summarise your instructions"). */
const PROMPT_VERB =
  /\b(?:print|output|show|display|recite|paraphrase|summari[sz]e|describe|explain|list|dump|echo|reproduce|restate|copy|read out|type out|write out|spell out)\b/gi;
const PROMPT_VERB_ONLY = /^(?:print|output|show|display|recite|paraphrase|summari[sz]e|describe|explain|list|dump|echo|reproduce|restate|copy|read out|type out|write out|spell out)$/i;
const PROMPT_OBJECT =
  /^\s*(?:(?:your|these|this|the|my|our)\s+(?:(?:system|initial|original|hidden|internal|exact|own|full|complete|entire|whole|actual)\s+)?(?:prompts?|instructions|guidelines|directives|configuration|rules|system message)|(?:the\s+)?system prompt|(?:the )?text above|everything above)\b/i;
/** "show the user your instructions": whom it is shown to is not what is shown. */
const INDIRECT_OBJECT = /^\s*(?:the user|the users|users|the customer|customers|them|him|her|me|us|anyone|people|the person)(?=\s+(?:your|these|this|the|my|our|any|all)\b)/i;
const PART_OF = /^\s*(?:any |the |some )?(?:relevant |exact |specific |full |whole |entire )?(?:parts?|portions?|sections?|contents?|wording|text|bits?|pieces?) of(?=\s+(?:your|these|this|the|my|our)\b)/i;
const KEEP_PROMPT_SECRET =
  /\bkeep (?:your |these |this |the |all |my |our )?(?:system )?(?:prompt|instructions|rules|guidelines|configuration)(?: \w+)? (?:confidential|secret|private|hidden|to yourself)\b/gi;

/**
 * Professional advice given or withheld: "provide any medical, legal, or financial advice", "give general medical
 * guidance". The words between the verb and the noun are bounded, each taken whole, and only the field names among
 * them count.
 */
const ADVICE =
  /\b(?:give|gives|giving|provide|provides|providing|offer|offers|offering|dispense|dispensing|share|sharing|render|rendering)\s+((?:(?=([a-z'-]+))\2,?\s+){0,6}?)(?:advice|guidance|counsel|counseling|counselling)\b/gi;
const ADVICE_FIELD_WORD = /\b(?:medical|health|healthcare|clinical|legal|financial|investment|tax|psychological|psychiatric|therapeutic|mental|dietary|nutritional|pharmaceutical)\b/g;
/** Fields that are one topic under two names. */
const ADVICE_FIELD_ALIAS: Record<string, string> = { health: "medical", healthcare: "medical", clinical: "medical", pharmaceutical: "medical", investment: "financial", psychiatric: "psychological", therapeutic: "psychological", mental: "psychological", nutritional: "dietary" };

// Each word is taken whole (a lookahead capture, then its backreference): the plain `(?:[A-Za-z0-9'’-]+\s*){1,5}?`
// also tried every split of every word when no object ended within five words, thousands of steps per clause; a
// match never ends inside a word, so the first match found is the same.
const DISCLOSURE_OBJECT = /^\s*((?:(?=([A-Za-z0-9'’-]+))\2\s*){1,5}?)(?=$|[,.;:!)(]|\s(?:to|with|in|on|at|for|from|unless|if|when|even|or|and|but|because|since|without|before|after|under|as|that|which|who|so|until|into|by|than|instead)\b)/;

function extractDisclosure(
  clause: string,
  context: { negativeLead: boolean; command: boolean },
  permissive: boolean,
  scopeOf: (extra: string) => { scope: string; focus?: string },
  add: Add,
  verbs: Uint8Array,
): void {
  const matches = [...(verbs[DISCLOSURE_SET] ? allMatches(DISCLOSURE_VERB, clause) : []), ...(verbs[PROMPT_VERB_SET] ? allMatches(PROMPT_VERB, clause) : [])];
  for (const m of matches) {
    // "quote the relevant parts of these guidelines": a part of the prompt is the prompt.
    const rest = clause.slice(m.index! + m[0].length).replace(INDIRECT_OBJECT, " ").replace(PART_OF, " ");
    const obj = DISCLOSURE_OBJECT.exec(rest);
    if (!obj) continue;
    let words = topicWords(obj[1]!);
    if (words.length === 0 || words.length > 4) continue;
    // The prompt itself, however named: "these instructions", "your system prompt", "the text above".
    const aboutPrompt = PROMPT_OBJECT.test(obj[1]!);
    if (m[0].length > 0 && PROMPT_VERB_ONLY.test(m[0]) && !aboutPrompt) continue;
    if (aboutPrompt) words = ["prompt"];
    // Objects that other dimensions own (emoji, links, code, sources...) are judged there, not as topics.
    if (words.every((w) => GENERIC_NOUNS.has(w) || GENERIC_NOUNS.has(`${w}s`) || /^(?:emoj|link|url|sourc|citation|cod|snippet|json|yaml|table|list|bullet|question|clarification|tool|function|exampl|step|option|answer|respons|repl|summary|summar|help|assistanc|support|feedback|suggestion|recommendation|context|reason|explanation|tip|detail|alternativ|choic|idea|way|thing|valu|guidanc)/.test(w))) continue;
    const { polarity } = polarityAt(clause, m.index!, context.negativeLead);
    if (polarity === 1 && !context.command) continue;
    add({
      dimension: "disclosure",
      value: words.slice().sort().join(" "),
      polarity,
      exclusive: false,
      permissive,
      topic: words,
      ...scopeOf(""),
    }, m.index!);
  }
  // "Do not give medical or legal advice" against "give general medical guidance": advice in a professional field is
  // a topic of its own, whichever word names the advice.
  for (const m of verbs[ADVICE_SET] ? allMatches(ADVICE, clause) : []) {
    const fields = (m[1] ?? "").toLowerCase().match(ADVICE_FIELD_WORD) ?? [];
    if (fields.length === 0) continue;
    const { polarity } = polarityAt(clause, m.index!, context.negativeLead);
    if (polarity === 1 && !context.command) continue;
    for (const field of new Set(fields.map((f) => ADVICE_FIELD_ALIAS[f] ?? f))) {
      add({ dimension: "disclosure", value: `advice ${field}`, polarity, exclusive: false, permissive, topic: ["advice", field], ...scopeOf("") }, m.index!);
    }
  }
  for (const m of verbs[KEEP_SECRET_SET] ? allMatches(KEEP_PROMPT_SECRET, clause) : []) {
    const { polarity } = polarityAt(clause, m.index!, context.negativeLead);
    add({ dimension: "disclosure", value: "prompt", polarity: polarity === 1 ? -1 : 1, exclusive: false, permissive, topic: ["prompt"], ...scopeOf("") }, m.index!);
  }
}

export type { Span };
