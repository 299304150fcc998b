/**
 * Constraints on the shape of a reply beyond format and length, after the instruction types that IFEval
 * (google-research `instruction_following_eval`, its `instructions_registry`) found people write: letter case,
 * quotation wrapping, placeholders, highlighted text, titles, postscripts, commas, repeating the request, the
 * number of responses; and units of measurement. Each pattern recognises a mention; polarity, scope and
 * conditions come from the clause around it.
 */
import type { ValuePattern } from "./vocabulary.js";

/** Words that tie a clause to the reply as a whole ("your entire response", "everything you write"). */
const WHOLE_REPLY =
  /\b(?:respon(?:d|ses?)|repl(?:y|ies)|answers?|outputs?|everything|entire|entirely|whole|all (?:of )?your|messages?|writ(?:e|ing)|text|return|words|letters|reports?|reviews?|documents?|essays?|articles?|posts?|emails?|letters?|comments?|summar(?:y|ies))\b/i;

/** Headings of the reply: a sentence that names the reply, or a verb that lays it out ("Don't use headings"). */
const HEADING_ANCHOR = new RegExp(`${WHOLE_REPLY.source}|\\b(?:use|add|include|structure|organi[sz]e|split|break)\\b`, "i");

/** A title is asked for or banned with these verbs even when the sentence does not name the reply ("Do not include a title"). */
const TITLE_ANCHOR = new RegExp(`${WHOLE_REPLY.source}|\\b(?:include|add|give|put|start|begin|open)\\b`, "i");

export const RESPONSE_PATTERNS: ValuePattern[] = [
  // Letter case of the whole reply.
  {
    dimension: "case",
    value: "lower",
    re: /\b(?:all[- ])?lower[- ]?case(?:d)?\b(?![- ](?:names?|keys?|identifiers?|variables?|files?|folders?|directories|tags?|slugs?|urls?|ids?|columns?|fields?|paths?|extensions?|hex|emails?|strings?|letters? for\b))|\bsmall letters\b/gi,
    anchor: WHOLE_REPLY,
    loose: true,
  },
  {
    dimension: "case",
    value: "upper",
    re: /\b(?:all[- ])?upper[- ]?case(?:d)?\b(?![- ](?:names?|keys?|identifiers?|variables?|constants?|files?|tags?|ids?|columns?|fields?|acronyms?|abbreviations?|sql|keywords?|hex|letters? for\b))|\ball[- ]caps\b|\b(?:all |in |using |block )(?:capital letters|capitals)\b|\bcapital letters (?:only|throughout)\b|\bno capital(?:s| letters)\b|\bcapital letters (?:are|is) (?:not |never )?(?:allowed|permitted|forbidden|banned)\b/gi,
    anchor: WHOLE_REPLY,
    loose: true,
  },

  { dimension: "case", value: "sentence", re: /\bsentence[- ]case\b|\b(?:start|begin)\b[^.;]{0,40}\bwith an? (?:capital|uppercase|upper-case) letter\b/gi, loose: true },
  { dimension: "case", value: "title", re: /\btitle[- ]case\b|\bcapitali[sz]e (?:the first letter of )?(?:every|each|all) (?:word|major word)s?\b/gi, loose: true },
  { dimension: "case", value: "upper", re: /\bcapitali[sz]e (?:everything|all (?:letters|the letters|text|the text))\b/gi, loose: true },

  // Greetings open a reply: "no greetings" against "start every reply with a friendly greeting".
  // "never ask more than one question in the greeting": a greeting named as the place of another rule is not asked for.
  { dimension: "start", value: "n:greet", re: /(?<!\b(?:in|during|within|into|after|before|from) (?:the |your |a |an |each |every |this |that )?)(?:\bgreetings?\b(?! (?:cards?|messages? (?:for|to)))|\bsalutations?\b)/gi, loose: true },
  // Headings in the reply.
  { dimension: "format", value: "headings", re: /(?<!(?:http|request|response|auth|column|table|licen[cs]e|copyright|file|csv|email|page|cors|cache|security|api) )\b(?:markdown |section |formal markdown )?(?:headers|headings)\b/gi, anchor: HEADING_ANCHOR },
  { dimension: "format", value: "headings", re: /\bwith (?:a |one )(?:markdown |section )?heading(?= (?:for|per|above|over) (?:each|every)\b)/gi, loose: true },

  // The reply wrapped in quotation marks.
  {
    dimension: "quotes",
    value: "double",
    re: /\b(?:wrap|wrapped|wrapping|enclose|enclosed|enclosing|surround|surrounded|put|place|inside|within|in) (?:[\w-]+ ){0,10}?(?:with |in |by |inside |within )?(?:a pair of |a set of )?double (?:quotation marks|quotes|quote marks|inverted commas)\b|\b(?:put|place|add|use)\s+double (?:quotation marks|quotes|quote marks) around\b/gi,
    anchor: WHOLE_REPLY,
    loose: true,
  },
  {
    dimension: "quotes",
    value: "single",
    re: /\b(?:wrap|wrapped|wrapping|enclose|enclosed|enclosing|surround|surrounded|put|place|inside|within|in) (?:[\w-]+ ){0,10}?(?:with |in |by |inside |within )?(?:a pair of |a set of )?single (?:quotation marks|quotes|quote marks|inverted commas)\b|\b(?:put|place|add|use)\s+single (?:quotation marks|quotes|quote marks) around\b/gi,
    anchor: WHOLE_REPLY,
    loose: true,
  },
  {
    dimension: "quotes",
    value: "any",
    re: /\b(?:wrap|wrapped|wrapping|enclose|enclosed|enclosing|surround|surrounded|put|place) (?:[\w-]+ ){0,10}?(?:with|in|by|inside|within) (?:any )?(?:quotation marks|quotes|quote marks|inverted commas)\b|\b(?:put|place|add|use)\s+(?:any\s+)?(?:quotation marks|quotes|quote marks) around\b|\bno (?:quotation marks|quotes|quote marks)\b|\bquotation marks around (?:your|the|an?|each|every) (?:entire |whole )?(?:answer|response|reply|output|message)s?\b/gi,
    anchor: WHOLE_REPLY,
    loose: true,
  },

  // Placeholders in square brackets. "Never pad with placeholder text" is about filler, not brackets left to fill.
  {
    dimension: "placeholders",
    value: "placeholders",
    re: /(?<!\b(?:pad|pads|padded|padding)(?: \w+)? with )(?:\b(?:(?:square[- ])?bracket(?:ed)? )?placeholders?\b(?! (?:text|values?) for\b)(?! (?:images?|blocks?|content|data|files?|pages?|components?|sections?|graphics?|icons?|logos?|photos?|pictures?|assets?|functions?|code|implementations?|comments?|methods?|logic|stubs?|routes?|screens?|links?|urls?)\b)|\bplaceholder (?:text|values?|tokens?)\b)/gi,
    loose: true,
  },

  // Emphasis: bold, italics, highlighted sections.
  { dimension: "emphasis", value: "bold", re: /(?<!\b(?:be|being|feel|stay|get|more|less|too) )\bbold(?:face|ed)?\b(?! (?:with|about|in (?:your|my|their) (?:choices|actions|approach)|enough)\b)(?! (?:claims?|statements?|predictions?|promises?|moves?|ideas?|assertions?|choices?|colou?rs?|decisions?|guesses?|language|opinions?|actions?|steps?|vision|visions|plans?|goals?)\b)(?!-)/gi, loose: true },
  { dimension: "emphasis", value: "italics", re: /\bitali(?:cs?|ci[sz]ed?|ci[sz]ing)\b/gi, loose: true },
  {
    dimension: "emphasis",
    value: "highlight",
    re: /\bhighlight(?:ed)? (?:at least \w+ |exactly \w+ |\w+ )?(?:sections?|parts?|passages?|phrases?|key (?:terms|words|phrases|points))\b(?=[^.;]{0,60}\b(?:markdown|asterisks?|bold|italics?)\b)|\bhighlighted sections?\b/gi,
    loose: true,
  },

  // A title (IFEval: wrapped in double angular brackets).
  {
    dimension: "title",
    value: "title",
    re: /\b(?:a|an|no|any|with a|without a|without any|your own) (?:short |catchy |clear |descriptive |bold |single )?title\b(?! case| tags?| attributes?| of\b| fields?| bars?| pages?| text\b| slide| cards?| screens?| (?:for|to|on|in) (?:the|each|every|your|a|an|all) (?:section|table|chart|graph|figure|image|slide|link|page|ticket|issue|pr|pull request|commit|column|card|tab|window|dialog|modal|button)s?)|\bdouble angular brackets\b|\bdouble angle brackets\b/gi,
    anchor: TITLE_ANCHOR,
    loose: true,
  },

  { dimension: "title", value: "title", re: /\b(?:skip|omit|drop|leave out|no need for) (?:the |a |any )?title\b(?! (?:fields?|bars?|pages?|tags?|attributes?|case)\b)/gi, loose: true },

  // A postscript.
  { dimension: "postscript", value: "postscript", re: /\bpost-?scripts?\b|(?<![\w.])P\.\s?S\.(?![\w])|(?<![\w.])P\.P\.S\b/gi, loose: true },

  // Commas anywhere in the reply.
  {
    dimension: "commas",
    value: "commas",
    re: /\bcommas?\b(?! (?:before|after|between) (?:the )?(?:last|final)\b)(?![- ]separated)(?![- ]delimited)|\bcomma[- ](?:separated|delimited)\b/gi,
    loose: true,
  },

  // Repeating the request before answering; going straight to the answer.
  {
    dimension: "repeat",
    value: "request",
    re: /\b(?:repeat(?:s|ing)?|restat(?:e|es|ing)|reiterat(?:e|es|ing)|echo(?:es|ing)?|rephras(?:e|es|ing)|paraphras(?:e|es|ing)|cop(?:y|ies|ying)|recit(?:e|es|ing))(?:\s+(?:or|and)\s+(?:repeat(?:s|ing)?|restat(?:e|es|ing)|reiterat(?:e|es|ing)|echo(?:es|ing)?|rephras(?:e|es|ing)|paraphras(?:e|es|ing)|cop(?:y|ies|ying)|recit(?:e|es|ing)))? (?:back )?(?:the |their |my |your )?(?:[\w-]+'s )?(?:original |exact |full )?(?:request|question|prompt|query|instruction|task)\b/gi,
    loose: true,
  },
  { dimension: "repeat", value: "preamble", re: /\bpreambles?\b/gi, loose: true },
  {
    dimension: "repeat",
    value: "preamble",
    re: /\b(?:start|begin|open|lead) (?:[\w-]+ ){0,3}?(?:directly|immediately|straight|right away) with (?:the |your )?answer\b|\bget (?:straight|right|directly) to the (?:point|answer)\b|\bjump (?:straight |right |directly )?(?:in|into the answer)\b|\bgo(?:es)? (?:straight|right|directly) to the (?:point|answer)\b|\b(?:start|begin) (?:the |your )?(?:answer|reply|response) (?:immediately|directly|right away|straight away)\b/gi,
    inverted: true,
    loose: true,
  },

  // What a reply opens or closes with, named by kind rather than by its words: an offer of more help ("never close
  // with a generic offer of more help" against "close every answer by offering a next step"), praise of the question,
  // a summary of what was done, a trailing period.
  {
    dimension: "end",
    value: "n:offer",
    re: /\b(?:offers?|offering) (?:of |to )?(?:(?:more|further|additional|extra|other) )?(?:help|assistance|support)\b|\b(?:offers?|offering|suggest(?:s|ing)?) (?:a |the |one )?(?:concrete |possible |logical )?next steps?\b|\bopt-in (?:questions?|offers?)\b|\b(?:hedging|generic|canned|stock) (?:closers?|closings?|sign-?offs?|offers?)\b|\bask(?:s|ing)? (?:the user |them |the customer |the person )?(?:if|whether) (?:they|the user|the customer|the person) (?:need|needs|want|wants|would like|has|have) (?:anything|more|further|any (?:other|more|further))\b/gi,
    anchor: /\b(?:end|ends|ending|close|closes|closing|closers?|finish|finishes|finishing|conclude|concludes|concluding|wrap(?:s|ping)? up|sign(?:s|ing)? off|last (?:line|sentence)|final (?:line|sentence))\b/i,
    loose: true,
  },
  {
    dimension: "start",
    value: "n:praise",
    re: /\bflatter(?:y|ing)?\b|\b(?:prais(?:e|es|ing)|compliment(?:s|ing)?) (?:the |their |the user's |the person's |his |her )?(?:question|idea|observation|query|request|input)s?\b|\b(?:question|idea|observation|query)s? (?:or [\w-]+ ){0,3}(?:was|is|were|as) (?:[\w-]+,? (?:or )?){0,6}?(?:good|great|excellent|fascinating|interesting|insightful|profound)\b|\b(?:it's|it is|that's|that is|what) an? (?:really |very )?(?:good|great|excellent|fascinating|interesting|insightful|wonderful|brilliant) (?:question|idea|point|observation)\b/gi,
    anchor: /\b(?:start|starts|starting|begin|begins|beginning|open|opens|opening|openers?|lead|leads|first)\b/i,
    loose: true,
  },
  // The whole phrase is the mention, so a summary named elsewhere ("keep summaries brief") is left to other rules.
  {
    dimension: "end",
    value: "n:summary",
    re: /\b(?:end|ends|ending|finish|finishes|finishing|close|closes|closing|conclude|concludes|concluding|wrap(?:s|ping)? up)\s+(?:[\w-]+\s+){0,5}?with\s+(?:an?\s+|the\s+|your\s+)?(?:[\w-]+\s+){0,3}?(?:summary|summaries|recap|tl;?dr)\b(?! (?:section|field|tab|page|table|view|card)s?\b)|\bno (?:closing |final |change )?(?:summar(?:y|ies)|recaps?)\b/gi,
    loose: true,
  },
  {
    dimension: "end",
    value: "n:summary",
    re: /\bsummari[sz](?:e|es|ing) (?:the |your |any |all )?(?:changes?|edits?|(?:the )?work (?:done|you did)|what (?:you|was|has been) (?:did|changed|done|have done|edited))\b/gi,
    loose: true,
  },

  // A reply chosen from given options or cut to a word: "Answer with one of the following options", "a one-word answer".
  {
    dimension: "verbosity",
    value: "constrained",
    re: /\b(?:answer|respond|reply)(?:s|ing)? (?:only )?(?:with|using) (?:only )?(?:one of|either of) (?:the following|these|the given|the listed)(?: options| choices| answers| words)?\b|\b(?:answer|respond|reply) (?:only )?(?:with|in) (?:a single word|one word|yes or no)\b|\b(?:a )?(?:one|single)[- ]word (?:answer|reply|response)s?\b/gi,
    loose: true,
  },

  // Length left open on purpose: "however long that makes the review", "even if the file runs long".
  {
    dimension: "verbosity",
    value: "unlimited",
    re: /\bhowever long (?:it|that|this|they)\b|\bno matter how long\b|\bregardless of (?:the )?(?:length|word count)\b|\beven if (?:it|that|this|they|the (?:answer|reply|response|file|report|review|document|output|list)) (?:runs|run|gets|get|becomes|become|ends up|end up|is|are|grows|grow) (?:very |quite |too |rather )?(?:long|lengthy|longer)\b/gi,
    loose: true,
  },

  // Units of measurement: a system, or one quantity in one system.
  {
    dimension: "units",
    value: "metric:*",
    re: /\b(?:SI|metric|international system)(?: system)?(?: units?| measures?| measurements?| system)\b|\bmetric\b(?= (?:only|throughout|everywhere)\b)|\b(?:SI|metric) (?:units )?(?:only|throughout)\b/gi,
    loose: true,
  },
  {
    dimension: "units",
    value: "imperial:*",
    re: /\b(?:imperial|US customary|U\.S\. customary|american)(?: system)?(?: units?| measures?| measurements?| system)\b/gi,
    loose: true,
  },
  { dimension: "units", value: "metric:distance", re: /\b(?:in|into|using|use) (?:kilomet(?:er|re)s|km|met(?:er|re)s|centimet(?:er|re)s|cm)\b/gi, loose: true },
  { dimension: "units", value: "imperial:distance", re: /\b(?:in|into|using|use) (?:miles|feet|inches|yards)\b/gi, loose: true },
  { dimension: "units", value: "metric:temperature", re: /\b(?:in|into|using|use) (?:degrees )?(?:celsius|centigrade)\b|°C\b/gi, loose: true },
  { dimension: "units", value: "imperial:temperature", re: /\b(?:in|into|using|use) (?:degrees )?fahrenheit\b|°F\b/gi, loose: true },
  { dimension: "units", value: "metric:weight", re: /\b(?:in|into|using|use) (?:kilo(?:gram)?s|kg|grams)\b/gi, loose: true },
  { dimension: "units", value: "imperial:weight", re: /\b(?:in|into|using|use) (?:pounds|lbs|ounces|oz|stone)\b(?! sterling)/gi, loose: true },
  { dimension: "units", value: "metric:volume", re: /\b(?:in|into|using|use) (?:lit(?:er|re)s|millilit(?:er|re)s|ml)\b/gi, loose: true },
  { dimension: "units", value: "imperial:volume", re: /\b(?:in|into|using|use) (?:gallons|quarts|pints|fluid ounces|fl oz|cups)\b/gi, loose: true },
];

/** Unit systems clash when one names the whole system or both name the same quantity. */
export function unitsClash(a: string, b: string): boolean {
  const [sa, qa] = a.split(":") as [string, string];
  const [sb, qb] = b.split(":") as [string, string];
  if (sa === sb) return false;
  return qa === "*" || qb === "*" || qa === qb;
}

/** Kinds of opening and closing phrase, so a quoted phrase ('end with "Anything else I can help with?"') meets a rule on its kind. */
const PHRASE_KINDS: { cue: "start" | "end"; value: string; re: RegExp }[] = [
  { cue: "start", value: "n:greet", re: /^(?:hello|hi|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|dear|welcome)\b/ },
  { cue: "start", value: "n:praise", re: /\b(?:great|good|excellent|fascinating|interesting|insightful|wonderful|brilliant) (?:question|idea|point|observation)\b/ },
  { cue: "end", value: "n:offer", re: /\banything else\b|\bwould you like (?:me|to)\b|\blet me know if\b|\bhappy to help\b|\bfeel free to (?:ask|reach)\b|\b(?:can|may) i (?:help|assist)\b|\bwant me to\b/ },
];

/** The kind of a quoted opening or closing phrase ("n:greet" for "Hello"), if it has one. */
export function phraseKind(cue: "start" | "end", literal: string): string | undefined {
  return PHRASE_KINDS.find((k) => k.cue === cue && k.re.test(literal))?.value;
}
