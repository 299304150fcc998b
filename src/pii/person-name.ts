/**
 * Personal names. Two signals, both needed to keep false alarms rare in system prompts full of product names:
 *
 * 1. Context cues: a name right after "my name is", "Name:", "Customer:", "Dear", "Mr./Ms./Dr.", "I'm",
 *    "Hi", in an email header ("From:", "To:"), or on the line after a sign-off ("Thanks,\nMaria Lopez").
 * 2. Dialogue: in conversation text (few-shot examples, chat turns, or lines that start with a speaker label such
 *    as "User:"), a run of capitalised words whose first word is a known first name and whose other words are
 *    names or unknown words ("Maria Lopez", "Tom Okafor").
 *
 * Words are classified with the lexicon of the compromise NLP library (first names, last names, honorifics and
 * ordinary English words), loaded only when this detector runs. Running compromise's full tagger would be
 * more thorough but costs ~40 µs per character: too slow for a pre-commit hook. A single first name with no cue
 * ("Claude", "Maria asked...") is not reported; neither are placeholder names (Jane Doe), public figures
 * mentioned as a topic, or assistant and product names.
 */
import { isPlaceholderName, isPublicFigure, isTemplatePlaceholder } from "./allowlist.js";
import { nlpLibrary } from "./lazy.js";
import { nameLexicon, type LexiconClass, type LexiconLookup } from "./name-lexicon.js";
import { lineEnd, lineStart, SPEAKER_LABEL } from "./text.js";
import type { DetectorContext, PiiMatch } from "./types.js";

type WordClass = "first" | "last" | "honorific" | "common" | "unknown";

let lexicon: LexiconLookup | undefined;

const FIRST_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "Person"]);

/** Word classes from the extracted data file; compromise itself only when the file is missing. */
function wordLexicon(): LexiconLookup {
  if (!lexicon) {
    lexicon = nameLexicon();
    if (!lexicon) {
      const nlp = nlpLibrary();
      const tags = (nlp as unknown as { model(): { one: { lexicon: Record<string, string> } } }).model().one.lexicon;
      lexicon = new Map(Object.entries(tags).map(([w, t]) => [w, FIRST_TAGS.has(t) ? "first" : t === "LastName" ? "last" : "common"]));
    }
  }
  return lexicon;
}

/** Assistant, model and product names that the lexicon knows as first names. */
const NOT_PEOPLE = new Set([
  "claude", "gemini", "siri", "alexa", "cortana", "grok", "llama", "mistral", "copilot", "bard", "devin", "jasper",
  "ada", "watson", "jarvis", "sage", "aria", "nova", "echo", "max", "alfred", "pi", "cody", "tabnine", "rufus",
  "erica", "ernie", "sydney", "bing", "poe", "perplexity", "manus", "kimi", "qwen", "phi", "gemma", "olmo", "falcon",
  "jenkins", "docker", "kubernetes", "django", "flask", "rails", "laravel", "angular", "react", "vue", "svelte",
  "ruby", "julia", "rust", "dart", "kotlin", "swift", "scala", "elixir", "crystal", "mercury", "apollo", "athena",
  "hermes", "jest", "mocha", "chai", "karma", "jasmine", "cypress", "sentry", "stripe", "vercel", "heroku", "netlify",
  "christmas", "easter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "january", "february", "april", "june", "july", "august", "september", "october", "november", "december",
  "user", "assistant", "customer", "agent", "system", "human", "bot", "admin", "support", "team", "sir", "madam",
  // Role nouns that introduce a name; the lexicon does not always know them.
  "applicant", "claimant", "passenger", "client", "caller", "patient", "tenant", "cardholder", "policyholder",
  "beneficiary", "lead", "witness", "insured", "guest", "recipient", "sender", "buyer", "seller", "employee",
  "candidate", "student", "member", "landlord", "owner", "contact", "attn", "dear", "hi", "hello", "hey", "thanks",
]);

/** Words after a capitalised run that show it is an organisation or place, not a person. */
const ORG_WORDS = new Set([
  "inc", "llc", "ltd", "corp", "corporation", "company", "co", "group", "bank", "university", "college", "school",
  "foundation", "institute", "labs", "lab", "technologies", "systems", "partners", "associates", "hospital", "clinic",
  "street", "avenue", "road", "lane", "drive", "park", "city", "county", "station", "airport", "hotel", "center",
  "centre", "library", "museum", "stadium", "church", "bridge", "studio", "studios", "media", "press", "games", "ai",
]);

const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "herr", "frau", "sr", "sra", "mme", "mlle", "m"]);
const PARTICLES = new Set(["de", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le", "du", "bin", "binti", "al", "el", "dos", "das", "ter", "ten", "y"]);

/**
 * Memoised word classes: a prompt repeats its capitalised words (sentence starts, headings) and the run judge
 * classifies each word several times. Bounded so a huge run over many files cannot grow it without limit.
 */
const classCache = new Map<string, WordClass>();
const CLASS_CACHE_LIMIT = 20_000;

function classify(word: string): WordClass {
  let c = classCache.get(word);
  if (c === undefined) {
    c = classifyUncached(word);
    if (classCache.size >= CLASS_CACHE_LIMIT) classCache.clear();
    classCache.set(word, c);
  }
  return c;
}

function classifyUncached(word: string): WordClass {
  const lower = word.toLowerCase().replace(/[’']s$/, "");
  // Contractions ("I'm", "We're", "Don't") are never names.
  if (/[’'](?:m|re|ve|ll|d|t)$/.test(lower)) return "common";
  if (HONORIFICS.has(lower.replace(/\.$/, ""))) return "honorific";
  // CamelCase and acronyms ("CopilotClient", "URLs") are identifiers; Mc/Mac/O'/D' names keep their inner capital.
  if (/^\p{Lu}.*\p{Lu}/u.test(word) && !/^(?:Mc|Mac|O['’]|D['’]|De|Van|Le|La|Di)\p{Lu}\p{Ll}+$/u.test(word) && !/-\p{Lu}/u.test(word)) return "common";
  const bare = lower.replace(/\.$/, "");
  if (NOT_PEOPLE.has(bare)) return "common";
  const tag = wordLexicon().get(bare);
  if (tag === undefined) {
    // The lexicon lists few ordinary nouns; their endings still give them away ("Visualization", "Analyzer").
    return /(?:tion|sion|ment|ness|ity|ance|ence|i[sz]er|i[sz]ation|ism|ist|able|ible|ive|ous|ful|less|ics|ware|ship|hood|logy|graphy|ing|ops|ai)$/.test(bare) ? "common" : "unknown";
  }
  return tag;
}

const RELATIONS =
  "husband|wife|son|daughter|mother|father|mum|mom|dad|brother|sister|partner|friend|colleague|coworker|boss|manager|assistant|landlord|neighbou?r|doctor|lawyer|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|nephew|niece|fianc[ée]e?|girlfriend|boyfriend";
const PERSON_NOUNS =
  "customer|client|user|person|man|woman|guy|girl|boy|lady|gentleman|friend|colleague|patient|employee|student|kid|child|son|daughter|someone|somebody|doctor|nurse|teacher|engineer|developer|manager|agent|caller|buyer|seller|tenant|guest|passenger|applicant|candidate|member|lead|contact|rep|representative|volunteer|driver|owner";

/** Cues that introduce a person's own name: any name-shaped word after them counts. */
const PERSONAL_CUE = new RegExp(
  `(?:^|[^a-z-])(?:${[
    "my name is", "my name's", "my name ?:", "full name ?:", "first name ?:", "last name ?:", "surname ?:", "given name ?:",
    "(?:customer|client|patient|caller|guest|passenger|employee|applicant|candidate|student|tenant|member|contact|account|card) ?(?:holder )?name ?:",
    "dear", "signed,?", "account holder ?:?", "card ?holder ?:?", "name on (?:the )?card ?:?", "applicant ?:?", "claimant ?:?",
    "patient ?:?", "policy ?holder ?:?", "beneficiary ?:?", "insured ?:?", "passenger ?:?",
    `(?:my|his|her|their|our|your) (?:${RELATIONS})(?: is| was|,)?`, `(?:a|an|the|my|our|your|his|her) (?:${PERSON_NOUNS}) (?:named|called)`,
  ].join("|")})$`,
);
/** Cues that often introduce a name but also a tool, a key or a project ("name:", "from:", "owner:"): need lexicon evidence. */
const GENERIC_CUE = new RegExp(
  `(?:^|[^a-z-])(?:${[
    "name is", "names? ?:", "customer ?:", "client ?:", "caller ?:", "contact(?: person)? ?:", "attn\\.? ?:?", "attention ?:",
    "from ?:", "to ?:", "cc ?:", "requested by ?:?", "assigned to ?:?", "submitted by ?:?", "reported by ?:?",
    "spoke (?:with|to)", "speaking with", "talked to", "ask for", "guest ?:?", "recipient ?:?", "employee ?:?", "tenant ?:?",
    "witness ?:?", "driver ?:?", "lead ?:", "sender ?:?", "buyer ?:?", "member ?:", "student ?:?", "candidate ?:?",
    "landlord ?:?", "owner ?:", "goes by",
  ].join("|")})$`,
);
const WEAK_CUE = /(?:\bi am|\bi'm|\bi’m|this is|\bhi|\bhello|\bhey|thanks|thank you|\bit's|\bit’s|regards|cheers|sincerely|welcome|congratulations|congrats|, said|asked)$/;
const SIGN_OFF = /^\s*(?:thanks|thank you|many thanks|thanks again|best|best regards|regards|kind regards|warm regards|warmly|sincerely|yours|yours truly|yours sincerely|cheers|respectfully|all the best|talk soon|take care|best wishes|with thanks)\s*[,!.]?\s*[-–—]*\s*$/i;

interface Token {
  start: number;
  end: number;
  word: string;
}

const WORD = /[\p{Lu}\p{Ll}][\p{L}\p{M}’'-]{0,40}\.?/gu;

function isCapitalised(word: string): boolean {
  // ASCII fast path with the same answer as the general test below: a lower-case first letter is never
  // capitalised; an upper-case one is, unless the word has no letter that upper-casing would change.
  const c0 = word.charCodeAt(0);
  if (c0 >= 97 && c0 <= 122) return false;
  if (c0 >= 65 && c0 <= 90) {
    for (let i = 1; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c >= 97 && c <= 122) return true;
      if (c >= 128) return word !== word.toUpperCase();
    }
    return false;
  }
  const first = word[0]!;
  return first !== first.toLowerCase() && first === first.toUpperCase() && word !== word.toUpperCase();
}

export function detectPersonNames({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const builtin = options.builtinAllowlist !== false;
  const dialogueText = options.textKind === "dialogue";
  // "my name is maria" is the only way a lower-case word starts a name: without the phrase anywhere in the
  // text (the lower-cased window can only end with it if the text holds it), no per-word look-back is needed.
  const lowerCuePossible = LOWER_CUE_ANYWHERE.test(text);
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) tokens.push({ start: m.index, end: m.index + m[0].length, word: m[0] });

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const lowerAllowed = lowerCuePossible && !isCapitalised(t.word) && lowercaseCueBefore(text, t.start) && classify(t.word) === "first";
    if (!isCapitalised(t.word) && !lowerAllowed) {
      i++;
      continue;
    }
    // Collect a run of name-shaped words on the same line, separated by one space (or a particle).
    const run: Token[] = [t];
    let k = i + 1;
    while (k < tokens.length && run.length < 4) {
      const prev = run[run.length - 1]!;
      const next = tokens[k]!;
      const gap = text.slice(prev.end, next.start);
      if (gap !== " " && !(gap === "" && false)) break;
      if (prev.word.endsWith(".") && !HONORIFICS.has(prev.word.slice(0, -1).toLowerCase()) && prev.word.length > 2) break;
      const nextLower = next.word.toLowerCase();
      if (PARTICLES.has(nextLower) && k + 1 < tokens.length && isCapitalised(tokens[k + 1]!.word)) {
        run.push(next);
        k++;
        continue;
      }
      if (!(isCapitalised(next.word) || (lowerAllowed && classify(next.word) !== "common"))) break;
      run.push(next);
      k++;
    }
    const found = judgeRun(text, run, dialogueText);
    if (found) {
      // "Nolan's": the possessive is not part of the name.
      if (/['’]s$/.test(text.slice(found.start, found.end))) found.end -= 2;
      const value = text.slice(found.start, found.end);
      const skip =
        builtin && (isPlaceholderName(value) || isPublicFigure(value) || isTemplatePlaceholder(text.slice(Math.max(0, found.start - 2), found.end + 2)));
      if (!skip) out.push({ type: "person-name", start: found.start, end: found.end, value, confidence: found.confidence });
    }
    i = k;
  }
  return dropTopics(text, out);
}

const TITLES =
  "president|senator|governor|secretary|ceo|founder|co-founder|author|novelist|actor|actress|singer|rapper|artist|painter|director|filmmaker|critic|coach|minister|chancellor|mayor|professor|journalist|host|youtuber|influencer|celebrity|star|musician|writer|poet|comedian|athlete|player|scientist|physicist|philosopher|economist|politician|king|queen|prince|princess|pope|general";
const TOPIC_BEFORE = new RegExp(
  `(?:style of|in the vein of|like|about|according to|featuring|starring|directed by|written by|composed by|painted by|produced by|songs? (?:by|of|from)|books? (?:by|of)|novels? by|films? (?:by|of|from)|movies? (?:by|of|from)|new (?:film|movie|album|book|song) (?:by|from)|article (?:by|from)|reviews? (?:of|by)|works? (?:of|by)|quotes? (?:from|by)|quoted|biography of|interview(?:ed)? with|search(?:es|ed|ing)? (?:the web |online )?for|(?:the |former |current |late )?(?:${TITLES}))\\s*["“']?$`,
);
const TOPIC_AFTER = new RegExp(
  `^(?:['’]s (?:new |latest |last |first |next |famous |best-known )?(?:film|movie|song|album|book|novel|show|series|painting|speech|tweet|post|music|lyrics|style|work|career|campaign|administration|polic(?:y|ies)|quote|theory|law)|,? (?:is|was) (?:the |a |an )?(?:(?:current|former|late|famous|well-known|[a-z]+) ){0,3}(?:${TITLES}))`,
  "i",
);

/**
 * Public figures discussed as a topic ("a song in the style of Addison Rae", "Shirley Weber is the current
 * Secretary of State", "Christopher Nolan's new film"): a name found without a personal cue is dropped when any of
 * its mentions in the text reads as a topic. Names introduced by a personal cue ("my name is") stay.
 */
function dropTopics(text: string, matches: PiiMatch[]): PiiMatch[] {
  const topical = new Set<string>();
  for (const m of matches) {
    if ((m.confidence ?? 1) >= 0.9) continue;
    const before = text.slice(Math.max(0, m.start - 48), m.start).toLowerCase().replace(/\s+$/, "");
    const after = text.slice(m.end, m.end + 64);
    if (TOPIC_BEFORE.test(before) || TOPIC_AFTER.test(after)) topical.add(m.value.toLowerCase());
  }
  if (topical.size === 0) return matches;
  return matches.filter((m) => (m.confidence ?? 1) >= 0.9 || !topical.has(m.value.toLowerCase()));
}

const LOWER_CUE_ANYWHERE = /my name(?: is|'s)/i;

/** After a strong cue, names may be written in lower case ("my name is maria lopez"). */
function lowercaseCueBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 24), at).toLowerCase();
  return /(?:my name is|my name's)\s{0,2}$/.test(before);
}

function judgeRun(text: string, run: Token[], dialogueText: boolean): { start: number; end: number; confidence: number } | undefined {
  // Drop leading ordinary words ("Contact Maria Lopez", "Please ask Tom") and honorifics (kept as a cue).
  let s = 0;
  let honorific = false;
  while (s < run.length) {
    const c = classify(run[s]!.word);
    if (c === "honorific") {
      honorific = true;
      s++;
      continue;
    }
    if (c === "common" && !honorific) {
      s++;
      continue;
    }
    break;
  }
  if (s >= run.length) return undefined;
  let words = run.slice(s);
  // Trailing ordinary words end the name ("Maria Lopez Support" -> "Maria Lopez"), organisations void it.
  let e = words.length;
  while (e > 0 && classify(words[e - 1]!.word) === "common" && !PARTICLES.has(words[e - 1]!.word.toLowerCase())) {
    if (ORG_WORDS.has(words[e - 1]!.word.toLowerCase().replace(/\.$/, ""))) return undefined;
    e--;
  }
  words = words.slice(0, e);
  if (words.length === 0 || words.length > 3) return undefined;
  const after = text.slice(words[words.length - 1]!.end, words[words.length - 1]!.end + 12).toLowerCase();
  if (/^\s?(?:inc|llc|ltd|corp|&|labs?)\b/.test(after)) return undefined;
  // A name-like word directly followed by more text glued to it (`Maria.Lopez`, `React-Router`) is an identifier.
  if (/^[-_/@]\w/.test(after)) return undefined;
  const classes = words.map((w) => classify(w.word));
  if (classes.some((c) => c === "common" || c === "honorific")) {
    if (classes.slice(1).some((c) => c === "common")) return undefined;
  }
  const start = words[0]!.start;
  let end = words[words.length - 1]!.end;
  if (text[end - 1] === "." && !/^[A-Z]\.$/.test(words[words.length - 1]!.word)) end--;
  const first = classes[0]!;
  const beforeText = text.slice(Math.max(0, start - 40), start).toLowerCase().replace(/[\s"“*_]+$/, "");
  const lineStartIdx = lineStart(text, start);
  const linePrefix = text.slice(lineStartIdx, start);

  // Signature: the previous line is a sign-off and this line is just the name (maybe with a title after a comma).
  if (linePrefix.trim() === "" && lineStartIdx > 0) {
    const prevLine = text.slice(lineStart(text, lineStartIdx - 1, 80), lineStartIdx - 1);
    const restOfLine = text.slice(end, lineEnd(text, end, 80));
    if (SIGN_OFF.test(prevLine) && /^\s*(?:$|[,|–—-])/.test(restOfLine) && first !== "common") {
      return { start, end, confidence: 0.9 };
    }
  }
  if (honorific && (first === "first" || first === "last" || first === "unknown")) return { start, end, confidence: 0.9 };
  // Names are not followed by version numbers: "Sonnet 4.6", "Retro 4".
  if (/^\s?\d/.test(after)) return undefined;
  const plainWords = words.every((w) => /^[\p{L}\p{M}'’.-]+$/u.test(w.word));
  const allNameLike = classes.every((c) => c !== "common");
  const evidence = first === "first" || (words.length >= 2 && allNameLike && classes.some((c) => c === "first" || c === "last"));
  const clauseEnds = /^\s*(?:$|[\n,;)(|<—–-])/.test(text.slice(end, end + 3));
  if (plainWords && first !== "common" && PERSONAL_CUE.test(beforeText)) {
    // "Patient: Hi there" is a turn, not a name: a lone unknown word after a label must end the clause.
    if (first === "unknown" && words.length === 1 && /:$/.test(beforeText) && !clauseEnds) return undefined;
    return { start, end, confidence: 0.9 };
  }
  if (plainWords && GENERIC_CUE.test(beforeText)) {
    if (evidence) return { start, end, confidence: 0.85 };
    // "Name: Priya Raman" — a form field written for people (capital N; `name:` is a YAML or code key), two or
    // three name-like words that end the field.
    const formLabel = /(?:^|[^\w])(?:Full |Customer |Client |Display |Contact )?Name:[\s*_]*$/.test(text.slice(Math.max(0, start - 24), start));
    if (formLabel && words.length >= 2 && allNameLike && clauseEnds) return { start, end, confidence: 0.75 };
  }
  // Without a cue, things are not people: "the Jordan Retro", "a Stanley Quencher".
  if (/(?:^|\s)(?:the|a|an|this|that|our|your|my|their|his|her)$/.test(beforeText)) return undefined;
  // Greetings and thanks ("Hi Maria", "Thanks, Tom Okafor") count only in conversation text.
  const lineIsDialogue = dialogueText || SPEAKER_LABEL.test(text.slice(lineStartIdx, lineStartIdx + 40));
  const weak = lineIsDialogue && WEAK_CUE.test(beforeText.replace(/[,!.]+$/, ""));
  if (weak && first === "first") return { start, end, confidence: 0.8 };
  if (weak && words.length >= 2 && allNameLike) return { start, end, confidence: 0.8 };
  // A greeting or thanks addressed to someone in a conversation: "Thanks, Tyrone." / "Hi Kwame,".
  const afterName = text.slice(end, end + 2);
  if (weak && lineIsDialogue && words.length === 1 && first === "unknown" && /^[,.!:;]/.test(afterName)) return { start, end, confidence: 0.7 };
  // Addressing someone by first name in a conversation: "Sorry to hear that, Maria." / "Found it, Lukas!".
  if (lineIsDialogue && words.length === 1 && first === "first" && /,$/.test(beforeText) && /^[.!?,]/.test(afterName)) {
    return { start, end, confidence: 0.7 };
  }
  // Dialogue: full names only (two or three name-like words, at least one a known first or last name).
  if (lineIsDialogue && words.length >= 2 && allNameLike && classes.some((c) => c === "first" || c === "last")) {
    return { start, end, confidence: 0.75 };
  }
  return undefined;
}
