import { CODE_PATTERNS } from "./vocabulary-code.js";
import { RESPONSE_PATTERNS } from "./vocabulary-response.js";

/**
 * The dimensions an instruction can constrain, and for each the values that exclude one another.
 * A pattern recognises a mention of a value; polarity, scope and conditions come from the clause around it.
 */

export type Dimension =
  | "format"
  | "length"
  | "verbosity"
  | "lists"
  | "count"
  | "language"
  | "tone"
  | "humour"
  | "emoji"
  | "questions"
  | "citations"
  | "code"
  | "disclosure"
  | "persona"
  | "tools"
  | "case"
  | "quotes"
  | "placeholders"
  | "emphasis"
  | "title"
  | "postscript"
  | "commas"
  | "repeat"
  | "units"
  | "keywords"
  | "start"
  | "end"
  | "confirmation"
  | "indent"
  | "naming"
  | "string-quotes"
  | "type-hints"
  | "license"
  | "test-framework"
  | "package-manager"
  | "convention"
  | "commits"
  | "semicolons"
  | "bullet-marker"
  | "action";

/** Human names of the kinds, used in messages and in the benchmark labels. */
export const KIND_NAMES: Record<Dimension, string> = {
  format: "output format",
  length: "length",
  verbosity: "length",
  lists: "list usage",
  count: "item count",
  language: "language",
  tone: "tone",
  humour: "humour",
  emoji: "emoji",
  questions: "clarifying questions",
  citations: "citations and links",
  code: "code in answers",
  disclosure: "disclosure",
  persona: "persona",
  tools: "tool use",
  case: "letter case",
  quotes: "quotation marks",
  placeholders: "placeholder",
  emphasis: "highlighting",
  title: "title",
  postscript: "postscript",
  commas: "comma",
  repeat: "repeat-the-request",
  units: "units of measurement",
  keywords: "keyword",
  start: "opening phrase",
  end: "closing phrase",
  confirmation: "confirmation",
  indent: "indentation",
  naming: "naming case",
  "string-quotes": "string quote",
  "type-hints": "type hint",
  license: "licence header",
  "test-framework": "test framework",
  "package-manager": "package manager",
  convention: "code convention",
  commits: "commit policy",
  semicolons: "semicolon",
  "bullet-marker": "bullet marker",
  action: "action",
};

/** The label a benchmark uses for a dimension (length and verbosity are one kind). */
export function kindOf(dimension: Dimension): string {
  return dimension === "verbosity" ? "length" : dimension;
}

export interface ValuePattern {
  dimension: Dimension;
  value: string;
  re: RegExp;
  /** The words themselves say "not": "keep it serious" is humour with negative polarity. */
  inverted?: boolean;
  /** The mention alone makes the value the whole response ("JSON only", "plain text only"). */
  exclusive?: boolean;
  /** The clause must also match this (a rule about letter case must speak of the reply, not of file names). */
  anchor?: RegExp;
  /** Any verb may govern the mention ("stick to camelCase", "keep it lowercase"). */
  loose?: boolean;
  /** A role that one tool fills (value "*"): the mention's name in it gives the value ("bundler:vite"). */
  role?: { role: string; names: Record<string, string>; local?: boolean };
}

const TONE_CONTEXT = /\b(?:tone|voice|style|register|manner|sound|be|stay|keep|remain|write|respond|reply|speak|come across|personality|attitude)\b/i;

const LANGUAGES =
  "English|Spanish|French|German|Italian|Portuguese|Dutch|Japanese|Chinese|Mandarin|Cantonese|Korean|Russian|Arabic|Hindi|Polish|Swedish|Turkish|Hebrew|Ukrainian|Vietnamese|Indonesian|Greek|Czech|Danish|Finnish|Norwegian|Thai|Romanian|Hungarian|Catalan|Tagalog|Malay|Bengali|Urdu|Persian|Farsi|Swahili";

export const VALUE_PATTERNS: ValuePattern[] = [
  // Output format.
  { dimension: "format", value: "json", re: /(?<!\.)\bjson\b(?![- ]?(?:lines|l\b|schema|files?|path|\.\w))/gi },
  { dimension: "format", value: "yaml", re: /(?<!\.)\bya?ml\b(?![- ]?(?:files?|front))/gi },
  { dimension: "format", value: "xml", re: /(?<!\.)\bxml\b(?![- ]?(?:files?|tags?))/gi },
  { dimension: "format", value: "csv", re: /(?<!\.)\bcsv\b(?![- ]?files?)/gi },
  {
    dimension: "format",
    value: "table",
    re: /\bmarkdown tables?\b|\btabular\b|\b(?:in|as|into|use|using|with|a|an|one|build|create|draw) (?:a |an |one |markdown |comparison |simple |small |clean |short |clear |compact |brief |single |summary |concise |neat |tidy )?(?:markdown |comparison |summary )?tables?\b(?! of contents)|\btables? format\b/gi,
  },
  { dimension: "format", value: "markdown", re: /\bmarkdown\b(?! tables?)(?! files?)|\bmarkup\b/gi },
  { dimension: "format", value: "plaintext", re: /\bplain[- ]text\b(?! files?)|\bunformatted\b|\bno (?:special |rich )?formatting\b/gi, exclusive: true },
  { dimension: "format", value: "prose", re: /\bprose\b/gi },
  { dimension: "format", value: "codeblock", re: /\bcode ?blocks?\b|\bfenced (?:code|blocks?)\b|\btriple backticks\b/gi },

  // Verbosity (qualitative length).
  {
    dimension: "verbosity",
    value: "brief",
    re: /\b(?:brief(?:ly)?|terse(?:ly)?|one-liners?|short(?!-term| ?cuts?| ?code| names?)|shorter)\b(?<!\bin short)/gi,
  },
  { dimension: "verbosity", value: "concise", re: /\b(?:concise(?:ly)?|succinct(?:ly)?|to the point|minimal(?:ist)?)\b/gi },
  {
    dimension: "verbosity",
    value: "detailed",
    re: /\b(?:detailed|in[- ]depth|elaborate(?:ly)?|(?<!non-)exhaustive(?:ly)?|at length|long[- ]form|lengthy|verbose|in (?:great |full |much )?detail|(?:explain|describe|walk (?:me |the user |them |users )?through|cover|detail|document|justify)\s+(?:every|each) (?:single )?step|step[- ]by[- ]step)\b/gi,
  },
  { dimension: "verbosity", value: "detailed", re: /\b(?:a |an )long(?:,| and)? (?:[\w-]+ )?(?:explanation|answer|response|reply|essay|article|report|write-?up)s?\b/gi },
  { dimension: "verbosity", value: "thorough", re: /\b(?:thorough(?:ly)?|comprehensive(?:ly)?)\b/gi },

  // Lists: bullets and numbered lists are told apart, "lists" names either.
  { dimension: "lists", value: "bullets", re: /\bbullet(?:ed)?[- ]?(?:points?|lists?|items?|style|format)\b|\bbullets\b|\bbulleted\b/gi },
  { dimension: "lists", value: "numbered", re: /\b(?:numbered|ordered|enumerated) (?:lists?|steps|items|points)\b|\bnumber(?:ed)? (?:the|your|each|all) steps\b/gi },
  {
    dimension: "lists",
    value: "lists",
    re: /\b(?:as|in|into|use|using|give|make|write|return|provide) (?:a )?lists?\b(?! of)|\blist format\b|(?<!(?:numbered|bulleted|ordered|bullet|nested|unordered|enumerated|markdown|todo|to-do|check|task|reading|shopping|word|long|short) )\blists\b(?= or | and |[,.;]|$| of any (?:kind|sort)| at all| whatsoever)/gi,
  },

  // Language of the reply.
  {
    dimension: "language",
    value: "*",
    re: new RegExp(`\\b(?:in|into|using|use|only|speak|write|respond|reply|answer) (?:(?:simplified|traditional|brazilian|european|latin american|british|american|canadian|mexican|swiss|standard|modern|plain|formal)\\s+)?(?:${LANGUAGES})\\b|\\b(?:${LANGUAGES})(?= only\\b)`, "gi"),
  },
  {
    dimension: "language",
    value: "user",
    re: /\b(?:the )?(?:user'?s|users'|customer'?s|their|the same|same) (?:own |preferred |native |original )?language\b|\blanguage (?:of|used by|that) the (?:user|customer|question|message)\b|\bsame language as\b|\bwhatever language\b|\blanguage they (?:write|use|speak)\b/gi,
  },

  // Tone: pairs of antonyms (formal/casual, enthusiastic/calm, warm/detached).
  { dimension: "tone", value: "formal", re: /(?<!in)\bformal(?:ly)?\b|\bbusiness-?like\b|\bprofessional register\b/gi },
  { dimension: "tone", value: "casual", re: /\b(?:casual(?:ly)?|informal(?:ly)?|laid[- ]back|slang|colloquial(?:ly)?|chatty|conversational and relaxed|relaxed)\b/gi },
  { dimension: "tone", value: "enthusiastic", re: /\b(?:enthusiastic(?:ally)?|excited|upbeat|energetic|bubbly|peppy|hyped|high-energy)\b/gi, anchor: TONE_CONTEXT },
  { dimension: "tone", value: "calm", re: /\b(?:calm|measured|understated|subdued|low-key|matter-of-fact|neutral tone|even-toned)\b/gi, anchor: TONE_CONTEXT },
  { dimension: "tone", value: "warm", re: /\b(?:warm(?:ly)?|empathetic(?:ally)?|compassionate(?:ly)?|caring)\b(?! up| colou?rs?| lead)/gi, anchor: TONE_CONTEXT },
  { dimension: "tone", value: "cold", re: /\b(?:cold(?:ly)?|detached|clinical(?:ly)?|impersonal(?:ly)?|emotionless|robotic)\b(?! start| cache| storage| outreach| emails?| calls?)/gi, anchor: TONE_CONTEXT },

  // Taking the user's tone rather than a fixed one.
  { dimension: "tone", value: "mirror", re: /\b(?:match|matching|mirror|mirroring|adapt to|adapting to|follow|take on|adopt) (?:the )?(?:user|customer|person|caller|client)(?:'s|s'|’s) (?:own )?(?:tone|vibe|register|formality|style of (?:writing|speech))\b/gi, loose: true },

  // Humour.
  {
    dimension: "humour",
    value: "humour",
    re: /\b(?:humou?r(?:ous)?|jokes?|joking|funny|puns?|witty|wit|playful(?:ness)?|sarcas(?:m|tic)|banter|jok(?:ey|y)|light-?hearted)\b/gi,
  },
  { dimension: "humour", value: "humour", re: /\b(?:keep (?:it|things|the tone) serious|serious(?:,? [\w-]+)? (?:tone|register|voice|manner)|serious tone|strictly serious|no-nonsense|humou?rless|joke-free|without (?:any )?humou?r)\b/gi, inverted: true },
  // An emoji written out, except the check marks and arrows that mark list items.
  { dimension: "emoji", value: "emoji", re: /(?![✅❌✔✖⚠➡👉🔹🔸▶⭐✓✗☐☑])\p{Extended_Pictographic}(?<=\p{L}[^\n]{0,200}?\p{Extended_Pictographic})/gu, loose: true },

  // Emoji.
  { dimension: "emoji", value: "emoji", re: /\bemoj(?:i|is|y)\b|\bemoticons?\b|\bsmiley(?:s| faces?)?\b|\bkaomoji\b/gi },

  // Clarifying questions.
  {
    dimension: "questions",
    value: "ask",
    re: /\b(?:clarifying|clarification|follow[- ]?up|probing) questions?\b|\bask (?:the user |users |the customer |customers |them |him |her )?(?:for )?clarifications?\b|\bask(?:ing)? (?:the user |users |the customer |customers |them )?(?:any |more |additional |a few |some )?(?:questions?|for (?:more |additional |further )(?:details|context|information|info))\b|\bseek clarification\b|\b(?:without|instead of|before) asking\b|\bask (?:the user |users |the customer |customers |them )?anything\b|\b(?:with|by asking) (?:a |one )?(?:follow-up |short |quick |simple |open-ended |open |friendly )?question\b|\bconfirm (?:[\w-]+ ){0,4}?with (?:the |your )?(?:user|customer|caller|client|them)\b|\bcheck (?:back )?with (?:the |your )?(?:user|customer)\b|\bpose (?:any |a |follow-up )?questions?\b|\b(?:address|direct|put|send) (?:any |a |your )?questions? to\b|\bask (?:\w+ ){1,3}?questions\b|\b(?:begin|start|open|end|finish|close)\s+(?:\w+\s+){0,3}?with\s+(?:a few |some |clarifying |follow-up |open-ended |\w+ )?questions\b|\b(?:skip|drop|omit)\s+(?:the\s+|any\s+|all\s+)?(?:questions|interview|questionnaire|discovery questions)\b/gi,
  },

  // Citations and links.
  {
    dimension: "citations",
    value: "citations",
    re: /\bcitations?\b|\bcit(?:e|ing)\b(?=\s(?:your |the |all |every |each |any |a |its )?(?:sources?|references?|documents?|studies|papers|articles|anything|everything|them|it)\b|[,.;]|$)|\b(?:your|the|its|their|all|any) sources\b|\bfootnotes?\b|\breferences? (?:list|section)\b|\bsource (?:links|urls|citations)\b/gi,
  },
  { dimension: "citations", value: "links", re: /(?<!sym)\b(?:hyper)?links?\b(?! (?:the|this|it|them|your|to the (?:issue|ticket))\b| (?:text|formatting|format|title|titles|syntax|label|labels|style|preview|previews)\b)|\burls?\b(?!:)|\bweb addresses\b|\blinking (?:to )?(?:one |a |an |the |relevant |external |reputable )?(?:\w+ )?(?:video|article|page|source|site|resource)s?\b/gi },

  // Code in answers.
  {
    dimension: "code",
    value: "code",
    re: /\bcode (?:snippets?|examples?|samples?|listings?)\b|\bsnippets? of code\b|\b(?:runnable|working|executable|sample|example|short|small|minimal) (?:code )?snippets?\b|\b(?:any|no|include|includes|including|show|shows|provide|with|contain|containing|write|writing|output|produce) (?:actual |runnable |working |example |sample )?code\b|\b(?:generate|write|produce|output|provide|give)\s+(?:the\s+|a\s+)?(?:full|complete|entire|working|runnable|all|necessary|required|actual|production|sample|example|boilerplate|starter)\s+(?:[\w-]+\s+){0,3}?code\b(?! (?:review|reviews|base|comments?|style|quality|changes?|blocks?))(?! (?:review|reviews|base|comments?|style|quality|changes?|blocks?))/gi,
  },
];

VALUE_PATTERNS.push(...RESPONSE_PATTERNS, ...CODE_PATTERNS);

export const LANGUAGE_NAME = new RegExp(`\\b(${LANGUAGES})\\b`);

/** Item nouns for counts, grouped so that "options" and "alternatives" are the same thing. */
export const COUNT_GROUPS: Record<string, string> = {
  option: "options", alternative: "options", choice: "options", suggestion: "options", recommendation: "options",
  idea: "options", variation: "options", variant: "options", version: "options", solution: "options", approach: "options",
  "bullet point": "items", bullet: "items", item: "items", point: "items",
  example: "examples", tip: "tips", step: "steps", question: "questions", reason: "reasons",
  name: "names", title: "names", headline: "names", tagline: "names", slogan: "names",
  response: "responses", answer: "responses", reply: "responses", placeholder: "placeholders",
};

export const COUNT_NOUN =
  "bullet points?|bullets?|items?|options?|alternatives?|choices?|suggestions?|recommendations?|ideas?|variations?|variants?|versions?|solutions?|approaches|approach|examples?|tips?|steps?|questions?|reasons?|names?|titles?|headlines?|taglines?|slogans?|responses?|answers?|replies|reply|placeholders?";

export const LENGTH_UNIT = "words?|sentences?|paragraphs?|characters?|chars?|lines?|tokens?|sections?";

/** Rough size of one unit in words, as a [low, high] range: loose on purpose so only clear clashes remain. */
export const UNIT_IN_WORDS: Record<string, [number, number]> = {
  word: [1, 1],
  sentence: [4, 35],
  paragraph: [25, 250],
  character: [1 / 8, 1 / 3],
  line: [2, 20],
  token: [0.5, 1],
};

export function unitOf(raw: string): string {
  const w = raw.toLowerCase();
  if (w.startsWith("word")) return "word";
  if (w.startsWith("sentence")) return "sentence";
  if (w.startsWith("paragraph")) return "paragraph";
  if (w.startsWith("char")) return "character";
  if (w.startsWith("line")) return "line";
  if (w.startsWith("section")) return "section";
  return "token";
}

/** Formats that may appear together in one response. */
const COMPATIBLE_FORMATS: [string, string][] = [
  ["prose", "markdown"],
  ["prose", "codeblock"],
  ["prose", "plaintext"],
  ["markdown", "table"],
  ["markdown", "codeblock"],
  ["table", "codeblock"],
  ["json", "codeblock"],
  ["yaml", "codeblock"],
  ["xml", "codeblock"],
  ["csv", "codeblock"],
  ["headings", "prose"],
  ["headings", "markdown"],
  ["headings", "table"],
  ["headings", "codeblock"],
];

export function formatsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  return COMPATIBLE_FORMATS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** Nouns that name the response as a whole: a rule about them is not narrowed to a part. */
export const GENERIC_NOUNS = new Set(
  (
    "response responses answer answers reply replies output outputs message messages conversation conversations interaction " +
    "interactions chat chats communication communications writing text texts everything all anything general case cases " +
    "format formats formatting object objects block blocks syntax style mode tone voice language languages register " +
    "user users customer customers people person human humans them him her everyone anyone someone you yourself it this that " +
    "way ways time times point detail details depth length manner form sense terms plain full short brief place order " +
    "clarity readability brevity consistency example examples instance situation situations circumstance circumstances " +
    "content contents result results explanation explanations information response-time reference default defaults " +
    "character characters token tokens item items " +
    "return returns final entire whole every each any some own other reply's answer's turn turns request requests query queries " +
    "question questions solution solutions suggestion suggestions option options list lists bullet bullets emoji emojis " +
    "link links url urls source sources citation citations snippet snippets json yaml xml csv markdown prose " +
    "english spanish french german italian portuguese japanese chinese humor humour jokes joke tool tools " +
    "things thing light mood vibe atmosphere level levels amount minimum maximum most least total"
  ).split(" "),
);

/** Filler phrases after "in"/"for" that do not narrow a rule. */
export const FILLER_SCOPE =
  /^(?:short|general|particular|mind|order|total|full|detail|depth|advance|doubt|addition|case|any case|all cases|every case|all situations|any situation|every situation|the end|the beginning|summary|sum|brief|practice|fact|return|turn|person|public|private|line with|accordance with|response|reply|answer|writing|conversation|chat|plain|simple|clear|natural|the first place|that case|this case|each case|both|either|all|any|every|each|everything|anything|this|that|these|those|it|them|you|your own|own|one|your|the|an|a)\b/i;

/** Verbosity values that cannot hold together in one reply ("concise" and "thorough" can). */
const VERBOSITY_CLASHES: [string, string][] = [
  ["brief", "detailed"],
  ["brief", "thorough"],
  ["concise", "detailed"],
  ["brief", "unlimited"],
  ["constrained", "detailed"],
  ["constrained", "thorough"],
  ["constrained", "unlimited"],
  ["concise", "unlimited"],
];

/** Tone values that cannot hold together in one reply. */
const TONE_CLASHES: [string, string][] = [
  ["formal", "casual"],
  ["mirror", "formal"],
  ["mirror", "casual"],
  ["enthusiastic", "calm"],
  ["warm", "cold"],
];

export function toneClash(a: string, b: string): boolean {
  return TONE_CLASHES.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export function verbosityClash(a: string, b: string): boolean {
  return VERBOSITY_CLASHES.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}
