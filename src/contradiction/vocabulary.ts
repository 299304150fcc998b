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
  | "tools";

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
}

const LANGUAGES =
  "English|Spanish|French|German|Italian|Portuguese|Dutch|Japanese|Chinese|Mandarin|Cantonese|Korean|Russian|Arabic|Hindi|Polish|Swedish|Turkish|Hebrew|Ukrainian|Vietnamese|Indonesian|Greek|Czech|Danish|Finnish|Norwegian|Thai|Romanian|Hungarian|Catalan|Tagalog|Malay|Bengali|Urdu|Persian|Farsi|Swahili";

export const VALUE_PATTERNS: ValuePattern[] = [
  // Output format.
  { dimension: "format", value: "json", re: /\bjson\b(?![- ]?(?:lines|l\b|schema|files?|path|\.\w))/gi },
  { dimension: "format", value: "yaml", re: /\bya?ml\b(?![- ]?(?:files?|front))/gi },
  { dimension: "format", value: "xml", re: /\bxml\b(?![- ]?(?:files?|tags?))/gi },
  { dimension: "format", value: "csv", re: /\bcsv\b(?![- ]?files?)/gi },
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
  { dimension: "verbosity", value: "thorough", re: /\b(?:thorough(?:ly)?|comprehensive(?:ly)?)\b/gi },

  // Lists.
  {
    dimension: "lists",
    value: "lists",
    re: /\bbullet(?:ed)?[- ]?(?:points?|lists?)\b|\bbullets\b|\bnumbered lists?\b|\b(?:as|in|into|use|using) (?:a )?(?:bulleted |numbered )?lists?\b(?! of)|\blist format\b|\blists\b(?= or | and |[,.;]|$| of any (?:kind|sort)| at all| whatsoever)/gi,
  },

  // Language of the reply.
  { dimension: "language", value: "*", re: new RegExp(`\\b(?:in|into|using|use|only|speak|write|respond|reply|answer) (?:${LANGUAGES})\\b|\\b(?:${LANGUAGES})(?= only\\b)`, "g") },
  {
    dimension: "language",
    value: "user",
    re: /\b(?:the )?(?:user'?s|users'|customer'?s|their|the same|same) (?:own |preferred |native |original )?language\b|\blanguage (?:of|used by|that) the (?:user|customer|question|message)\b|\bsame language as\b|\bwhatever language\b|\blanguage they (?:write|use|speak)\b/gi,
  },

  // Tone.
  { dimension: "tone", value: "formal", re: /(?<!in)\bformal(?:ly)?\b|\bbusiness-?like\b/gi },
  { dimension: "tone", value: "casual", re: /\b(?:casual(?:ly)?|informal(?:ly)?|laid[- ]back|slang|colloquial(?:ly)?|chatty)\b/gi },

  // Humour.
  {
    dimension: "humour",
    value: "humour",
    re: /\b(?:humou?r(?:ous)?|jokes?|joking|funny|puns?|witty|wit|playful(?:ness)?|sarcas(?:m|tic)|banter|jok(?:ey|y)|light-?hearted)\b/gi,
  },
  { dimension: "humour", value: "humour", re: /\b(?:keep (?:it|things|the tone) serious|serious tone|strictly serious|no-nonsense)\b/gi, inverted: true },

  // Emoji.
  { dimension: "emoji", value: "emoji", re: /\bemoj(?:i|is|y)\b|\bemoticons?\b|\bsmiley(?:s| faces?)?\b|\bkaomoji\b/gi },

  // Clarifying questions.
  {
    dimension: "questions",
    value: "ask",
    re: /\b(?:clarifying|clarification|follow[- ]?up|probing) questions?\b|\bask (?:the user |users |the customer |customers |them |him |her )?(?:for )?clarifications?\b|\bask (?:the user |users |the customer |customers |them )?(?:any |more |additional |a few |some )?(?:questions?|for (?:more |additional |further )(?:details|context|information|info))\b|\bseek clarification\b|\b(?:without|instead of|before) asking\b/gi,
  },

  // Citations and links.
  {
    dimension: "citations",
    value: "citations",
    re: /\bcitations?\b|\bcit(?:e|ing)\b(?=\s(?:your |the |all |every |each |any |a |its )?(?:sources?|references?|documents?|studies|papers|articles|anything|everything|them|it)\b|[,.;]|$)|\b(?:your|the|its|their|all|any) sources\b|\bfootnotes?\b|\breferences? (?:list|section)\b|\bsource (?:links|urls|citations)\b/gi,
  },
  { dimension: "citations", value: "links", re: /(?<!sym)\b(?:hyper)?links?\b(?! (?:the|this|it|them|your|to the (?:issue|ticket))\b| (?:text|formatting|format|title|titles|syntax|label|labels|style|preview|previews)\b)|\burls?\b(?!:)|\bweb addresses\b/gi },

  // Code in answers.
  {
    dimension: "code",
    value: "code",
    re: /\bcode (?:snippets?|examples?|samples?|listings?)\b|\bsnippets? of code\b|\b(?:any|no|include|includes|including|show|shows|provide|with|contain|containing|write|writing|output|produce) (?:actual |runnable |working |example |sample )?code\b(?! (?:review|reviews|base|comments?|style|quality|changes?|blocks?))/gi,
  },
];

export const LANGUAGE_NAME = new RegExp(`\\b(${LANGUAGES})\\b`);

/** Item nouns for counts, grouped so that "options" and "alternatives" are the same thing. */
export const COUNT_GROUPS: Record<string, string> = {
  option: "options", alternative: "options", choice: "options", suggestion: "options", recommendation: "options",
  idea: "options", variation: "options", variant: "options", version: "options", solution: "options", approach: "options",
  "bullet point": "items", bullet: "items", item: "items", point: "items",
  example: "examples", tip: "tips", step: "steps", question: "questions", reason: "reasons",
  name: "names", title: "names", headline: "names", tagline: "names", slogan: "names",
};

export const COUNT_NOUN =
  "bullet points?|bullets?|items?|options?|alternatives?|choices?|suggestions?|recommendations?|ideas?|variations?|variants?|versions?|solutions?|approaches|approach|examples?|tips?|steps?|questions?|reasons?|names?|titles?|headlines?|taglines?|slogans?";

export const LENGTH_UNIT = "words?|sentences?|paragraphs?|characters?|chars?|lines?|tokens?";

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
];

export function verbosityClash(a: string, b: string): boolean {
  return VERBOSITY_CLASHES.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}
