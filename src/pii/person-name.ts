/**
 * Personal names. Two kinds of signal, so that system prompts full of product names stay quiet:
 *
 * 1. Cues: a name right after "my name is", "Name:", "Customer:", "Dear", "Mr./Ms./Dr.", "call me", in an email
 *    header ("From:", "To:"), on the line after a sign-off ("Thanks,\nMaria Lopez"), after a greeting at the start
 *    of a line ("Hi Maria,"), or as a speaker label ("Maria: I need help").
 * 2. Conversation: in conversation text (few-shot examples, chat turns, lines that start with a speaker label such
 *    as "User:"), a run of capitalised words with a known first name or surname ("Maria K. Jensen", "Tom Okafor"),
 *    a known first name used in a sentence ("said Tómas to Colleen"), names listed with them ("Ana, Luis and
 *    Marta"), and later mentions of a name found once.
 *
 * Words are classified with data/name-lexicon.txt (first names and surnames of many languages, ordinary English
 * words) and word endings. Streets, places and organisations are not people: a run that ends with a street or
 * organisation word ("Kent Street", "Morgan Stanley Bank"), starts with a place word ("Port Edward", "San Luis"),
 * names a company called after people ("Morgan Stanley"), or lies inside a street address is dropped. Neither are
 * placeholder names (Jane Doe), public figures mentioned as a topic, nor assistant and product names.
 */
import { isPlaceholderName, isPublicFigure } from "./allowlist.js";
import { nlpLibrary } from "./lazy.js";
import { nameLexicon, type LexiconLookup } from "./name-lexicon.js";
import { NAMED_COMPANIES, ORGANISATION_WORDS, PLACE_PREFIXES, STREET_TYPES_AFTER } from "./place-words.js";
import { lastLine, streetAddressSpans } from "./street-address.js";
import { lineEnd, lineStart, SPEAKER_LABEL, tableColumnHeader } from "./text.js";
import type { DetectorContext, PiiMatch } from "./types.js";

/**
 * `initial`: a single capital letter ("K." in "Maria K. Jensen"); `org`: a street or organisation word that is
 * not also a known name; `place`: a word that starts place names.
 */
type WordClass = "first" | "last" | "namelike" | "honorific" | "common" | "unknown" | "initial" | "org" | "place";

let lexicon: LexiconLookup | undefined;

const FIRST_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "Person"]);

/** Word classes from the data file; compromise itself only when the file is missing. */
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
  "vite", "jenkins", "docker", "kubernetes", "django", "flask", "rails", "laravel", "angular", "react", "vue", "svelte",
  "ruby", "julia", "rust", "dart", "kotlin", "swift", "scala", "elixir", "crystal", "mercury", "apollo", "athena",
  "hermes", "jest", "mocha", "chai", "karma", "jasmine", "cypress", "sentry", "stripe", "vercel", "heroku", "netlify",
  "christmas", "easter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "january", "february", "april", "june", "july", "august", "september", "october", "november", "december",
  "user", "assistant", "customer", "agent", "system", "human", "bot", "admin", "support", "team", "sir", "madam",
  // Role nouns that introduce a name; the lexicon does not always know them.
  "applicant", "claimant", "passenger", "client", "caller", "patient", "tenant", "cardholder", "policyholder",
  "beneficiary", "lead", "witness", "insured", "guest", "recipient", "sender", "buyer", "seller", "employee",
  "candidate", "student", "member", "landlord", "owner", "contact", "attn", "dear", "hi", "hello", "hey", "thanks",
  // Words and names the lexicon lists as given names that prompts mostly use otherwise.
  "tab", "gpt", "codex", "cursor", "windsurf", "zed", "vim", "emacs", "git", "bash", "linux", "unity", "blender",
  "maven", "gradle", "redis", "nginx", "apache", "kafka", "spark", "hadoop", "pandas", "numpy", "tableau", "looker",
  "harvey", "luna", "zeus", "thor", "odin", "loki", "mars", "venus", "jupiter", "saturn", "neptune", "pluto",
  "hey", "okay", "ok", "yes", "no", "please", "sorry", "ms", "mrs", "mr", "dr",
  // Replies in other languages' chats that faker lists as names ("¡Claro!", "Parfait, à demain", "Dale").
  "claro", "parfait", "bueno", "dale", "sim",
  // Clinical shorthand before a name ("Pt Ewan McCrindle").
  "pt",
  // Chat shorthand after "call me", "text me" ("pls call me asap", "call me tmrw").
  "asap", "pls", "plz", "thx", "tmrw", "tmr", "tomoz", "tonite", "anytime", "whenever", "later", "back", "urgently",
  // What "Hello, ..." greets when it is not a person.
  "world", "everyone", "everybody", "folks", "friends", "guys", "there", "all", "mate", "y'all", "mundo", "monde",
  "welt", "mondo", "wereld", "världen", "verden", "maailma", "świecie", "мир", "κόσμος",
  // Greetings of other languages that open a message before a name ("Hola Maria,", "Hoi Sanne!"); "Dag" is a
  // given name too, see GREETING_DAG.
  "hola", "ciao", "olá", "bonjour", "bonsoir", "salut", "hallo", "hej", "hoi", "moin", "servus", "cześć", "buongiorno",
  "buonasera", "goedemorgen", "goedemiddag",
]);

const HONORIFICS = new Set([
  "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "herr", "frau", "sr", "sra", "srta", "mme",
  "mlle", "m", "dott", "dssa", "ing", "mag", "fr", "sig", "sig.ra", "señor", "señora", "senhor", "senhora", "monsieur",
  "madame", "signor", "signora", "pan", "pani", "panie", "panią", "pana", "panu", "rev", "capt", "lt", "sgt",
  // German, Dutch, Italian, Spanish and Portuguese forms of address ("Herrn Lukas Brandt", "Familie Schäfer",
  // "mevr. De Wit", "Avv. Giulia Bernardini", "Doña Carmen").
  "herrn", "familie", "fam", "dhr", "mevr", "mevrouw", "meneer", "avv", "dott.ssa", "don", "doña", "dona", "sig.ra",
  // Latin-American professional titles written before a name ("Lic. Rogelio de la Garza", "Arq. Ana Ruiz").
  "lic", "licda", "arq", "abg", "mtro", "mtra",
]);
const PARTICLES = new Set(["de", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le", "du", "bin", "binti", "al", "el", "dos", "das", "ter", "ten", "y", "zu"]);
/** Street words that are also common surnames ("Maria Hill", "Ji-woo Park"): left to the address detector. */
const SURNAME_STREET_WORDS = new Set(["hill", "hills", "park", "green", "brook", "hall", "grove", "glen", "ridge", "heath", "view", "point", "landing", "bend", "springs", "valley", "village", "meadow", "meadows", "gardens", "walk", "gate", "ring", "bell"]);
/** Particles written with a capital inside names ("Aoife Ní Bhriain", "Seán Mac Giolla", "Omar Bin Laden"). */
const CAPITAL_PARTICLES = new Set(["Lo", "Li", "Dal", "Dalla", "Ní", "Nic", "Mac", "Mc", "Ó", "Ua", "Uí", "Bin", "Ibn", "Abu", "Al", "El", "Da", "De", "Di", "Du", "Van", "Von", "Der", "Den", "Ter", "La", "Le", "Dos", "Das", "Del", "Della", "Y"]);
const STREET_OR_ORG = new Set([...STREET_TYPES_AFTER, ...ORGANISATION_WORDS].filter((w) => !SURNAME_STREET_WORDS.has(w)));
const PLACE_START = new Set(PLACE_PREFIXES);
const COMPANIES = new Set(NAMED_COMPANIES);

/** Known first names that are also everyday verbs or nouns: never reported alone. */
const AMBIGUOUS_FIRST = new Set([
  "amber", "angel", "bob", "buck", "chase", "chuck", "don", "drew", "grace", "grant", "harmony", "jack", "ken", "mark",
  "nick", "pat", "roman", "skip", "spike", "sue", "wade", "rob", "pierce", "lance", "warren", "foster", "mason",
  "hunter", "carter", "cooper", "parker", "taylor", "jordan", "morgan", "madison", "austin", "dallas", "georgia",
  "virginia", "florence", "victoria", "savannah", "charlotte", "eugene", "lincoln", "chelsea", "kingston", "orlando",
  "phoenix", "houston", "jackson", "cameron", "christian", "frank", "harry", "bill", "art", "guy", "joy", "hope",
  "faith", "dawn", "may", "june", "summer", "autumn", "winter", "rose", "iris", "ivy", "holly", "sky", "storm",
  "river", "brook", "glen", "dale", "cliff", "heath", "page", "miles", "price", "major", "king", "prince", "duke",
  "earl", "baron", "royal", "noble", "sterling", "jade", "ruby", "pearl", "crystal", "opal", "mercedes", "lexus",
  "tesla", "porsche", "ford", "dodge", "harley", "ben", "will", "gene", "ray", "rich", "sunny", "lily", "daisy",
  "basil", "sage", "rosemary", "ginger", "candy", "honey", "cherry", "apple", "berry", "olive", "saffron", "cinnamon",
  "violet", "scarlett", "hazel", "amy", "max", "sam", "alex", "chris", "terry", "jesse", "robin", "kim", "lee",
]);

/**
 * Memoised word classes: a prompt repeats its capitalised words (sentence starts, headings) and the run judge
 * classifies each word several times. Bounded so a huge run over many files cannot grow it without limit.
 */
const classCache = new Map<string, WordClass>();
const CLASS_CACHE_LIMIT = 20_000;
/** Titles that, with their period, are nothing else in lower case. */
/**
 * Titles written in lower case before a name: English ones with their full stop ("dr. hurst"), and the forms of
 * address other languages write in lower case mid-sentence ("pani Agnieszko", "la señora Pérez", "don José").
 */
const LOWER_TITLE = /^(?:(?:mr|mrs|ms|mx|dr|prof)\.|pani|panie|pan|pana|panu|panią|señora|señor|señorita|doña|senhora|senhor|signora|signor|madame|monsieur)$/;

function classify(word: string): WordClass {
  let c = classCache.get(word);
  if (c === undefined) {
    c = classifyUncached(word);
    if (classCache.size >= CLASS_CACHE_LIMIT) classCache.clear();
    classCache.set(word, c);
  }
  return c;
}

const COMMON_ENDING =
  /(?:tion|sion|ment|ness|ity|ance|ence|i[sz]er|i[sz]ation|ism|ist|able|ible|ive|ous|ful|less|ics|ware|ship|hood|logy|graphy|ing|ops|ai)$/;

function lexiconClass(bare: string): "first" | "last" | "namelike" | "common" | "unknown" {
  const tag = wordLexicon().get(bare);
  if (tag !== undefined) return tag;
  // The lexicon lists few ordinary nouns; their endings still give them away ("Visualization", "Analyzer").
  return COMMON_ENDING.test(bare) ? "common" : "unknown";
}

/** "O'Connor", "D'Angelo", "McNulty", "MacAllister" (not "MacBook"): surnames the lexicon may lack or read as given names. */
const IRISH_ITALIAN_SURNAME = /^(?:(?:O|D|Dell)['’]\p{Lu}\p{Ll}{2,}|Mc\p{Lu}\p{Ll}{2,}|Mac(?!Book)\p{Lu}\p{Ll}{3,})(?:['’]s)?$/u;

function classifyUncached(word: string): WordClass {
  const lower = word.toLowerCase().replace(/[’']s$/, "");
  // Contractions ("I'm", "We're", "Don't") are never names.
  if (/[’'](?:m|re|ve|ll|d|t)$/.test(lower)) return "common";
  const bare = lower.replace(/\.$/, "");
  if (/^\p{Lu}\.?$/u.test(word)) return word === "I" || word === "A" ? "common" : "initial";
  if (HONORIFICS.has(bare)) return "honorific";
  // CamelCase and acronyms ("CopilotClient", "URLs") are identifiers; Mc/Mac/O'/D' names keep their inner capital.
  if (/^\p{Lu}.*\p{Lu}/u.test(word) && !/^(?:Mc|Mac|O['’]|D['’]|De|Van|Le|La|Di)\p{Lu}\p{Ll}+\.?$/u.test(word) && !/-\p{Lu}/u.test(word)) return "common";
  if (NOT_PEOPLE.has(bare)) return "common";
  // A Japanese name with its honorific suffix ("Sato-san", "Tanabe-sama"): a person whatever the lexicon knows.
  if (JAPANESE_HONORIFIC.test(word)) return "last";
  if (bare.includes("-")) return hyphenatedClass(bare, word);
  // Irish and Italian surname prefixes before a capital ("O'Connor", "D'Angelo"): a surname the lexicon may lack.
  if (IRISH_ITALIAN_SURNAME.test(word)) return "last";
  const c = lexiconClass(bare);
  if (c === "first" || c === "last") return c;
  if (PLACE_START.has(bare)) return "place";
  if (STREET_OR_ORG.has(bare)) return "org";
  return c;
}

const JAPANESE_HONORIFIC = /^\p{Lu}\p{Ll}{1,20}-(?:san|sama|kun|chan|sensei|senpai|dono)\.?$/u;

const ARABIC_NAME_PREFIX = new Set(["al", "el", "abu", "bin", "ibn", "ben", "abd", "abdel", "abdul"]);

/** A given name and a short second given name, both capitalised: "Pieter-Jan", "Karl-Otto". */
const HYPHENATED_GIVEN = /^\p{Lu}\p{Ll}{2,}-\p{Lu}\p{Ll}{1,4}$/u;

/** "Jean-Pierre" is a first name, "García-López" a surname, "Follow-Up" an ordinary word. */
function hyphenatedClass(bare: string, word: string): WordClass {
  const parts = bare.split("-").filter((p) => p !== "");
  if (parts.length === 0 || parts.length > 3) return "common";
  // Arabic surnames with their article or kinship word: "Al-Sayed", "El-Amin", "Abu-Bakr", "Bin-Talal".
  if (parts.length === 2 && ARABIC_NAME_PREFIX.has(parts[0]!) && /^\p{Lu}\p{L}+-\p{Lu}\p{Ll}{2,}$/u.test(word)) return "last";
  // A lower-case particle inside a double surname ("Jansen-de Wit", "Silva-da Costa") joins it, as it does between words.
  const named0 = parts.filter((p) => !PARTICLES.has(p) || /\p{Lu}/u.test(word.slice(bare.indexOf(p), bare.indexOf(p) + 1)));
  const classes = (named0.length > 0 ? named0 : parts).map(lexiconClass);
  const named = classes.some((c) => c === "first" || c === "last");
  // "Pieter-Jan", "Hans-Will": a given name joined to a short capitalised second given name that the lists know only as
  // an everyday word ("jan" is the month). Not "Django-Admin": products named after people are not given names.
  if (parts.length === 2 && classes[0] === "first" && classes[1] === "common" && !AMBIGUOUS_FIRST.has(parts[0]!) && !NOT_PEOPLE.has(parts[0]!) && HYPHENATED_GIVEN.test(word)) return "first";
  // "Nakamura-Brown": an everyday word beside a name is a name.
  if (classes.some((c) => c === "common" || (c === "namelike" && !named))) return "common";
  // "Jean-Luc", "Rose-Marie": a given name joined to a word that is also one ("jean", "rose") is a given name.
  if (classes.every((c) => c === "first" || c === "namelike")) return "first";
  if (classes.every((c) => c === "first" || c === "last" || c === "namelike")) return "last";
  // Romanised Korean and Chinese given names: "Seo-yeon", "Ji-woo", "Xiao-ming" (short syllables, the second in lower case).
  if (parts.length === 2 && parts[0]!.length <= 4 && parts[1]!.length >= 3 && parts[1]!.length <= 5 && classes.some((c) => c === "unknown") && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(word)) return "first";
  return "unknown";
}

const RELATIONS =
  "husband|wife|son|daughter|mother|father|mum|mom|dad|brother|sister|partner|friend|colleague|coworker|boss|manager|assistant|landlord|neighbou?r|doctor|lawyer|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|nephew|niece|fianc[ée]e?|girlfriend|boyfriend|kid|child|baby";
/** "my husband", "my mother" in other languages: a relative's name follows ("mein Mann Kerem", "mi esposo Rigoberto"). */
const OWN_RELATIONS = [
  "(?:mein|meine|meinem|meiner|meines) (?:mann|frau|sohn|tochter|mutter|vater|bruder|schwester|partner|partnerin|freund|freundin|ehemann|ehefrau|kind)",
  "(?:mi|mis|su|sus) (?:esposo|esposa|marido|mujer|hijo|hija|madre|padre|mamá|papá|hermano|hermana|novio|novia|pareja|tío|tía)",
  "(?:mon|ma|son|sa) (?:mari|femme|fils|fille|mère|père|frère|sœur|soeur|conjoint|conjointe|compagnon|compagne)",
  "(?:meu|minha|seu|sua) (?:marido|esposa|esposo|mulher|filho|filha|mãe|pai|irmão|irmã)",
  "(?:mio|mia|suo|sua) (?:marito|moglie|figlio|figlia|madre|padre|fratello|sorella|compagno|compagna)",
  "(?:mijn|zijn|haar) (?:man|vrouw|zoon|dochter|moeder|vader|broer|zus|partner)",
  "(?:min|mitt) (?:man|fru|son|dotter|mamma|pappa|bror|syster|sambo)",
  "(?:mój|moja|mojej|mojego|mojemu) (?:mąż|żona|syn|córka|mama|mamy|mamie|tata|taty|brat|siostra|męża|żony|syna|córki)",
].join("|");
const OWN_RELATION_LEAD = new RegExp(`^(?:${OWN_RELATIONS})$`, "i");
const PERSON_NOUNS =
  "customer|client|user|person|man|woman|guy|girl|boy|lady|gentleman|friend|colleague|patient|employee|student|kid|child|son|daughter|someone|somebody|doctor|nurse|teacher|engineer|developer|manager|agent|caller|buyer|seller|tenant|guest|passenger|applicant|candidate|member|lead|contact|rep|representative|volunteer|driver|owner";

/** Cues that introduce a person's own name: any name-shaped word after them counts. */
const PERSONAL_CUE = new RegExp(
  `(?:^|[^a-z-])(?:${[
    "my name is", "my name's", "my name ?:",
    // "my name is" in other languages, written in an example message.
    "je m['’]appelle", "me llamo", "mi nombre es", "mi chiamo", "ich heiße", "ich heisse", "mein name ist", "meu nome é", "me chamo",
    "mijn naam is", "jag heter", "jeg heter", "nazywam się", "mam na imię", "jmenuji se", "full name ?:", "first name ?:", "last name ?:", "surname ?:", "given name ?:",
    // The given-name and surname fields of other languages' forms and exports ("vorname: Lukas", "nazwisko Kowal").
    "(?:vorname|nachname|familienname|apellidos?|nombres|sobrenome|cognome|voornaam|achternaam|imię|nazwisko|prénom|nom de famille) ?:?",
    "(?:customer|client|patient|caller|guest|passenger|employee|applicant|candidate|student|tenant|member|contact|account|card) ?(?:holder )?name ?:",
    "dear", "signed,?", "account holder ?:?", "card ?holder ?:?", "name on (?:the )?(?:card|account) ?(?:is)?:?", "applicant ?:?", "claimant ?:?",
    "patient ?:?", "policy ?holder ?:?", "beneficiary ?:?", "insured ?:?", "passenger ?:?",
    "(?:call|calls|called) me", "known as", "goes by", "go by", "(?:i am|i'm|i’m) called", "under the name(?: of)?",
    // A name the person prefers ("pref. name \"Lana\"", "nickname: Jide").
    "pref(?:erred)?\\.? name ?:?", "nick ?name ?:?",
    // Not "your name is": a system prompt naming its assistant ("Your name is Aria").
    "(?:['’]s|s['’]|my|his|her|their) (?:maiden |full |legal |real )?name(?: is| was|['’]s)?,?",
    `(?:my|his|her|their|our|your) (?:${RELATIONS})(?: is| was|,)?`, `(?:${OWN_RELATIONS})(?: ist| es| est| é| è| is| jest|,)?`, "(?:mum|mom|mother|dad|father|parent|guardian|carer|son|daughter|wife|husband|widow|sister|brother) of", `(?:a|an|the|my|our|your|his|her) (?:${PERSON_NOUNS}) (?:named|called)`,
  ].join("|")})$`,
);
/** Cues that often introduce a name but also a tool, a key or a project ("name:", "from:", "owner:"): need lexicon evidence. */
const GENERIC_CUE = new RegExp(
  `(?:^|[^a-z-])(?:${[
    "name is", "names? ?:", "customer ?:", "client ?:", "caller ?:", "contact(?: person)? ?:", "attn\\.? ?:?", "attention ?:",
    "from ?:", "to ?:", "cc ?:", "bcc ?:", "requested by ?:?", "assigned to ?:?", "submitted by ?:?", "reported by ?:?",
    "spoke (?:with|to)", "speaking with", "talked to", "ask for", "guest ?:?", "recipient ?:?", "employee ?:?", "tenant ?:?",
    "witness ?:?", "driver ?:?", "lead ?:", "sender ?:?", "buyer ?:?", "member ?:", "student ?:?", "candidate ?:?",
    "landlord ?:?", "owner ?:", "named", "called", "signed by", "approved by", "prepared by", "reviewer ?:",
    // A booking or a contract in someone's name ("in the name of", "au nom d'Élodie", "a nombre de Gonzalo").
    "in the name of", "au nom(?: d['’])?", "a nombre", "em nome", "a nome", "op naam van", "auf den namen?",
    // A relative or next of kin named right after the relation ("NOK daughter Fiona", "partner Kemi to view").
    "(?:husband|wife|partner|son|daughter|dtr|mother|father|mum|mom|dad|brother|sister|spouse|fianc[ée]e?|guarantor|next of kin|nok|guardian|carer) ?:?",
  ].join("|")})$`,
);
const WEAK_CUE = /(?:\bi am|\bi'm|\bi’m|\bim|this is|\bhi|\bhello|\bhey|\bhiya|\bgood (?:morning|afternoon|evening)|thanks|thank you|\bit's|\bit’s|\bit is|regards|cheers|sincerely|welcome|congratulations|congrats|, said|\bsaid|\basked|\btold|\bmet|\bmeet|\bwith|\bfor|\bby|\band|\bto|\btell|\bask|\bremind|\binform|\bping|\bemail|\btext|\bcall|\bcan|\bcould|\bwill|\bwould|\bdid|\bdoes|\bhas|\blet)$/;
const SIGN_OFF =
  /^(?:thanks|thank you|thanks so much|many thanks|thanks again|thx|best|best regards|regards|kind regards|warm regards|warmest regards|warmly|sincerely|yours|yours truly|yours sincerely|sincerely yours|cheers|respectfully|all the best|talk soon|take care|best wishes|with thanks|love|xoxo|saludos|un saludo|atentamente|cordialmente|cordialement|bien à vous|bien cordialement|mit freundlichen grüßen|mit freundlichen grüssen|viele grüße|viele grüsse|liebe grüße|lg|mfg|groetjes|met vriendelijke groet|hälsningar|med vänliga hälsningar|med vennlig hilsen|venlig hilsen|mvh|pozdrawiam|pozdrav|atenciosamente|abraços|um abraço|obrigad[oa]|grazie|cordiali saluti|distinti saluti|un saluto|saluti|sent from my (?:iphone|phone|ipad)|signed|signed off|signing off|signed off by|yours faithfully|faithfully|speak soon|many thanks again|z poważaniem|serdecznie pozdrawiam|s pozdravem|üdvözlettel|med venlig hilsen|ystävällisin terveisin)\s*[,!.]?\s*[-–—]*$/i;
/** A field label before a value on its line: "Manager:", "Consignee 2:", "**Client:**", "lead passenger:". */
const FIELD_LABEL = /(?:^|[—–|;,]\s*|\s{2,})[*_]*(\p{L}[\p{L} .'’/&()-]{0,30}?(?:\s\d{1,2})?)[*_]*\s?[:：][*_]*\s*$/u;
/**
 * Labels of fields that hold a person: any known first name or full name there is one. A set, not one long
 * case-insensitive pattern: compiling that took milliseconds of every run.
 */
const PERSON_LABELS = new Set([
  "names", "manager", "line manager", "supervisor", "boss", "spouse", "partner", "husband", "wife", "next of kin",
  "emergency contact", "contact", "contact person", "parent", "guardian", "mother", "father", "mum", "mom", "dad",
  "child", "son", "daughter", "doctor", "physician", "gp", "nurse", "teacher", "tutor", "owner", "guest", "host",
  "shipper", "consignee", "sender", "recipient", "addressee", "buyer", "seller", "vendor", "tenant", "landlord",
  "lodger", "employee", "candidate", "applicant", "passenger", "lead passenger", "traveller", "traveler", "driver",
  "agent", "rep", "representative", "assignee", "reporter", "requester", "requested by", "approver", "approved by",
  "signatory", "signed by", "witness", "beneficiary", "cardholder", "account holder", "holder", "policyholder",
  "insured", "claimant", "customer", "client", "patient", "student", "pupil", "member", "user name", "username",
  "attendee", "speaker", "caller", "resident", "from", "to", "cc", "nombre", "nombre completo", "titular", "destinatario", "remitente",
  "nome", "nome completo", "nom", "prénom", "destinataire", "expéditeur", "empfänger", "absender", "ansprechpartner",
  "naam", "ontvanger", "namn", "navn", "nimi", "imię i nazwisko", "név", "ügyfél",
  // Roles in other languages' forms, exports and table headers ("| Cliente |", "Kunde:", "aval:").
  "cliente", "paciente", "paziente", "huésped", "inquilino", "arrendatario", "solicitante", "candidato", "candidata",
  "asegurado", "empleado", "aval", "fiador", "gestor", "gestora", "responsable", "kunde", "kundin", "mieter",
  "bewerber", "mitarbeiter", "klant", "huurder", "klient", "locataire", "candidat", "assuré", "recruiter",
  "hiring manager", "guarantor", "referee", "next of kin", "nok",
]);
const NAME_LABEL_PREFIX = /^(?:(?:full|first|last|legal|display|customer|client|contact|guest|patient|employee|account|card) ?)?$/;

/** Whether a field label names a person: "Manager", "Consignee 2", "Customer name", "Cardholder". */
function isPersonLabel(label: string): boolean {
  const key = label.toLowerCase().replace(/ \d{1,2}$/, "");
  if (PERSON_LABELS.has(key)) return true;
  return key.endsWith("name") && NAME_LABEL_PREFIX.test(key.slice(0, -4));
}
/** A question for a name right before the answer, maybe with the answerer's speaker label between. */
const NAME_QUESTION_BEFORE = /\bname\b[^?\n]{0,48}\?["”]?\s*(?:[^\s:?]{1,20}\s?:\s*)?$/i;

/** A street address starts within the three lines after `end` (the line of `end` holds nothing else). */
function addressBelow(scan: Scan, end: number): boolean {
  const { text } = scan;
  let to = end;
  for (let n = 0; n < 4 && to < text.length; n++) to = lineEnd(text, to + 1, 120);
  if (!/\d/.test(text.slice(end, to))) return false;
  for (const a of streetAddressSpans(text, scan.options)) {
    if (a.start > to) break;
    if (a.start > end) return true;
  }
  return false;
}

/** A word written as a name: "Siobhán", "O'Brien-Kavanagh", "Lloyd-Pryce" (not "API", "iOS", "Q3"). */
const FULL_NAME_WORD = /^(?:\p{Lu}['’])?\p{Lu}\p{Ll}+(?:-(?:\p{Lu}['’])?\p{Lu}\p{Ll}+)?$/u;

const knownNameIn = (classes: readonly WordClass[]) => classes.some((c) => c === "first" || c === "last");

/** A unit or a house number starting a line: the first line of a postal address ("Apt 4B, …", "12 Rue …"). */
const ADDRESS_LINE = /^(?:[Aa]pt|[Aa]partment|[Ff]lat|[Uu]nit|[Ss]uite)\.?\s?\w{1,5},|^\d{1,5}[A-Za-z]?,?\s\p{Lu}\p{Ll}/u;

/** The next line, or the one after it, holds contact details (the first may be an address line). */
function contactBelow(text: string, end: number): boolean {
  const first = lineEnd(text, end, 200);
  const line1 = text.slice(first + 1, lineEnd(text, first + 1, 200)).replace(LINE_MARKERS, "");
  if (CONTACT_LINE.test(line1.slice(0, 60))) return true;
  if (!ADDRESS_LINE.test(line1)) return false;
  const second = lineEnd(text, first + 1, 200);
  const line2 = text.slice(second + 1, second + 61).replace(LINE_MARKERS, "");
  return CONTACT_LINE.test(line2);
}

/** A line that holds a person's contact details: a phone number, an email address, or a phone or email label. */
const CONTACT_LINE = /^(?:\+?\(?\d[\d ().-]{6,18}\d|[\w.+-]{1,40}@[\w-]{1,40}\.\w|(?:t|m|tel|phone|mob|mobile|cell|e|email|e-mail)\.?\s?:)/i;

/** A phone number right after a name: eight digits or more, maybe grouped. */
const PHONE_AFTER = /^\s\+?\d(?:[ ().-]?\d){7,14}(?!\d)/;

/** Labels that credit a prompt's author ("Author:", "Maintainers:", "Created by:"). */
const AUTHOR_LABEL = /^(?:co-?)?(?:authors?|authored by|maintainers?|maintained by|contributors?|credits?|created by|written by|made by|copyright)$/i;
/** Contact details right after a name: "(diego@…)", "(+44 …)", "<ana@…>", ", tel.", " — SSN". */
const CONTACT_AFTER = /^\s?(?:\((?:<?[\w.+-]{1,40}@[\w-]{1,40}\.\w|\+?\d[\d ().-]{6,20}\))|<[\w.+-]{1,40}@[\w-]{1,40}\.\w|,\s?(?:tel|phone|mobile|email|e-mail)\b|\s?[—–-]\s?(?:ssn|dob|tel|phone|salary|iban|account)\b|,\s?(?:born|b\.|dob|d\.o\.b\.|geb\.|geboren|née?|nacid[oa]|nat[oa]|nascid[oa])\s(?:on\s|am\s|le\s|el\s|il\s|em\s)?\d|\s\+?\d[\d ().-]{6,16}\d(?!\d)|\s?\((?:b\.|born|dob|d\.o\.b\.|geb\.|née?|nac\.)\s?\d)/i;
/** After a record line's name: a separator or the verb of a request ("— SSN …", "(buyer)", "wants to see …"). */
const RECORD_AFTER =
  /^\s*(?:$|[—–(,;|]|-\s|\s(?:wants|asks|needs|is|was|has|had|called|said|says|lives|lived|works|worked|requests?|requested|would|will|booked|reported|paid|owes|moved|emailed|wrote)\b)/;
/** After an introduced name: the end of the clause, or "again", "here", "from"... ("this is Chloé again"). */
const INTRO_END = /^\s*(?:$|[,.!?;:)—–-]|\s(?:again|here|from|and|calling|speaking|with|at)\b)/;
/** After a name, words that make it the assistant's own ("I'm Gordon, Docker's AI assistant", "I'm Ember! How can I help"). */
const PERSONA_AFTER = /^[^\n]{0,30}?\b(?:ai|virtual|digital)?\s?(?:assistant|bot|chatbot|agent|companion|guide|copilot|model)\b|how (?:can|may) i (?:help|assist)/i;
/** Words that introduce oneself ("I'm", "this is", "me llamo", "je suis"). */
const INTRO_BEFORE = /(?:\bi am|\bi'm|\bi’m|\bim|this is|it['’]s|(?:hi|hey|hello|hiya|yo),? its|\bit is|me llamo|mi nombre es|soy|je suis|je m['’]appelle|ich bin|ich heiße|hier spricht|hier ist|aqui (?:é|fala) (?:o|a)|dit is|met|mein name ist|mi chiamo|sono|eu sou|me chamo|meu nome é|ik ben|mijn naam is|jag heter|jeg heter|nazywam się|jmenuji se|a nevem)$/;
/** After "this is X" / "it's X", words that make X the speaker ("again", "here", "calling", ", from"). */
const INTRO_CALLING = /^(?:\s(?:again|here|calling|speaking)\b|,\s?(?:calling|from|again)\b)/;
/** Words after a name that introduce oneself ("Nagy Eszter vagyok", "Maria here"). */
const INTRO_AFTER = /^\s(?:vagyok|here\b|speaking\b|hier\b|ici\b|aquí\b)/i;
/** Thanks and greetings that address the next word ("Thank you, Aoife."). */
const THANKS_BEFORE = /(?:\bhi|hello|\bhey|thanks|thank you|cheers|welcome|sorry|\bdear|\bdone|\bnoted|all set|got it|no problem|of course|certainly|buen(?:os|as) (?:días|dias|tardes)|bom dia|bonjour|buongiorno|guten tag|chào (?:anh|chị|em|ông|bà)|köszönöm|gracias|merci|danke|obrigad[oa]|grazie|tack|takk|dziękuję|dank je|bedankt|con gusto|claro|perfecto|de nada|por supuesto|gerne|gern geschehen|avec plaisir|bien sûr|com prazer|certo|volentieri|prego|przepraszam|viele grüße|liebe grüße|beste grüße|saludos|un saludo|cordialement|pozdrawiam|abraços|groetjes|hälsningar)$/;
/** A clause of thanks or apology ending in a comma before a name: "sorry for the delay, ". */
const THANKS_CLAUSE = /(?:^|[.!?\n]\s*|\b(?:and|oh|ok|okay|well)\s)(?:thanks|thank you|many thanks|sorry|apologies|my apologies|good to hear|great to hear|nice to meet you|happy to help|you're welcome|you’re welcome|no problem|noted|got it|understood|of course|absolutely|certainly)\b[^.!?\n,]{0,36},\s?$/;
const PERSONA_BEFORE = /\b(?:you are|you're|you’re|act as|acting as|play(?:ing)? (?:the role of|as)|your (?:name|persona|character)|persona|assistant(?!\*{0,2}\s?:))\b[^.!?\n]*$/;
/** Quote and list markers before a line's text: "> ", "- ", "* ", "1. ", "| ". */
const LINE_MARKERS = /^[\s>*+•|#-]*(?:\d{1,3}[.)]\s+)?[\s>*+•|-]*(?:\[[\d/.,: -]{4,24}(?:\s?[AP]M)?\]\s?(?:-\s)?)?/;
/** Words before a name that make it a place or a venue ("in Florence", "at Morgan Stanley", "on Kent Street"). */
const PLACE_BEFORE = /(?:^|\s)(?:in|at|near|on|into|onto|around|outside|inside|across|along|opposite|towards?|via|visit|visiting|visited|fly to|flew to|flying to|drive to|drove to|moved to|move to|moving to|trip to|travel(?:l?ing|l?ed)? to|the|a|an)$/;
/** What a sentence-initial lone first name is followed by when it is the subject ("Xavier is from Redfin"). */
const SUBJECT_AFTER = /^(?:['’]s\b|,|:|\s(?:is|was|has|had|said|says|asked|told|wants|wanted|will|would|can|could|did|does|shouted|called|thinks|thought|and|&|who|lives|lived|works|worked|spent|flew|went|got|gave|sent|needs|needed|agreed|replied|wrote)\b)/;

interface Token {
  start: number;
  end: number;
  word: string;
}

const WORD = /[\p{Lu}\p{Ll}][\p{L}\p{M}’'-]{0,40}\.?/gu;
/** A lower-case "d'" glued to a capitalised word ("d'Élodie"); "D'Angelo" is a surname of its own. */
const ELIDED_PARTICLE = /^d['’]\p{Lu}/u;
/** One initial with its full stop, as written inside "R.J.". */
const GLUED_INITIAL = /^\p{Lu}\.$/u;
/** The gap left by an elided "d'" split off its name word. */
const ELIDED_GAP = /^ d['’]$/;
/** German kin nouns, capitalised as every German noun is, before a relative's name ("Freundin Vroni hat …"). */
const GERMAN_KIN = new Set([
  "Freundin", "Freund", "Tochter", "Sohn", "Mutter", "Vater", "Bruder", "Schwester", "Ehefrau", "Ehemann", "Partnerin",
  "Enkelin", "Enkel", "Nichte", "Neffe", "Tante", "Onkel", "Cousine", "Cousin", "Kollegin", "Kollege",
  "Nachbarin", "Nachbar", "Schwägerin", "Schwager",
]);

function isCapitalised(word: string): boolean {
  // ASCII fast path with the same answer as the general test below: a lower-case first letter is never
  // capitalised; an upper-case one is, unless the word has no letter that upper-casing would change.
  const c0 = word.charCodeAt(0);
  if (c0 >= 97 && c0 <= 122) return false;
  if (c0 >= 65 && c0 <= 90) {
    if (word.length === 1 || (word.length === 2 && word[1] === ".")) return true; // an initial
    for (let i = 1; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c >= 97 && c <= 122) return true;
      if (c >= 128) return word !== word.toUpperCase();
    }
    return false;
  }
  const first = word[0]!;
  if (first === first.toLowerCase() || first !== first.toUpperCase()) return false;
  return word.length === 1 || (word.length === 2 && word[1] === ".") || word !== word.toUpperCase();
}

const isNameClass = (c: WordClass) => c === "first" || c === "last" || c === "unknown" || c === "initial";

interface Found {
  start: number;
  end: number;
  confidence: number;
}

interface Scan {
  text: string;
  dialogue: boolean;
  /** The text has no capital letters (other than "I"): names may be written in lower case. */
  lowerCase: boolean;
  /** Source text before the text (see PiiOptions.before). */
  before: string;
  options: DetectorContext["options"];
}

export function detectPersonNames({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const builtin = options.builtinAllowlist !== false;
  const dialogue = options.textKind === "dialogue";
  let before: string | undefined;
  const scan: Scan = {
    text,
    dialogue,
    lowerCase: dialogue && !hasCapitalOtherThanI(text),
    // Read for a name on the text's first line only: sliced from the source then, not for every segment.
    get before() {
      return (before ??= options.before ?? "");
    },
    options,
  };
  // "my name is maria" is the only way a lower-case word starts a name in mixed-case text: without the phrase
  // anywhere in the text (the lower-cased window can only end with it if the text holds it), no per-word
  // look-back is needed.
  const cueEnds = LOWER_CUE_ANYWHERE.test(text) ? strongCueEnds(text) : undefined;
  const introEnds = selfIntroEnds(text);
  // In chat typed in lower case, a relative's name after "my husband", "mi marido": "a nombre de mi marido iñaki".
  const kinEnds = scan.lowerCase ? lowerCaseKinEnds(text) : undefined;
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    // French and Italian elide "de" into the name: "au nom d'Élodie" names Élodie.
    const elided = ELIDED_PARTICLE.test(m[0]) ? 2 : 0;
    tokens.push({ start: m.index + elided, end: m.index + m[0].length, word: m[0].slice(elided) });
  }

  const startsName = (t: Token, lowerAllowed: boolean) =>
    isCapitalised(t.word) || lowerAllowed || (scan.lowerCase && isLexiconName(t.word));
  // Words of public figures named in the text: "Dario" after "Dario Amodei" is the same public person.
  const publicParts = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // A lower-case name known to the name lists right after a self-introduction is cued like "my name is".
    const cued =
      (cueEnds !== undefined && cueEnds.has(t.start)) ||
      (introEnds !== undefined && introEnds.has(t.start) && !isCapitalised(t.word) && isLexiconName(t.word)) ||
      (kinEnds !== undefined && kinEnds.has(t.start) && kinNameLead(text, t, kinEnds.get(t.start)!));
    // In all-lower-case chat a title still marks the surname after it ("dr. hurst is", "mr. martin").
    const lowerAllowed = (cued || (scan.lowerCase && lowerTitleBefore(text, tokens[i - 1], t))) && !isCapitalised(t.word) && CUED_LEAD.has(classify(t.word));
    if (!startsName(t, lowerAllowed)) {
      i++;
      continue;
    }
    // Collect a run of name-shaped words on the same line, separated by one space (or a particle).
    const run: Token[] = [t];
    let k = i + 1;
    // Up to five words, not counting particles ("Ximena Ávila de la Garza").
    let particles = 0;
    while (k < tokens.length && run.length - particles < 5 && run.length < 8) {
      const prev = run[run.length - 1]!;
      const next = tokens[k]!;
      let gap = text.slice(prev.end, next.start);
      // An elided particle between two name words: "Anil d'Souza".
      if (gap.length === 3 && ELIDED_GAP.test(gap) && isCapitalised(next.word)) gap = " ";
      // Initials written together ("R.J. ter Borg") are two words with no gap.
      if (gap !== " " && gap !== "\u00a0" && !(gap === "" && GLUED_INITIAL.test(prev.word) && GLUED_INITIAL.test(next.word))) break;
      if (prev.word.endsWith(".") && prev.word.length > 2 && classify(prev.word) !== "honorific") break;
      // Particles inside a name ("Jacob van Gameren", "Henrike van der Berg"), one or two before a capitalised word.
      const after1 = tokens[k + 1];
      const after2 = tokens[k + 2];
      if (
        PARTICLES.has(next.word.toLowerCase()) &&
        after1 &&
        (isCapitalised(after1.word) || (PARTICLES.has(after1.word) && after2 !== undefined && isCapitalised(after2.word)))
      ) {
        run.push(next);
        particles++;
        k++;
        continue;
      }
      const fits = isCapitalised(next.word) || (lowerAllowed && classify(next.word) !== "common") || (scan.lowerCase && isLexiconName(next.word));
      if (!fits) break;
      run.push(next);
      k++;
    }
    // A title written in lower case before a capitalised name ("ms. Wijtze", "dr. Okafor") is still a title.
    const titleBefore = tokens[i - 1];
    if (lowerTitleBefore(text, titleBefore, t) && (isCapitalised(t.word) || lowerAllowed)) run.unshift(titleBefore!);
    // German capitalises its nouns: "Mein Mann Kerem" is a cue and a name, not a three-word name, and so is
    // "Freundin Vroni" without the "meine".
    if (run.length >= 3 && OWN_RELATION_LEAD.test(`${run[0]!.word} ${run[1]!.word}`)) run.splice(0, 2);
    else if (run.length >= 2 && GERMAN_KIN.has(run[0]!.word)) run.splice(0, 1);
    const found = judgeRun(scan, run, cued);
    if (found) {
      // "Nolan's": the possessive is not part of the name.
      if (/['’]s$/.test(text.slice(found.start, found.end))) found.end -= 2;
      const value = text.slice(found.start, found.end);
      const publicFigure = builtin && isPublicFigure(value);
      if (publicFigure) for (const part of value.split(/\s+/)) publicParts.add(part);
      // A sign-off is not a name however capitalised ("Viele Grüße", "Best Regards").
      const skip = (builtin && (publicFigure || isPlaceholderName(value) || isWrappedPlaceholder(text, found.start, found.end))) || SIGN_OFF.test(value);
      if (!skip) out.push({ type: "person-name", start: found.start, end: found.end, value, confidence: found.confidence });
    }
    i = k;
  }
  if (PNR_HINT.test(text)) addBookingNames(text, out, builtin);
  if (text.includes(", ")) addSurnameFirstNames(text, out, builtin);
  let matches = dropTopics(text, out);
  if (dialogue) matches = addListedNames(scan, tokens, matches);
  matches = dropFirmNames(text, matches);
  const facts = options.documentSource === undefined ? undefined : factsOf(options.documentSource);
  const businesses = facts ? (facts.businesses ??= businessNames(facts.source)) : businessNames(text);
  if (businesses.size > 0) matches = matches.filter((m) => !businesses.has(m.value.toLowerCase()));
  matches = addJoinedNames(text, tokens, matches);
  matches = addQuotedNicknames(text, matches);
  const documentParts = facts?.nameParts;
  matches = addRepeatedMentions(text, tokens, matches, builtin, documentParts);
  if (publicParts.size > 0) matches = matches.filter((m) => !publicParts.has(m.value));
  matches = matches.filter(
    (m) => (m.confidence ?? 1) >= 0.9 || m.value.includes(" ") || !/^ (?:and|&) /.test(text.slice(m.end, m.end + 6)) || !STREET_CORNER_AFTER.test(text.slice(m.end, m.end + 48)),
  );
  const persona = facts ? (facts.persona ??= personaNames(facts.source)) : personaNames(text);
  if (persona.size > 0) matches = matches.filter((m) => !persona.has(m.value.split(" ")[0]!));
  if (builtin && matches.length > 0) matches = dropDeclaredStandIns(text, matches);
  const kept = dropInsideAddresses(text, options, matches);
  if (documentParts) for (const w of nameParts(kept)) documentParts.add(w);
  return kept;
}

/**
 * What the detector carries across the segments of one document (the linter scans a document's segments in order,
 * one document after another); only the last document is kept.
 * - `nameParts`: name words found in the segments scanned so far: "Oluwaseun" in a note is the "Oluwaseun Bakare"
 *   of the table above it, and "Tamsin's" in the assistant turn the "Tamsin O'Driscoll" of the user turn.
 * - `persona`, `businesses`: names the whole document gives its assistant or a business, read on first use.
 */
interface DocumentFacts {
  source: string;
  nameParts: Set<string>;
  persona?: Set<string>;
  businesses?: Set<string>;
}
let lastDocument: DocumentFacts | undefined;
function factsOf(source: string): DocumentFacts {
  if (lastDocument?.source !== source) lastDocument = { source, nameParts: new Set() };
  return lastDocument;
}

/** The first capture group of every match of a global `pattern` in `source` that `accept` takes, as `key` gives it. */
function capturedNames(pattern: RegExp, source: string, accept: (name: string) => boolean, key: (name: string) => string): Set<string> {
  const names = new Set<string>();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) if (accept(m[1]!)) names.add(key(m[1]!));
  return names;
}

/** "You are Ava Sinclair, the virtual concierge", "Your name is Quill": the assistant's own name. */
const PERSONA_NAME = /\b(?:[Yy]ou are|[Yy]ou['’]re|[Yy]our name is|[Aa]ct as|[Yy]ou play)\s(\p{Lu}\p{Ll}{1,20})(?!['’\p{L}])/gu;

/** The names a document gives its assistant: later "Ava:" speaker labels and mentions of Ava are the persona, not a person. */
function personaNames(source: string): Set<string> {
  return capturedNames(PERSONA_NAME, source, (name) => ["first", "namelike", "unknown"].includes(classify(name)), (name) => name);
}

/**
 * "The shop account is "Velo Gent"", "our business name is Casa Lupo": the document says the name is a business's,
 * so a chat export's speaker label or a mention with that name is no person. Quoted, or capitalised words to the
 * clause's end.
 */
const BUSINESS_NAME =
  /\b(?:shop|store|business|company|firm|brand|bakery|restaurant|salon|studio|workshop|clinic|practice|agency)(?:['’]s)?(?: (?:whatsapp |chat )?(?:account|name|handle))? (?:is|=|:|called|named) ["“']?(\p{Lu}[\p{L}'’&-]{0,30}(?: \p{Lu}[\p{L}'’&-]{0,30}){0,3})["”']?(?=[\s,.;:!?)]|$)/gu;

/** The names a document gives a business (see BUSINESS_NAME), lower case. */
function businessNames(source: string): Set<string> {
  return capturedNames(BUSINESS_NAME, source, () => true, (name) => name.toLowerCase());
}

/** The token before `t` is a title written in lower case ("ms.", "dr."), alone and one space before it. */
function lowerTitleBefore(text: string, title: Token | undefined, t: Token): boolean {
  return (
    title !== undefined &&
    LOWER_TITLE.test(title.word) &&
    !/[\p{L}\p{N}]/u.test(text[title.start - 1] ?? "") && // not "300ms."
    text.slice(title.end, t.start) === " "
  );
}

/** Airline booking names, SURNAME/GIVEN and a title: "BERGSTRÖM/ASTRID MS", "O'BRIEN/SEAN PATRICK MR". */
const PNR_HINT = /\p{Lu}\/\p{Lu}/u;
const PNR_NAME = /(?<![\p{L}\p{N}/])(\p{Lu}[\p{Lu}'’-]{1,30}\/\p{Lu}[\p{Lu}'’-]{1,30}(?: \p{Lu}[\p{Lu}'’-]{1,30})?) (?:MR|MRS|MS|MISS|MSTR|DR|MX)(?![\p{L}\p{N}])/gu;
function addBookingNames(text: string, out: PiiMatch[], builtin: boolean): void {
  // `out` holds the names found so far in text order, and booking names come in text order too: one pointer
  // finds the names a booking name could overlap, so a file of thousands of them stays linear.
  const found = out.length;
  let next = 0;
  PNR_NAME.lastIndex = 0;
  for (let m = PNR_NAME.exec(text); m; m = PNR_NAME.exec(text)) {
    const value = m[1]!;
    const start = m.index;
    while (next < found && out[next]!.end <= start) next++;
    if (next < found && out[next]!.start < start + value.length) continue;
    // Both sides name-like ("AND/OR MR" is not a booking).
    const [surname, given] = value.split("/") as [string, string];
    if ([surname, given.split(" ")[0]!].some((w) => classify(w[0]! + w.slice(1).toLowerCase()) === "common")) continue;
    if (builtin && isPlaceholderName(value.split("/").reverse().join(" "))) continue;
    out.push({ type: "person-name", start, end: start + value.length, value, confidence: 0.85 });
  }
  out.sort((a, b) => a.start - b.start);
}

/**
 * Records that write the surname first: "PT: MBEKI-SANTOS, LUCIA F", "OKONJO, Adaeze · DOB …", "McKenna, Ruairí |
 * b. …". The surname is in capitals or is one the lexicon knows, and the record says it is a person's: a birth
 * date, a record number or a phone number follows on the line, or a patient or person label comes before it.
 */
const SURNAME_FIRST = /(?<![\p{L}\p{N}'’])(\p{Lu}{2,24}(?:[-'’]\p{Lu}{2,24})?|(?:Mc|O['’])?\p{Lu}\p{Ll}{1,24}(?:-\p{Lu}\p{Ll}{1,24})?), (\p{Lu}\p{Ll}{1,24}|\p{Lu}{2,24})(?: \p{Lu}\.?)?(?=[ \t]*(?:[|·;(\n]|[ \t]{2}|$))/gu;
const RECORD_AFTER_NAME = /(?:^|[\s|·;(])(?:dob|d\.o\.b\.?|b\.|born|mrn|nhs|ssn|age)(?=[\s:#.]|$)|\+?\(?\d[\d ().-]{7,16}\d/i;
const NAME_SLOT = /^(?:(?:first|last|given|family|middle|sur|fore)?name|surname)$/i;
const RECORD_LABEL_BEFORE = /(?:^|[\s(])(?:pt|patient|name|client|customer|member|applicant|resident|scan)\s?:?\s*$/i;

function addSurnameFirstNames(text: string, out: PiiMatch[], builtin: boolean): void {
  const found = out.length;
  let next = 0;
  SURNAME_FIRST.lastIndex = 0;
  for (let m = SURNAME_FIRST.exec(text); m; m = SURNAME_FIRST.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (next < found && out[next]!.end <= start) next++;
    if (next < found && out[next]!.start < end) continue;
    const surname = m[1]!;
    const given = m[2]!;
    const caps = /^\p{Lu}[\p{Lu}'’-]+$/u.test(surname);
    const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();
    const surnameClass = classify(caps ? titleCase(surname) : surname);
    const givenClass = classify(/^\p{Lu}{2,}$/u.test(given) ? titleCase(given) : given);
    if (!caps && surnameClass !== "last") continue;
    if (![surnameClass, givenClass].every((c) => c === "first" || c === "last" || c === "unknown")) continue;
    const lineFrom = lineStart(text, start, 120);
    const rest = text.slice(end, lineEnd(text, end, 120));
    if (!RECORD_AFTER_NAME.test(rest) && !RECORD_LABEL_BEFORE.test(text.slice(lineFrom, start))) continue;
    const value = m[0];
    // Template slots ("LASTNAME, FIRSTNAME") and placeholder people are no one.
    if (NAME_SLOT.test(surname) || NAME_SLOT.test(given) || (builtin && isPlaceholderName(`${given} ${surname}`))) continue;
    out.push({ type: "person-name", start, end, value, confidence: 0.85 });
  }
  if (out.length > found) out.sort((a, b) => a.start - b.start);
}

/** "Lauren and Sorlaskeid 32": a one-word name joined to a street name and its house number names a corner. */
const STREET_CORNER_AFTER = /^ (?:and|&) \p{Lu}[\p{L}'’.-]+ \d{1,5}(?:$|[,.;]| in\b)/u;

/**
 * A name written inside template or placeholder brackets ("{{First Name}}", "[Customer Name]", "<Agent Name>"), not
 * a quote marker before it ("> Maria Lopez").
 */
function isWrappedPlaceholder(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  return (/[{[<]\s?$/.test(before) && /^\s?[}\]>]/.test(after)) || /\{\s?$/.test(before) || /^\s?\}/.test(after);
}

function hasCapitalOtherThanI(text: string): boolean {
  const re = /\p{Lu}/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] !== "I") return true;
    const before = text[m.index - 1];
    const after = text[m.index + 1];
    if ((before !== undefined && /[\p{L}\p{N}]/u.test(before)) || (after !== undefined && /[\p{L}\p{N}]/u.test(after))) return true;
  }
  return false;
}

/** A lower-case word the lexicon knows as a name, not an ordinary word (for all-lower-case chat text). */
function isLexiconName(word: string): boolean {
  const c = classify(word);
  return (c === "first" || c === "last") && !AMBIGUOUS_FIRST.has(word.toLowerCase());
}

const TITLES =
  "president|senator|governor|secretary|ceo|founder|co-founder|author|novelist|actor|actress|singer|rapper|artist|painter|director|filmmaker|critic|coach|minister|chancellor|mayor|professor|journalist|host|youtuber|influencer|celebrity|star|musician|writer|poet|comedian|athlete|player|scientist|physicist|philosopher|economist|politician|king|queen|prince|princess|pope|general";
const TOPIC_BEFORE = new RegExp(
  `(?:style of|in the vein of|like|about|according to|featuring|starring|directed by|written by|composed by|painted by|produced by|songs? (?:by|of|from)|books? (?:by|of)|novels? by|films? (?:by|of|from)|movies? (?:by|of|from)|new (?:film|movie|album|book|song) (?:by|from)|article (?:by|from)|reviews? (?:of|by)|works? (?:of|by)|quotes? (?:from|by)|quoted|biography of|interview(?:ed)? with|search(?:es|ed|ing)? (?:the web |online )?for|as if you were|if you were|as though you were|channel of|videos? (?:from|by|of)|talks? (?:from|by)|(?:co-)?founded(?: in \\d{4})? by|(?:created|invented|designed|developed)(?: in \\d{4})? by|mixed with|inspired by|influenced by|×|vs\\.?|versus|(?:the |former |current |late )?(?:${TITLES}))\\s*["“']?$`,
);
/** The last words TOPIC_BEFORE can end with: a cheap test before the long one. */
const TOPIC_LAST_WORD = new RegExp(`(?:of|like|about|to|featuring|starring|by|from|for|with|quoted|were|×|vs\\.?|versus|${TITLES})\\s*["“']?$`);
/** How TOPIC_AFTER's matches start: a cheap test before the long pattern (whose compiling costs milliseconds). */
const TOPIC_AFTER_START = /^(?:['’]s |,? (?:is|was) |, |\s?×)/i;
const TOPIC_AFTER = new RegExp(
  `^(?:['’]s (?:new |latest |last |first |next |famous |best-known )?(?:film|movie|song|album|book|novel|show|series|painting|speech|tweet|post|music|lyrics|style|work|career|campaign|administration|polic(?:y|ies)|quote|theory|law)|,? (?:is|was) (?:the |a |an )?(?:(?:current|former|late|famous|well-known|[a-z]+) ){0,3}(?:${TITLES})|, (?:the |a |an )?(?:[a-z]+ ){0,2}(?:creator|inventor|designer|architect|founder|co-founder|author) of\\b|\\s?[×]\\s)`,
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
    const after = text.slice(m.end, m.end + 64);
    if (topicBefore(text, m.start) || (TOPIC_AFTER_START.test(after) && TOPIC_AFTER.test(after))) topical.add(m.value.toLowerCase());
  }
  if (topical.size === 0) return matches;
  return matches.filter((m) => (m.confidence ?? 1) >= 0.9 || !topical.has(m.value.toLowerCase()));
}

/** The end of LIST_ITEM_BEFORE, tested first: most names follow no list. */
const LIST_JOIN_BEFORE = /(?:,|\band|&)\s$/;
/** A capitalised list item and its separator before a name ("Brian Kernighan and ", "Andy Yen, "). */
const LIST_ITEM_BEFORE = /(?:[A-ZÀ-Þ][^\s,&]*\s){0,3}[A-ZÀ-Þ][^\s,&]*(?:,\s(?:and\s|&\s)?|,?\s(?:and|&)\s)$/;

/**
 * A topic cue before `start`, also before the earlier items of a list the name ends ("as if you were Brian
 * Kernighan and Dennis Ritchie", "founded by Andy Yen, Wei Sun and Jason Stockman").
 */
function topicBefore(text: string, start: number): boolean {
  let at = start;
  for (let hop = 0; hop < 4; hop++) {
    const tail = text.slice(Math.max(0, at - 18), at).toLowerCase().trimEnd();
    if (TOPIC_LAST_WORD.test(tail) && TOPIC_BEFORE.test(text.slice(Math.max(0, at - 48), at).toLowerCase().trimEnd())) return true;
    if (!LIST_JOIN_BEFORE.test(text.slice(Math.max(0, at - 5), at))) return false;
    const item = LIST_ITEM_BEFORE.exec(text.slice(Math.max(0, at - 60), at));
    if (!item) return false;
    at -= item[0].length;
  }
  return false;
}

const LOWER_CUE_ANYWHERE = /name|naam|nom|call(?:s|ed)? me|imię|nazywam|llamo|chamo|chiamo|appelle|heiße|heisse|heter/i;
/**
 * Strong cues after which the next word is a name whatever its case or other meanings: "my name is maria lopez",
 * "call me sandro", "it's under my partner's name roberto yamamura", the answer to a question for a name ("Bot:
 * What's the name on the account? User: Penny Cavalcanti", "what's your name? mark pinto").
 */
/** A question for a person's name, then maybe the answerer's speaker label: "What's the name on the account? User:". */
const NAME_QUESTION = String.raw`\b(?:what(?:['\u2019]s| is| was) (?:your|his|her|their|the(?: customer['\u2019]s| caller['\u2019]s)?)(?: full| first| last| legal)? name|name on (?:the |your )?(?:card|account|booking|reservation|policy|ticket|order))\b[^?\n]{0,30}\?["\u201d]?(?:\s{0,3}[^\s:?]{1,20} ?:)?`;
const STRONG_CUE = new RegExp(
  String.raw`(?:\bmy name is|\bmy name['\u2019]s|\bcall(?:s|ed)? me|\b(?:me llamo|mi nombre es|me chamo|meu nome \u00e9|mi chiamo|je m['\u2019]appelle|ich hei(?:\u00df|ss)e|mein name ist|mijn naam is|jag heter|jeg heter|nazywam si\u0119|mam na imi\u0119)|\b(?:my|his|her|their|(?:${RELATIONS}|${PERSON_NOUNS})['\u2019]s) (?:full |legal |maiden )?name(?: is|['\u2019]s)?|\bunder the name(?: of)?|\bin the name of|\bau nom de|\ba nombre de|\bem nome d[eo]|${NAME_QUESTION})(?:[ \t]{1,2}|\n[ \t>]{0,2})["\u201c]?`,
  "gi",
);
/** Words a strong cue may introduce: not ordinary words ("call me back", "what's your name? please say"). */
const CUED_LEAD: ReadonlySet<WordClass> = new Set(["first", "last", "namelike", "unknown"]);

/** Offsets right after each strong cue in the text: one pass, looked up per word. */
function strongCueEnds(text: string): Set<number> {
  const ends = new Set<number>();
  STRONG_CUE.lastIndex = 0;
  for (let m = STRONG_CUE.exec(text); m; m = STRONG_CUE.exec(text)) ends.add(m.index + m[0].length);
  return ends;
}

/**
 * Self-introductions that open a clause in chat typed in lower case: "hola, soy maría", "buongiorno, sono
 * giuseppina", "oi, aqui é o joão", "hoi, met sanne" (how a Dutch speaker answers the phone), "dit is bram",
 * "ich bin", "je suis". These words also start "sono stanco", "ich bin froh", "met de fiets", so the word after
 * them counts only when the name lists know it as a name (see `selfIntroEnds`).
 */
const SELF_INTRO_CUE =
  /(?:^|[,.!?;:\n]\s{0,2})(?:soy|sono|aqu[ií] (?:é|es|fala) (?:o|a)|ich bin|je suis|dit is|met|hier spricht|hier ist|eu sou|ik ben)[ \t]/gi;
/** A cheap test before SELF_INTRO_CUE. */
const SELF_INTRO_ANYWHERE = /\b(?:soy|sono|aqu[ií]|bin|suis|is|met|spricht|ist|sou|ben)\s/i;

/** Offsets right after each clause-opening self-introduction. */
function selfIntroEnds(text: string): Set<number> | undefined {
  if (!SELF_INTRO_ANYWHERE.test(text)) return undefined;
  const ends = new Set<number>();
  SELF_INTRO_CUE.lastIndex = 0;
  for (let m = SELF_INTRO_CUE.exec(text); m; m = SELF_INTRO_CUE.exec(text)) ends.add(m.index + m[0].length);
  return ends.size > 0 ? ends : undefined;
}

/**
 * "my husband", "mi marido", "mein Sohn" before a word, in lower-case chat; group 1 is a preposition before it ("a
 * nombre de mi marido", "for my son").
 */
const LOWER_KIN_CUE = new RegExp(
  `(?<![\\p{L}])(?:(de|del|para|con|a|for|with|to|from|of|à|pour|avec|für|mit|von|per|di|voor|met|van|com|da|do|dla|z) )?(?:${OWN_RELATIONS}|(?:my|his|her|their|our) (?:${RELATIONS}))[ \\t]`,
  "giu",
);

/** Offsets right after each kin phrase of a lower-case text, and whether a preposition came before the phrase. */
function lowerCaseKinEnds(text: string): Map<number, boolean> | undefined {
  let ends: Map<number, boolean> | undefined;
  LOWER_KIN_CUE.lastIndex = 0;
  for (let m = LOWER_KIN_CUE.exec(text); m; m = LOWER_KIN_CUE.exec(text)) (ends ??= new Map()).set(m.index + m[0].length, m[1] !== undefined);
  return ends;
}

/**
 * The word after a kin phrase is a name when the lists know it as one; a word they do not know counts when it ends
 * the clause and the kin phrase is a preposition's object ("a nombre de mi marido iñaki."), not the subject of a
 * sentence ("mi marido tambien."). Never "my son will", "my wife said".
 */
function kinNameLead(text: string, t: Token, afterPreposition: boolean): boolean {
  const c = classify(t.word);
  if (c === "first" || c === "last") return true;
  return afterPreposition && c === "unknown" && t.word.length >= 3 && (t.word.endsWith(".") || /^(?:$|[,!?;:])/.test(text.slice(t.end, t.end + 1)));
}

/** The end of a JSON key before its value: `"name":`. */
const JSON_KEY_END = /(\p{L})["”](\s?:)$/u;

/** Lower-case particles that start a surname, at the end of the text before its capitalised part. */
const LEADING_PARTICLES = /(?:\s(?:von|van|de|der|den|di|da|du|del|della|ter|ten|zu|dos|das)){1,2}$/;

/** The text of the line before `at`, from its start, without quote and list markers. */
const PREFIX_WINDOW = 64;

/** Drops trailing spaces, quotes and emphasis marks from a lower-cased window before a name. */
function trimCueEnd(window: string): string {
  let k = window.length;
  while (k > 0 && ' \t\n\r"“*_'.includes(window[k - 1]!)) k--;
  return k === window.length ? window : window.slice(0, k);
}

function linePrefixOf(text: string, lineStartIdx: number, at: number): string {
  return text.slice(lineStartIdx, at).replace(LINE_MARKERS, "");
}

/**
 * Classes of a run's words in context: a lower-case particle inside a run joins the name ("Jacob van Gameren"), and
 * an everyday word that is also a name is one next to another name ("Will Smith", "Tara Burns") and an ordinary
 * word otherwise ("Will you", "Hope Street").
 */
function runClasses(run: Token[], cued = false): WordClass[] {
  const cls: WordClass[] = run.map((t) => classify(t.word));
  // After a strong cue the first word is a given name even when it is also an everyday word ("name? Penny Lo").
  if (cued && cls[0] === "namelike") cls[0] = "first";
  const n = run.length;
  const isParticle = (w: string) => PARTICLES.has(w) || CAPITAL_PARTICLES.has(w);
  for (let j = n - 2; j >= 1; j--) {
    // A particle before a capitalised word or before another particle so marked ("van der Berg").
    if (isParticle(run[j]!.word) && (isCapitalised(run[j + 1]!.word) ? !isParticle(run[j + 1]!.word) || cls[j + 1] === "initial" : cls[j + 1] === "initial")) cls[j] = "initial";
    // A name typed in lower case after a strong cue keeps its particles too ("my name is bram ter haar").
    else if (cued && PARTICLES.has(run[j]!.word) && !isCapitalised(run[j + 1]!.word) && (PARTICLES.has(run[j + 1]!.word) ? cls[j + 1] === "initial" : isNameClass(cls[j + 1]!))) cls[j] = "initial";
  }
  // Only a known name vouches for its neighbour ("Plugin Name", "Data Bars" stay words).
  const knownAt = (j: number) => j >= 0 && j < n && (cls[j] === "first" || cls[j] === "last");
  for (let j = 0; j < n; j++) {
    if (cls[j] !== "namelike") continue;
    // Back over initials and particles to the word they follow.
    let b = j - 1;
    while (b >= 0 && cls[b] === "initial") b--;
    const prev = (b >= 0 && (cls[b] === "first" || cls[b] === "honorific" || (cls[b] === "unknown" && b < j - 1))) || (j > 0 && cls[j - 1] === "honorific");
    cls[j] = prev ? "last" : knownAt(j + 1) ? "first" : "common";
  }
  return cls;
}

function judgeRun(scan: Scan, run: Token[], cued = false): Found | undefined {
  const { text } = scan;
  const runCls = runClasses(run, cued);
  const loneNamelike = run.length === 1 && classify(run[0]!.word) === "namelike";
  if (loneNamelike) runCls[0] = "first";
  // Drop leading ordinary words ("Contact Maria Lopez", "Please ask Tom") and honorifics (kept as a cue). A place
  // word voids the run ("Visit Port Edward"), unless an honorific came first.
  let s = 0;
  let honorific = false;
  // Words before a title are not part of the name, whatever they are ("Merci Madame Le Gall", "Danke Frau Weber").
  const lastTitle = runCls.lastIndexOf("honorific");
  if (lastTitle > 0 && lastTitle < run.length - 1 && runCls.slice(0, lastTitle).every((c) => c !== "honorific")) {
    s = lastTitle + 1;
    honorific = true;
  }
  // Dutch "Dag Annelies," greets Annelies: "Dag" is a given name elsewhere ("Dag Hammarskjöld").
  const greetedByDag = run.length >= 2 && run[0]!.word === "Dag" && GREETING_DAG.test(text.slice(run[run.length - 1]!.end, run[run.length - 1]!.end + 2));
  if (greetedByDag) s = 1;
  while (s < run.length) {
    const c = runCls[s]!;
    if (c === "honorific") {
      honorific = true;
      s++;
      continue;
    }
    if (c === "place" && !honorific && s + 1 < run.length) return undefined;
    if ((c === "common" || c === "org" || c === "place") && !honorific) {
      s++;
      continue;
    }
    break;
  }
  if (s >= run.length) return undefined;
  // Trailing ordinary words end the name ("Maria Lopez Support" -> "Maria Lopez"); streets and organisations void
  // it ("Kent Street", "Acme Labs"), as does any organisation word inside.
  // After an honorific, a capitalised word is a surname whatever else it means ("Mr. Burns", "Dr. Green").
  let e = run.length;
  while (e > s + (honorific ? 1 : 0)) {
    const c = runCls[e - 1]!;
    if (c === "org") return undefined;
    if (c === "common" || c === "place" || (c === "initial" && /^\p{Lu}\.?$/u.test(run[e - 1]!.word))) {
      e--;
      continue;
    }
    break;
  }
  // A possessive ends the name: what follows is owned ("Melissa Kristoffersen's Cautionary Tales"), and a lone
  // word before it names a business ("Brewster's Bakeries") as often as a person.
  for (let j = s; j < e - 1; j++) {
    if (!POSSESSIVE.test(run[j]!.word)) continue;
    if (j === s) return undefined;
    e = j + 1;
    break;
  }
  const words = run.slice(s, e);
  const classes = runCls.slice(s, e);
  if (words.length === 0 || words.length - classes.filter((c) => c === "initial").length > 4 || words.length > 7) return undefined;
  const last = words[words.length - 1]!;
  const after = text.slice(last.end, last.end + 12).toLowerCase();
  if (/^\s?(?:inc|llc|ltd|corp|&|labs?|gmbh|plc)\b/.test(after)) return undefined;
  // A name-like word directly followed by more text glued to it (`Maria.Lopez`, `React-Router`, `Node.js`) is an
  // identifier.
  if (/^(?:[-_/@]\w|\.[a-z])/.test(after) || (last.word.endsWith(".") && /^[a-z]/.test(after))) return undefined;
  if (classes.slice(1).some((c) => c === "common" || c === "org" || c === "place" || c === "honorific")) return undefined;
  // A lone everyday word that is also a name counts only after a personal cue ("my son Will").
  if (classes[0] === "initial" && words.length === 1) return undefined;
  if ((words.length >= 2 || /^\s(?:&|and)\s/.test(after)) && COMPANIES.has(companyKey(words, text))) return undefined;

  const start = words[0]!.start;
  let end = last.end;
  if (text[end - 1] === "." && classify(last.word) !== "initial") end--;
  // A closing quote or a dash glued to the last word ("name: 'John Doe'") is not part of the name.
  while (end > start + 1 && /['’-]/.test(text[end - 1]!) && !/['’]s$/.test(text.slice(end - 2, end + 1))) end--;
  const first = classes[0]!;
  if (JAPANESE_HONORIFIC.test(last.word) && words.every((w) => /^[\p{L}\p{M}'’.-]+$/u.test(w.word))) return { start, end, confidence: 0.85 };
  // The greeting and its comma vouch for the name after it, as "Hi Maria," does.
  if (greetedByDag && s === 1 && first !== "initial" && classes.every(isNameClass) && words.every((w) => FULL_NAME_WORD.test(w.word))) return { start, end, confidence: 0.85 };
  const nameWords = classes.filter((c) => c !== "initial");
  // Particles before the capitalised part of a surname are the name's, not the cue's ("nachname: von Hohenstein").
  // A JSON key's closing quote does not part it from its colon when the name is the whole value: `"owner": "Trinh
  // Bảo Ngọc"` reads as "owner: Trinh Bảo Ngọc" (not `"name": "Lagrange Lens: Blue Wolf"`).
  const cueText = trimCueEnd(text.slice(Math.max(0, start - 40), start).toLowerCase()).replace(LEADING_PARTICLES, "");
  const beforeText = text[end] === '"' ? cueText.replace(JSON_KEY_END, "$1$2") : cueText;
  // Only a short line prefix matters (a greeting, a quote marker); on a long line the window start is not the
  // line start, and a marker that no pattern matches stands in for the prefix.
  const lineStartIdx = lineStart(text, start, PREFIX_WINDOW);
  const longLine = lineStartIdx > 0 && text[lineStartIdx - 1] !== "\n" && text[lineStartIdx - 1] !== "\r";
  const linePrefix = longLine ? "\u0000" : linePrefixOf(text, lineStartIdx, start);
  const restOfLine = text.slice(end, lineEnd(text, end, 40));
  // A trailing initial still ends the line's name ("Best,\nTomasz W.").
  const lineEndsHere = /^\s*(?:$|[,|–—-])/.test(restOfLine) || /^ [A-ZÀ-Þ]\.?\s*$/.test(restOfLine);
  // A prompt's author or maintainer credit ("Author: Rick Kotlarz", `authors:` in front matter) names the
  // prompt's public author, not personal data inside the prompt.
  if (!longLine) {
    const label = FIELD_LABEL.exec(linePrefix);
    if (label && AUTHOR_LABEL.test(label[1]!.trim())) return undefined;
  }

  // Signature: the previous line is a sign-off and this line is just the name (maybe with a title after a comma).
  if (!longLine && linePrefix.trim() === "" && lineEndsHere && first !== "common") {
    // On the text's first line, the previous line is the end of the source before it ("Best regards,\n\nMaria").
    const prevLine =
      lineStartIdx > 0
        ? text.slice(lineStart(text, lineStartIdx - 1, 80), lineStartIdx - 1).replace(LINE_MARKERS, "").trim()
        : lastLine(scan.before).trim();
    if (SIGN_OFF.test(prevLine)) return { start, end, confidence: 0.9 };
  }
  // The addressee line of a postal address: a full name alone on its line, an address starting within the next
  // three lines ("Erica Kerr\n\n96 Salontie 19\nSuite 290").
  // The block's first line, starting with a known given name (a company line may follow it).
  if (
    !longLine &&
    linePrefix.trim() === "" &&
    /^\s*$/.test(restOfLine) &&
    words.length >= 2 &&
    first === "first" &&
    runCls.slice(s, e).every(isNameClass) &&
    (lineStartIdx === 0 || /^[\s>*-]*$/.test(text.slice(lineStart(text, lineStartIdx - 1, 80), lineStartIdx - 1))) &&
    addressBelow(scan, end)
  ) {
    return { start, end, confidence: 0.8 };
  }
  // A signature without a sign-off: a full name alone on its line, the sender's phone or email on the next one
  // ("> Harriet Mbeki-Lowe\n> (617) 394-0123 ext. 22"). A record's header block too: the name, then its address
  // and its phone ("Siobhán O'Brien-Kavanagh\nApt 4B, …\n087 214 6631"); a given name the lexicon lacks is
  // vouched for by a known surname there.
  if (
    !longLine &&
    linePrefix.trim() === "" &&
    /^\s*$/.test(restOfLine) &&
    words.length >= 2 &&
    words.length <= 3 &&
    (first === "first" || (knownNameIn(classes) && words.every((w) => FULL_NAME_WORD.test(w.word)))) &&
    runCls.slice(s, e).every(isNameClass) &&
    contactBelow(text, end)
  ) {
    return { start, end, confidence: 0.8 };
  }
  // Right after a strong cue ("my name is", "my partner's name", "call me"): the name-shaped words that follow.
  if (cued && s === (runCls[0] === "honorific" ? 1 : 0) && runCls.slice(s, e).every(isNameClass) && words.every((w) => /^[\p{L}\p{M}'’.-]+$/u.test(w.word))) {
    return { start, end, confidence: 0.85 };
  }
  // The answer to a question for a name: "Bot: What's the name on the account? User: Penny Cavalcanti".
  if (
    runCls.slice(s, e).every(isNameClass) &&
    /^\s*(?:$|[\n,;.!?)])/.test(text.slice(end, end + 3)) &&
    text.lastIndexOf("?", start) > start - 90 &&
    NAME_QUESTION_BEFORE.test(text.slice(Math.max(0, start - 90), start))
  ) {
    return { start, end, confidence: 0.85 };
  }
  // A lone everyday word that is also a name ("Will", "Unique") counts only after a personal cue ("my son Will"),
  // and after a label only when it fills the field ("Patient: Can you..." is a turn).
  if (loneNamelike && (!PERSONAL_CUE.test(beforeText) || (/:$/.test(beforeText) && !/^\s*(?:$|[\n,;.!?)(|<—–-])/.test(text.slice(end, end + 3))))) return undefined;
  // "— Maria Lopez" or "-- Tom" on the last line of a message: a signature ("- Name" is a list item).
  if (
    !longLine &&
    /^\s*(?:[–—]|--|~)\s*$/.test(text.slice(lineStartIdx, start)) &&
    lineEndsHere &&
    (nameWords.some((c) => c === "first") || initialsAndSurname(words)) &&
    /^[^\n]*(?:\n\s*(?:\n|$)|$)/.test(text.slice(end, end + 200))
  ) {
    return { start, end, confidence: 0.85 };
  }
  // "Thanks, Maria" / "Best, Tom Okafor" closing a message on one line.
  const signOffBefore = /^\s*(?:thanks|thank you|best|cheers|regards|best regards|kind regards|warm regards|sincerely|love)\s*[,!.]?\s*$/i.test(linePrefix);
  if (signOffBefore && lineEndsHere && (first === "first" || (words.length >= 2 && nameWords.every(isNameClass)))) {
    return { start, end, confidence: 0.85 };
  }
  // A sign-off of any language closing a message that runs on in one line: "… am Montag vorbei. Viele Grüße, Ayşe".
  // The name ends the message (its line or its quotation) and is written as a name.
  if (
    !signOffBefore &&
    /,$/.test(beforeText) &&
    words.length <= 3 &&
    classes.every(isNameClass) &&
    words.every((w) => FULL_NAME_WORD.test(w.word)) &&
    /^["”]?\s*$/.test(restOfLine) &&
    SIGN_OFF.test(sentenceBefore(text, start))
  ) {
    return { start, end, confidence: 0.8 };
  }
  // Names are not followed by version numbers: "Mr. Data Mode v2.0" is a persona's release.
  if (/^\s?(?:v\d|\d+\.\d)/.test(after)) return undefined;
  if (honorific && (first === "first" || first === "last" || first === "unknown" || first === "initial" || surnameAfterTitle(run[s - 1]!.word, words[0]!.word))) {
    return { start, end, confidence: 0.9 };
  }
  // Nor by other numbers without a title: "Sonnet 4.6", "Retro 4". A phone number is another matter ("Koen De Smet
  // 0478 21 93 66"): the contact-details rule below reads it.
  if (/^\s?\d/.test(after) && !PHONE_AFTER.test(text.slice(end, end + 24))) return undefined;
  const plainWords = words.every((w) => /^[\p{L}\p{M}'’.-]+$/u.test(w.word));
  const allNameLike = classes.every(isNameClass);
  const knownName = classes.some((c) => c === "first" || c === "last");
  const evidence = first === "first" || (words.length >= 2 && allNameLike && knownName);
  const clauseEnds = /^\s*(?:$|[\n,;.!?)(|<—–-])/.test(text.slice(end, end + 3));
  // "You are a coach named Alex": the assistant's persona, not a person. Tested only where a rule needs it.
  let personaSeen: boolean | undefined;
  const isPersona = () => (personaSeen ??= PERSONA_BEFORE.test(text.slice(Math.max(0, start - 80), start).toLowerCase()));
  if (plainWords && (first !== "common" || loneNamelike) && PERSONAL_CUE.test(beforeText)) {
    // "Patient: Hi there" is a turn, not a name: a lone unknown word after a label must end the clause.
    if (first === "unknown" && words.length === 1 && /:$/.test(beforeText) && !clauseEnds) return undefined;
    return { start, end, confidence: 0.9 };
  }
  // A relative named right after a kin word, with a given name the lexicon lacks: "spouse Meera is the named
  // driver", "Freundin Vroni hat …". Kin words only: "partner Stripe handles" and "sister Company" are no people.
  if (s === 0 && words.length === 1 && first === "unknown" && text[start - 1] === " " && SURNAME_SHAPE.test(words[0]!.word) && kinWordBefore(beforeText) && !acronymBefore(text, start) && KIN_AFTER.test(text.slice(end, end + 16))) {
    return { start, end, confidence: 0.75 };
  }
  // A degree or licence after the name: "K. Adebayo-Lindqvist, RN", "Tomasz Wiśniewski, MD".
  if (plainWords && (initialsAndSurname(words) || (nameWords.length >= 2 && allNameLike && knownName)) && CREDENTIAL_AFTER.test(text.slice(end, end + 14))) {
    return { start, end, confidence: 0.8 };
  }
  // A form or record field: "Manager: Tomasz Wiśniewski", "Consignee 2: João Pedro Carvalho,", "**spouse:** Keisha".
  // Not in a heading ("## Section 2: Manuel Korpus Analizi").
  const field = /^\s*#/.test(text.slice(lineStartIdx, start)) ? null : FIELD_LABEL.exec(linePrefix);
  if (plainWords && field && allNameLike && !isPersona()) {
    const personLabel = isPersonLabel(field[1]!.trim());
    // The field's value runs to the end of the clause: a capitalised everyday word after a first name there is a
    // surname ("spouse: Keisha Washington,").
    let fieldEnd = end;
    if (!clauseEnds && e < run.length && personLabel && first === "first") {
      const tail = runCls.slice(e);
      const tailEnd = run[run.length - 1]!.end;
      if (tail.every((c) => c === "common") && run.slice(e).every((w) => /^\p{Lu}\p{Ll}+$/u.test(w.word)) && /^\s*(?:$|[\n,;.!?)(|<—–-])/.test(text.slice(tailEnd, tailEnd + 3))) {
        fieldEnd = tailEnd;
      }
    }
    const fieldEnds = fieldEnd !== end || clauseEnds;
    if (fieldEnds && ((personLabel && (evidence || initialsAndSurname(words))) || (nameWords.length >= 2 && knownName))) return { start, end: fieldEnd, confidence: 0.85 };
    // Unknown words only: a form's "Name:" (capitalised; `name:` is a YAML or code key) or a person's role.
    if (fieldEnds && personLabel && nameWords.length >= 2 && !/^name$/.test(field[1]!.trim())) return { start, end, confidence: 0.75 };
  }
  // A full name with its contact details after it: "Diego Fernández (diego.fernandez@…)", "Ana Ruiz <ana@…>".
  if (((nameWords.length >= 2 && allNameLike && knownName) || initialsAndSurname(words)) && CONTACT_AFTER.test(text.slice(end, end + 48))) {
    return { start, end, confidence: 0.85 };
  }
  // Names the lexicon lacks, with an email address after them that is made of them: "Priyanka Deshmukh
  // (priyanka.d@…)", "Ngozi Eze <ngozi.eze@…>".
  if (nameWords.length >= 2 && nameWords.length <= 3 && plainWords && allNameLike && words.every((w, j) => classes[j] !== "unknown" || SURNAME_SHAPE.test(w.word)) && emailOfName(text.slice(end, end + 48), words)) {
    return { start, end, confidence: 0.85 };
  }
  // A list item or record line that starts with a full name: "1. Marcus T. Bell — SSN …", "- Sigrid Haugland wants …".
  if (
    !longLine &&
    LIST_MARKER.test(lineStartIdx === 0 ? scan.before.slice(-8) + text.slice(0, start) : text.slice(lineStartIdx, start)) &&
    nameWords.length >= 2 &&
    allNameLike &&
    first === "first" &&
    !AMBIGUOUS_FIRST.has(words[0]!.word.toLowerCase()) &&
    RECORD_AFTER.test(text.slice(end, end + 16))
  ) {
    return { start, end, confidence: 0.8 };
  }
  // A self-introduction: "I'm Aoife Ní Bhriain", "this is Chloé again", "Nagy Eszter vagyok".
  const intro =
    (INTRO_BEFORE.test(beforeText) && INTRO_END.test(text.slice(end, end + 12))) || INTRO_AFTER.test(text.slice(end, end + 12));
  // In prose, only inside a quotation ('Customer wrote: "this is Chloé again"'): elsewhere an "I'm Vega" is the
  // assistant's persona speaking.
  const quoted = scan.dialogue || /^[^"“”]*["“][^"”]*$/.test(text.slice(lineStartIdx, start)) || SPEAKER_LABEL.test(text.slice(lineStartIdx, lineStartIdx + 40));
  if (intro && quoted && plainWords && allNameLike && !isPersona() && !PERSONA_AFTER.test(text.slice(end, end + 60))) {
    // "it's Priyanka again", "this is Oyelaran calling": one word the lexicon does not know, in a turn.
    if (scan.dialogue && words.length === 1 && first === "unknown" && /(?:this is|it['’]s)$/.test(beforeText) && INTRO_CALLING.test(text.slice(end, end + 14))) {
      return { start, end, confidence: 0.75 };
    }
    if (first === "first" && !AMBIGUOUS_FIRST.has(words[0]!.word.toLowerCase())) return { start, end, confidence: 0.8 };
    if (nameWords.length >= 2 && (knownName || scan.dialogue)) return { start, end, confidence: 0.8 };
  }
  // A speaker label that is a name: "Maria: I need help" / "Tom Okafor: thanks".
  if (
    !longLine &&
    /^\s?:/.test(text.slice(end, end + 2)) &&
    SPEAKER_PREFIX.test(text.slice(lineStartIdx, start)) &&
    evidence &&
    allNameLike &&
    !AMBIGUOUS_FIRST.has(words[0]!.word.toLowerCase()) &&
    (scan.dialogue || neighbourLabelled(text, lineStartIdx))
  ) {
    return { start, end, confidence: 0.8 };
  }
  // A greeting at the start of a line: "Hi Maria," / "Hello Tom Okafor!".
  const greeting = GREETING_PREFIX.exec(linePrefix);
  if (greeting && evidence && allNameLike && /^\s*(?:$|[,!.:;—–-]|(?:again|here)\b)/.test(restOfLine)) return { start, end, confidence: 0.85 };
  // A greeting in a written reply ("Example output: Hi Bongani, ...", a chat turn): a one-word name the lexicon
  // does not know, when a comma or "!" addresses it.
  if (greeting && (greeting[1] !== undefined || scan.dialogue) && words.length === 1 && first === "unknown" && SURNAME_SHAPE.test(words[0]!.word) && /^[,!]/.test(restOfLine)) {
    return { start, end, confidence: 0.75 };
  }
  // A person's role right before the name: "Customer Thandiwe Mokoena asked", "our fraud lead, Maximilian Brandt."
  if (plainWords && nameWords.length >= 2 && nameWords.length <= 3 && words.every((w, j) => classes[j] !== "unknown" || SURNAME_SHAPE.test(w.word)) && allNameLike && knownName && ROLE_BEFORE.test(beforeText) && !isPersona()) {
    return { start, end, confidence: 0.8 };
  }
  if (isPersona()) return undefined;
  if (plainWords && GENERIC_CUE.test(beforeText)) {
    if (evidence && allNameLike) return { start, end, confidence: 0.85 };
    // "Name: Priya Raman" — a form field written for people (capital N; `name:` is a YAML or code key), two or
    // three name-like words that end the field.
    const formLabel = /(?:^|[^\w])(?:Full |Customer |Client |Display |Contact )?Name:[\s*_]*$/.test(text.slice(Math.max(0, start - 24), start));
    if (formLabel && nameWords.length >= 2 && allNameLike && clauseEnds) return { start, end, confidence: 0.75 };
  }
  // Without a cue, things and places are not people: "the Jordan Retro", "a Stanley Quencher", "in Florence".
  if (/(?:^|\s)(?:the|a|an|this|that|our|your|my|their|his|her)$/.test(beforeText)) return undefined;
  const leadWord = words[0]!.word.toLowerCase();
  // A table cell holding a full name: "| Maria Lopez | 2024-03-01 |". The column's header decides when there is one
  // ("Name" yes, "City" no: "| Jane | 30 | Los Angeles |"); without one, the last word must be a known surname
  // ("| Dev Containers | `devcontainers` |" is a product).
  // Under a person header ("Applicant", "Guest name") the header is the cue: any full name-like cell counts, the
  // given name need not be a known one ("| Bethan Lloyd-Pryce |").
  if (nameWords.length >= 2 && allNameLike && /\|\s*$/.test(text.slice(Math.max(0, start - 4), start)) && /^\s*\|/.test(text.slice(end, end + 4))) {
    const header = tableColumnHeader(text, lineStartIdx, start);
    const knownGiven = first === "first" && !AMBIGUOUS_FIRST.has(leadWord);
    // A bare "Name" column also names error codes, products and plans ("| Invalid Parameters |"): it needs a known
    // given name; a person's role ("Applicant", "Guest name") does not.
    if (header !== undefined && isPersonLabel(header) && (knownGiven || !/^name$/i.test(header.trim()))) return { start, end, confidence: 0.75 };
    if (header === undefined && knownGiven && classes[classes.length - 1] === "last") return { start, end, confidence: 0.75 };
  }
  // In prose, a known given name and a known surname together: "Escalate to Maria Jensen in billing".
  const proseBefore = beforeText.slice(-24).replace(/[,!.]+$/, "");
  // A name built with a particle that names carry: "Fionnuala Ní Dhomhnaill", "Marloes de Wit-Jansen", "María de
  // la Luz Echeverría Saldaña". Places built the same way ("Santiago de Compostela", "Costa del Sol") end otherwise.
  if (plainWords && s === 0 && e === run.length && allNameLike && particleName(words, classes) && !PLACE_BEFORE.test(proseBefore) && !isPersona()) {
    return { start, end, confidence: 0.8 };
  }
  if (
    nameWords.length >= 2 &&
    nameWords.length <= 3 &&
    first === "first" &&
    !AMBIGUOUS_FIRST.has(leadWord) &&
    (knownFullName(classes) || (givenAndUnknownSurname(classes, words) && HANDOFF_BEFORE.test(proseBefore) && clauseEnds)) &&
    // Not inside a longer title-case phrase ("Object Pascal Best Practices").
    s === 0 &&
    e === run.length &&
    !PLACE_BEFORE.test(proseBefore) &&
    !isPersona()
  ) {
    return { start, end, confidence: 0.7 };
  }
  // Greetings and thanks ("Hi Maria", "Thanks, Tom Okafor") count only in conversation text.
  const lineIsDialogue = scan.dialogue || (!longLine && SPEAKER_LABEL.test(text.slice(lineStartIdx, lineStartIdx + 40)));
  if (!lineIsDialogue) {
    // Thanks or a greeting to a known given name inside a quoted example message: 'Good reply: "Thanks Tomasz, ..."'.
    const thanked = words.length === 1 && first === "first" && !AMBIGUOUS_FIRST.has(leadWord) && /^[,.!:;—–]/.test(text.slice(end, end + 1));
    if (thanked && THANKS_BEFORE.test(beforeText.slice(-24).replace(/[,!.]+$/, "")) && insideQuotation(text, lineStartIdx, start)) return { start, end, confidence: 0.75 };
    return undefined;
  }
  const weakBefore = beforeText.slice(-24).replace(/[,!.]+$/, "");
  const weak = WEAK_CUE.test(weakBefore) && !PLACE_BEFORE.test(weakBefore);
  if (weak && first === "first" && allNameLike) return { start, end, confidence: 0.8 };
  if (weak && nameWords.length >= 2 && allNameLike && knownName) return { start, end, confidence: 0.8 };
  const afterName = text.slice(end, end + 2);
  // A greeting or thanks addressed to someone: "Thanks, Tyrone." / "Hi Kwame,".
  // A given name the lexicon also knows as a place or word ("Guadalupe") counts too: the thanks says it is a person.
  if (words.length === 1 && (first === "unknown" || first === "namelike") && /^(?:[,.!:;—–"”\n]|$)|^ [—–]/.test(afterName) && THANKS_BEFORE.test(weakBefore)) {
    return { start, end, confidence: 0.7 };
  }
  // Addressing someone after thanks or an apology: "Sorry for the delay, Anneliese." / "Thanks for waiting, Kwame!".
  if (
    words.length === 1 &&
    first === "unknown" &&
    /^[.!?]/.test(afterName) &&
    /,$/.test(beforeText) &&
    THANKS_CLAUSE.test(text.slice(Math.max(0, start - 48), start).toLowerCase())
  ) {
    return { start, end, confidence: 0.7 };
  }
  // Addressing someone by first name: "Sorry to hear that, Maria." / "Found it, Lukas!".
  if (!scan.lowerCase && words.length === 1 && first === "first" && /,$/.test(beforeText) && /^(?:[.!?,]| [—–])/.test(afterName)) return { start, end, confidence: 0.7 };
  // Full names: two to four name-like words, at least one a known first name or surname, in a place a person's
  // name can stand (not "in Walter Heights", not "the Jordan Retro").
  if (!scan.lowerCase && PLACE_BEFORE.test(weakBefore)) return undefined;
  if (nameWords.length >= 2 && allNameLike && knownName && !(first === "initial" && nameWords.length < 2)) {
    if (scan.lowerCase && !(first === "first" && classes.slice(1).every((c) => c === "first" || c === "last"))) return undefined;
    return { start, end, confidence: 0.75 };
  }
  // A known first name alone, used as a person in a sentence: "said Tómas to Colleen", "Xavier is from Redfin".
  if (words.length === 1 && first === "first" && !scan.lowerCase && !AMBIGUOUS_FIRST.has(words[0]!.word.toLowerCase())) {
    const sentenceStart = beforeText.trim() === "" || /[.!?:;\n"“(]$/.test(beforeText) || linePrefix.trim() === "";
    if (!sentenceStart || SUBJECT_AFTER.test(text.slice(end, end + 12))) return { start, end, confidence: 0.65 };
  }
  return undefined;
}

/** The text of the sentence before `at` on its line, trimmed: "Viele Grüße," in "… vorbei. Viele Grüße, Ayşe". */
function sentenceBefore(text: string, at: number): string {
  const from = Math.max(0, at - 48);
  const window = text.slice(from, at);
  const cut = Math.max(window.lastIndexOf(". "), window.lastIndexOf("! "), window.lastIndexOf("? "), window.lastIndexOf("\n"), window.lastIndexOf('"'));
  return window.slice(cut + 1).trim();
}

/** A known given name, then known names or initials, ending with a known surname: "Maria K. Jensen". */
function knownFullName(classes: WordClass[]): boolean {
  return classes.slice(1).every((c) => c === "first" || c === "last" || c === "initial") && classes[classes.length - 1] === "last";
}

/** Before a speaker label: quote markers, or a chat export's date and time ("[04/03/2024, 09:14:55] Koen De Smet:"). */
const SPEAKER_PREFIX = /^[\s>]*(?:\[[\d/.,: -]{4,24}(?:\s?[AP]M)?\]\s?(?:-\s)?)?$/;

/** After the name "Dag" greets: the greeting's comma or exclamation mark. */
const GREETING_DAG = /^\s?[,!]/;

/** A greeting that starts a line or a labelled reply ("Hi", "Example output: Hello", "'Welcome back,"). */
const GREETING_PREFIX =
  /^\s*([A-Za-zÀ-ž][A-Za-zÀ-ž ]{0,30}:\s*)?["'“‘]?(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening|day)|g['’]day|greetings|welcome(?: back)?|hola|buen(?:os|as) (?:días|dias|tardes|noches)|bonjour|bonsoir|hallo|guten (?:tag|morgen|abend)|moin|ciao|buongiorno|buonasera|salve|olá|ola|bom dia|boa (?:tarde|noite)|hej|hei|god (?:morgen|dag)|goedemorgen|goedemiddag|hoi|dag|salut|coucou|servus|cześć|dzień dobry|chào (?:anh|chị|em|ông|bà|bạn|cô)|chào)\s*,?\s*$/i;
/** A person's role or relation right before a name, maybe as an appositive: "customer", "our fraud lead,". */
const ROLE_BEFORE = new RegExp(
  `(?:^|[^a-z-])(?:${PERSON_NOUNS}|${RELATIONS}|cardholder|card holder|account holder|policyholder|claimant|adjuster|reviewer|owner|traveller|traveler|recruiter|hiring manager|signer|signatory|beneficiary|borrower|debtor|payee|sender|recipient|vet|veterinarian|officer|analyst|guarantor|gestora?|cliente|aval)(?:,| is| was| es| est| ist| è| é)?$`,
);

/** Verbs that hand work to a person ("Escalate to Priya Raman.", "opened by Liam Okafor,"). */
const HANDOFF_BEFORE = /\b(?:escalate(?:d)? to|reach(?:ed)? out to|spoke (?:to|with)|talked to|met with|wrote to|emailed|messaged|called|forward(?:ed)? to|assign(?:ed)? to|hand(?:ed)? (?:it )?(?:off |over )?to|(?:opened|reported|raised|filed|submitted|handled|approved|signed|owned) by|ask|email|ping|notify|cc|contact|call)$/;

/** An email address in brackets right after a name whose local part holds the given name or the surname. */
const EMAIL_AFTER = /^\s?[(<]\s?([\w.+-]{2,40})@[\w-]{1,40}\.\w/;
function emailOfName(after: string, words: Token[]): boolean {
  const m = EMAIL_AFTER.exec(after);
  if (!m) return false;
  const local = m[1]!.toLowerCase();
  const plain = (w: string) => w.toLowerCase().replace(/['’]s$|\.$/, "").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return [words[0]!, words[words.length - 1]!].some((w) => plain(w.word).length >= 3 && local.includes(plain(w.word)));
}

/** The name at `at` stands inside a double quotation opened earlier on its line. */
function insideQuotation(text: string, lineStartIdx: number, at: number): boolean {
  let open = false;
  for (let k = lineStartIdx; k < at; k++) {
    const c = text[k];
    if (c === '"' || c === "“" || c === "”") open = c === "”" ? false : c === "“" ? true : !open;
  }
  return open;
}

/** A surname the lexicon does not list, written as one: "Raman", "Ndlovu", "Kowalczyk" (not "API", "Pro", "X"). */
const SURNAME_SHAPE = /^\p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}{2,})?(?:['’]s)?\.?$/u;

/**
 * A known given name (not one that is also an everyday word), maybe an initial, and one surname-shaped word the
 * lexicon does not know, or knows only as a given name (many are surnames too): "Priya Raman", "Sipho K. Ndlovu".
 */
function givenAndUnknownSurname(classes: WordClass[], words: Token[]): boolean {
  const n = classes.length;
  if (n < 2 || n > 3 || (classes[n - 1] !== "unknown" && classes[n - 1] !== "first") || !SURNAME_SHAPE.test(words[n - 1]!.word)) return false;
  return classes.slice(1, n - 1).every((c) => c === "initial" || c === "first" || c === "last");
}

/**
 * Kin words right before a relative's given name, looked up as the last word of the lower-cased `beforeText`; not
 * "son", a word of other languages too.
 */
const KIN_WORDS = new Set([
  "spouse", "husband", "wife", "daughter", "dtr", "mother", "father", "mum", "mom", "dad", "brother", "sister", "fiancé",
  "fiancée", "fiance", "fiancee", "grandson", "granddaughter", "stepson", "stepdaughter", "nok", "kin", "marido", "esposa",
  "esposo", "hija", "hijo", "marito", "moglie", "figlia", "figlio", ...[...GERMAN_KIN].map((w) => w.toLowerCase()),
]);
function kinWordBefore(beforeText: string): boolean {
  return KIN_WORDS.has(beforeText.slice(beforeText.lastIndexOf(" ") + 1).replace(/:$/, ""));
}
/** The word before `at` is written in capitals, an acronym rather than a kin word ("OPA Conftest"); "NOK" is next of kin. */
function acronymBefore(text: string, at: number): boolean {
  const word = /(\p{L}+):?\s$/u.exec(text.slice(Math.max(0, at - 24), at))?.[1];
  return word !== undefined && word.length >= 3 && word !== "NOK" && word === word.toUpperCase();
}
/** After a relative's name: the clause ends, a verb follows, or a phone number. */
const KIN_AFTER = /^(?:\s*(?:$|[,.;:!?)(—–-])|\s\p{Ll}|\s\+?\(?\d)/u;
/** Degrees and licences written after a name; not a US state before a ZIP code ("Baltimore, MD 21201"). */
const CREDENTIAL_AFTER = /^,?\s(?:RN|NP|LPN|PA-C|PhD|Ph\.D\.|MD|M\.D\.|DO|DDS|DMD|Esq\.?|MBBS|FRCS|FRCP|MRCP|CPA|LCSW|PharmD|BSN|MSN)(?![\p{L}\p{N}])(?!,?\s?\d)/u;
const POSSESSIVE = /['’]s$/;
/**
 * Lower-case particles inside a surname ("de la", "van der", "ter", "bin"): the name particles less the ones that
 * are ordinary words too ("y" joins places, "Castilla y León"; "el", "al" and "zu" are articles and prepositions).
 */
const ORDINARY_PARTICLE_WORDS = new Set(["al", "el", "y", "zu"]);
const SURNAME_PARTICLES = new Set([...PARTICLES].filter((p) => !ORDINARY_PARTICLE_WORDS.has(p)));
/** Irish particles that stand only inside names: "Ní Dhomhnaill", "Ó Briain", "Mac Giolla". */
const IRISH_PARTICLES = new Set(["Ní", "Nic", "Ó", "Uí", "Mac", "Mhic"]);
/** A surname of two capitalised parts: "Wit-Jansen", "Lefebvre-Dumont". */
const DOUBLE_BARRELLED = /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u;

/**
 * Initials, maybe particles, then one surname written as one: "J. R. Oyelaran-Beckett", "K. Adebayo-Lindqvist",
 * "R.J. ter Borg". Initials need their full stops: "A Smith" may be an article.
 */
function initialsAndSurname(words: readonly Token[]): boolean {
  const n = words.length;
  let k = 0;
  while (k < n && k < 3 && GLUED_INITIAL.test(words[k]!.word)) k++;
  if (k === 0) return false;
  let particles = 0;
  while (k < n - 1 && particles < 2 && SURNAME_PARTICLES.has(words[k]!.word)) {
    k++;
    particles++;
  }
  if (k !== n - 1) return false;
  const surname = words[k]!.word;
  return FULL_NAME_WORD.test(surname) && (SURNAME_SHAPE.test(surname) || classify(surname) === "last");
}

/**
 * Given names, then a particle only names carry and the surname: an Irish "Ní", "Ó", "Mac" before any name-shaped
 * word, or "de", "van der" before a known surname or a double-barrelled one (with a known given name first, or the
 * double-barrelled surname alone). The first word is no place word ("Puerto de la Cruz").
 */
function particleName(words: readonly Token[], classes: readonly WordClass[]): boolean {
  const n = words.length;
  if (n < 3 || PLACE_START.has(words[0]!.word.toLowerCase())) return false;
  let p = 0;
  while (p < n && p < 3 && FULL_NAME_WORD.test(words[p]!.word) && !IRISH_PARTICLES.has(words[p]!.word) && (classes[p] === "first" || classes[p] === "unknown")) p++;
  if (p === 0 || p > 2 || p >= n - 1) return false;
  const rest = words.slice(p + 1);
  if (IRISH_PARTICLES.has(words[p]!.word)) return rest.length <= 2 && rest.every((w) => FULL_NAME_WORD.test(w.word) && !IRISH_PARTICLES.has(w.word));
  let q = p;
  while (q < n - 1 && q - p < 2 && SURNAME_PARTICLES.has(words[q]!.word)) q++;
  if (q === p) return false;
  const surnames = words.slice(q);
  if (surnames.length > 3 || !surnames.every((w) => FULL_NAME_WORD.test(w.word))) return false;
  const lastWord = surnames[surnames.length - 1]!.word;
  const doubleBarrelled = surnames.length === 1 && DOUBLE_BARRELLED.test(lastWord);
  return doubleBarrelled || (classes[0] === "first" && classify(lastWord) === "last");
}

/** Words a template writes after a title in place of a surname ("Mr. Example", "Dr. Placeholder"). */
const STAND_IN_SURNAMES = new Set(["example", "sample", "placeholder", "test", "user", "customer", "name", "surname", "lastname", "someone", "somebody", "nobody", "anonymous", "unknown", "whoever", "such"]);

/**
 * An everyday word after a title is a surname ("Mr. Burns", "Dr. Green"), for the titles that are nothing else
 * ("Miss GitHub history" is a verb), when it is written as a name (not "Mr. GitHub").
 */
function surnameAfterTitle(title: string, word: string): boolean {
  return /^(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?$/.test(title) && /^\p{Lu}\p{Ll}+$/u.test(word) && !NOT_PEOPLE.has(word.toLowerCase()) && !STAND_IN_SURNAMES.has(word.toLowerCase());
}

const LABEL_LINE = /^[\s>]*(?:\[[\d/.,: -]{4,24}(?:\s?[AP]M)?\]\s?(?:-\s)?)?\p{Lu}[\p{L}'’-]{1,24}(?: \p{Lu}[\p{L}'’-]{1,24})?\s?:\s*\S/u;

/** The line before or after the one starting at `lineStartIdx` also starts with a speaker label: a transcript. */
function neighbourLabelled(text: string, lineStartIdx: number): boolean {
  const end = lineEnd(text, lineStartIdx, 400);
  const next = text.slice(end + 1, lineEnd(text, end + 1, 80));
  if (LABEL_LINE.test(next) || SPEAKER_LABEL.test(next)) return true;
  if (lineStartIdx === 0) return false;
  const prev = text.slice(lineStart(text, lineStartIdx - 1, 80), lineStartIdx - 1);
  return LABEL_LINE.test(prev) || SPEAKER_LABEL.test(prev);
}

/** The words of a found name, lower case, with "&"/"and" and the next capitalised word ("Marks & Spencer"). */
function companyKey(words: Token[], text: string): string {
  const key = words.map((w) => w.word.toLowerCase().replace(/\.$/, "")).join(" ");
  if (COMPANIES.has(key)) return key;
  const m = /^\s(?:&|and)\s(\p{Lu}[\p{L}'’]+)/u.exec(text.slice(words[words.length - 1]!.end, words[words.length - 1]!.end + 40));
  return m ? `${key} ${m[1]!.toLowerCase()}` : key;
}

const LIST_GAP = /^(?:, |,? and |,? & |,? or |,? und |,? y |,? et |,? e )$/;

function isListGap(text: string, from: number, to: number): boolean {
  if (to - from < 2 || to - from > 6) return false;
  const c = text.charCodeAt(from);
  return (c === 44 || c === 32) && LIST_GAP.test(text.slice(from, to));
}

/**
 * Names listed with names in conversation text: "They had 6: Malon, Mark, Kaylee and Brandi", "Quirion and
 * Robinson were engineers". A list of single capitalised words counts when half or more of its items are names
 * already found or known first names, and none is an ordinary, place or organisation word.
 */
function addListedNames(scan: Scan, tokens: Token[], matches: PiiMatch[]): PiiMatch[] {
  const { text } = scan;
  const covered = coverageCheck(matches);
  const added: PiiMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const group: Token[] = [tokens[i]!];
    let k = i + 1;
    while (k < tokens.length && group.length < 20 && isListGap(text, tokens[k - 1]!.end, tokens[k]!.start)) group.push(tokens[k++]!);
    const joined = group.length >= 3 || (group.length === 2 && !/^,\s$/.test(text.slice(group[0]!.end, group[1]!.start)));
    if (joined) {
      const capitalised = group.every((t) => isCapitalised(t.word) && !t.word.endsWith("."));
      const classes = group.map((t) => classify(t.word));
      const inMatch = group.map((t) => covered(t.start, t.end));
      const names = group.filter((t, j) => inMatch[j] || (classes[j] === "first" && !AMBIGUOUS_FIRST.has(t.word.toLowerCase()))).length;
      const before = text[group[0]!.start - 1];
      const afterLast = text[group[group.length - 1]!.end];
      const standalone = (before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (afterLast === undefined || /[\s,.!?;:)]/.test(afterLast));
      if (capitalised && standalone && names * 2 >= group.length && classes.every((c) => c === "first" || c === "last" || c === "unknown")) {
        for (const [j, t] of group.entries()) {
          if (inMatch[j]) continue;
          added.push({ type: "person-name", start: t.start, end: t.end, value: t.word, confidence: 0.6 });
        }
      }
    }
    i = k;
  }
  if (added.length === 0) return matches;
  return [...matches, ...added].sort((a, b) => a.start - b.start);
}

/** A list item's marker, alone before the name on its line (in the text, or just before it in the source). */
const LIST_MARKER = /(?:^|\n)\s*(?:\d{1,3}[.)]|[-*•+])\s+$/;
const JOINER = /^ (?:&|and|und|y|et|e|og|och|en|i) /;

/** Three capitalised words in the form "A, B and C" / "A, B & C". */
const FIRM = /[A-ZÀ-Þ][a-zß-ÿ]+, ([A-ZÀ-Þ][a-zß-ÿ]+),? (?:and|&) ([A-ZÀ-Þ][a-zß-ÿ]+)(?![a-zß-ÿ])/g;

/**
 * Law, accounting and consulting firms are written as three surnames ("Thomas, Holt and Myers", "Graham, Ochoa &
 * Vasquez"); a list of people names given names ("Ana, Luis and Marta"). A one-word name inside such a triple
 * whose last two words are not given names is part of a firm's name.
 */
function dropFirmNames(text: string, matches: PiiMatch[]): PiiMatch[] {
  if (matches.length === 0 || !text.includes(", ") || !(text.includes(" and ") || text.includes(" & "))) return matches;
  const firms: { start: number; end: number }[] = [];
  FIRM.lastIndex = 0;
  for (let m = FIRM.exec(text); m; m = FIRM.exec(text)) {
    const second = classify(m[1]!);
    const third = classify(m[2]!);
    if ((second === "last" || second === "unknown") && (third === "last" || third === "unknown")) firms.push({ start: m.index, end: m.index + m[0].length });
  }
  if (firms.length === 0) return matches;
  const inFirm = coverageCheck(firms);
  return matches.filter((m) => m.value.includes(" ") || (m.confidence ?? 1) >= 0.9 || !inFirm(m.start, m.end));
}

/**
 * A second name joined to a name found with a cue: "Name: Saoirse Gallagher & Rhys Llewellyn", "Dear Saoirse and
 * Rhys,". The joined words must all be name-like and end the clause.
 */
function addJoinedNames(text: string, tokens: Token[], matches: PiiMatch[]): PiiMatch[] {
  if (matches.length === 0) return matches;
  const added: PiiMatch[] = [];
  const covered = coverageCheck(matches);
  let t = 0;
  for (const m of matches) {
    if ((m.confidence ?? 1) < 0.75) continue;
    const joiner = JOINER.exec(text.slice(m.end, m.end + 6));
    if (!joiner) continue;
    const at = m.end + joiner[0].length;
    while (t < tokens.length && tokens[t]!.start < at) t++;
    if (tokens[t]?.start !== at) continue;
    let k = t;
    while (k < tokens.length && k - t < 3 && isCapitalised(tokens[k]!.word) && (k === t || text.slice(tokens[k - 1]!.end, tokens[k]!.start) === " ")) k++;
    if (k === t) continue;
    const run = tokens.slice(t, k);
    const classes = runClasses(run);
    if (!classes.every(isNameClass) || !/^\s*(?:$|[\n,;.!?)(|<—–-])/.test(text.slice(run[run.length - 1]!.end, run[run.length - 1]!.end + 3))) continue;
    const start = run[0]!.start;
    const end = run[run.length - 1]!.end - (run[run.length - 1]!.word.endsWith(".") ? 1 : 0);
    if (covered(start, end)) continue;
    added.push({ type: "person-name", start, end, value: text.slice(start, end), confidence: 0.7 });
  }
  if (added.length === 0) return matches;
  return [...matches, ...added].sort((a, b) => a.start - b.start);
}

/** A nickname in quotes and brackets right after a name: "J. R. Oyelaran-Beckett ("Jide")". */
const QUOTED_NICKNAME = /^ ?\(["“](\p{Lu}\p{Ll}{1,20})["”]\)/u;

function addQuotedNicknames(text: string, matches: PiiMatch[]): PiiMatch[] {
  if (matches.length === 0 || !(text.includes('("') || text.includes("(“"))) return matches;
  const added: PiiMatch[] = [];
  for (const m of matches) {
    if ((m.confidence ?? 1) < 0.75) continue;
    const nick = QUOTED_NICKNAME.exec(text.slice(m.end, m.end + 28));
    if (!nick || classify(nick[1]!) === "common") continue;
    const start = m.end + nick[0].indexOf(nick[1]!);
    added.push({ type: "person-name", start, end: start + nick[1]!.length, value: nick[1]!, confidence: 0.75 });
  }
  if (added.length === 0) return matches;
  return [...matches, ...added].sort((a, b) => a.start - b.start);
}

/**
 * Names the text itself calls stand-ins: "(Juan es un ejemplo, no un cliente)", "Jane is a placeholder", "Replace
 * Smith with {{guest_last_name}}". Every mention of such a name is dropped.
 */
const STAND_IN_HINT = /example|ejemplo|exemple|beispiel|esempio|exemplo|placeholder|replace/i;
const DECLARED_STAND_IN =
  /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+) (?:is|es|est|ist|è|é) (?:just |only |solo |sólo |nur |seulement )?(?:an? |un |una |ein |eine |um |uma )?(?:example|ejemplo|exemple|beispiel|esempio|exemplo|placeholder|sample|stand-in)|\b[Rr]eplace (\p{Lu}\p{Ll}+) with [{[<]/gu;

function dropDeclaredStandIns(text: string, matches: PiiMatch[]): PiiMatch[] {
  if (!STAND_IN_HINT.test(text)) return matches;
  const standIns = new Set<string>();
  DECLARED_STAND_IN.lastIndex = 0;
  for (let m = DECLARED_STAND_IN.exec(text); m; m = DECLARED_STAND_IN.exec(text)) standIns.add(m[1] ?? m[2]!);
  if (standIns.size === 0) return matches;
  return matches.filter((m) => !m.value.split(" ").some((w) => standIns.has(w)));
}

/**
 * Later mentions of a name found once ("Maria Lopez called ... Maria said"): each word of a name found with a cue
 * or as a full name, seen again capitalised as a whole word, is the same person.
 */
/** The words of confident matches that later mentions may repeat alone ("Maria" of "Maria Lopez"). */
function nameParts(matches: readonly PiiMatch[]): Set<string> {
  const parts = new Set<string>();
  for (const m of matches) {
    if ((m.confidence ?? 1) < 0.75) continue;
    for (const w of m.value.split(/\s+/)) {
      const c = classify(w);
      if (w.length >= 3 && (c === "first" || c === "last" || c === "unknown") && !AMBIGUOUS_FIRST.has(w.toLowerCase())) parts.add(w);
    }
  }
  return parts;
}

function addRepeatedMentions(text: string, tokens: Token[], matches: PiiMatch[], builtin: boolean, earlier?: ReadonlySet<string>): PiiMatch[] {
  const own = nameParts(matches);
  const parts = new Set(own);
  if (earlier) for (const w of earlier) parts.add(w);
  if (parts.size === 0) return matches;
  const covered = coverageCheck(matches);
  const added: PiiMatch[] = [];
  // The same names typed in lower case ("Siobhán O'Brien-Kavanagh … siobhán was clear"), looked up by their
  // lower-case form.
  const lowerParts = new Map<string, string>();
  for (const w of parts) lowerParts.set(w.toLowerCase(), w);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const bare = t.word.replace(/['’]s$/, "").replace(/\.$/, "");
    const word = lowerParts.has(bare) && bare !== lowerParts.get(bare) ? lowerCaseMention(tokens, i, text, lowerParts) : bare;
    if (!parts.has(word) || covered(t.start, t.end)) {
      i++;
      continue;
    }
    let end = t.start + word.length;
    let k = i + 1;
    while (k < tokens.length && text.slice(tokens[k - 1]!.end, tokens[k]!.start) === " ") {
      const raw = tokens[k]!.word.replace(/['’]s$/, "").replace(/\.$/, "");
      const w = word === bare ? raw : (lowerParts.get(raw) ?? raw);
      if (!parts.has(w)) break;
      end = tokens[k]!.start + w.length;
      k++;
    }
    const value = text.slice(t.start, end);
    // A word known only from another segment, followed by other capitalised words, starts some other name or a
    // street ("Nguyễn Chí Thanh" after "Nguyễn Thị Thu Hà"): only a bare mention repeats the person.
    const next = tokens[k];
    const fromElsewhere = earlier !== undefined && !own.has(word);
    if (fromElsewhere && next && text.slice(tokens[k - 1]!.end, next.start) === " " && isCapitalised(next.word)) {
      i = k;
      continue;
    }
    if (!(builtin && (isPlaceholderName(value) || isPublicFigure(value)))) added.push({ type: "person-name", start: t.start, end, value, confidence: 0.6 });
    i = k;
  }
  if (added.length === 0) return matches;
  return [...matches, ...added].sort((a, b) => a.start - b.start);
}

/**
 * The found name that a lower-case word repeats, or "" when the word may be an ordinary one: only a word with
 * letters beyond ASCII ("siobhán") or one followed by another repeated part ("juan pablo") counts; "mark",
 * "grant" or "response" alone stays a word.
 */
function lowerCaseMention(tokens: Token[], i: number, text: string, lowerParts: ReadonlyMap<string, string>): string {
  const t = tokens[i]!;
  const word = t.word.replace(/['’]s$/, "").replace(/\.$/, "");
  if (word !== word.toLowerCase()) return "";
  // Part of an email address or an identifier ("aoife.nibhriain@", "saoirse.and.rhys"): not a mention.
  const afterWord = text.slice(t.start + word.length, t.start + word.length + 2);
  if (/[\w@./]/.test(text[t.start - 1] ?? "") || /^[@_/.-]\w/.test(afterWord)) return "";
  const next = tokens[i + 1];
  const pairs = next !== undefined && text.slice(tokens[i]!.end, next.start) === " " && lowerParts.has(next.word.replace(/['’]s$|\.$/g, ""));
  if (!pairs && /^[a-z'’-]+$/.test(word)) return "";
  return lowerParts.get(word) ?? "";
}

/**
 * Whether [start, end) overlaps one of `matches` (sorted by start, not nested); queries must come in increasing
 * `start` order. One forward pointer keeps a whole pass linear.
 */
function coverageCheck(matches: readonly { start: number; end: number }[]): (start: number, end: number) => boolean {
  let p = 0;
  return (start, end) => {
    while (p < matches.length && matches[p]!.end <= start) p++;
    for (let q = p; q < matches.length && matches[q]!.start < end; q++) if (matches[q]!.end > start) return true;
    return false;
  };
}

/** Street and place names inside an address ("12 rue Victor Hugo", "Rua São Paulo 40") are not people. */
function dropInsideAddresses(text: string, options: DetectorContext["options"], matches: PiiMatch[]): PiiMatch[] {
  if (matches.length === 0) return matches;
  const addresses = streetAddressSpans(text, options);
  if (addresses.length === 0) return matches;
  const inAddress = coverageCheck(addresses);
  const addressStarts = new Set(addresses.map((a) => a.start));
  const addressEnds = new Set(addresses.map((a) => a.end));
  // A street name joined to an address is the corner it names ("Eloise and 226 Thomas Avenue").
  const cornerOf = (m: PiiMatch) => {
    const joiner = /^ (?:and|&) /.exec(text.slice(m.end, m.end + 6));
    return joiner !== null && addressStarts.has(m.end + joiner[0].length) && !m.value.includes(" ");
  };
  // Right after an address, on its line or the next, comes its town ("11 Paso Rivero 7301, Tomas Gomensoro").
  const townOf = (m: PiiMatch) => {
    const gap = /[\s,]{1,6}$/.exec(text.slice(Math.max(0, m.start - 6), m.start));
    return gap !== null && addressEnds.has(m.start - gap[0].length) && (gap[0].match(/\n/g)?.length ?? 0) <= 1;
  };
  return matches.filter((m) => (m.confidence ?? 1) >= 0.9 || !(inAddress(m.start, m.end) || cornerOf(m) || townOf(m)));
}
