/**
 * Open-vocabulary actions: a prohibited action against a commanded one on the same object, at lemma level.
 * "Never resolve a review thread yourself" against "reply to every comment and resolve the thread";
 * "Do not use PyTorch" against "Leverage PyTorch for deep learning models"; "Don't pin module versions" against
 * "pin the version". The modelled dimensions cover what a prompt says about the reply's form; this covers what
 * it says the model may do, which has no closed vocabulary. A rule is read only when the verb opens the clause
 * (after an optional subject, modal and negation), so descriptions and reported speech stay out, and the object
 * is cut at the first preposition, whose phrase narrows the rule ("don't use X for tests").
 */
import type { AddDirective } from "./quoted.js";
import { polarityAt } from "./grammar.js";
import { isImperativeVerb } from "./verbs.js";
import { stem } from "./text.js";

/** Phrases that change a thing named after a preposition ("apply the fixes directly in the code"). */
const CHANGE_PHRASES = ["apply fixes", "apply the fixes", "apply a fix", "apply changes", "apply the changes", "apply your changes", "apply edits", "apply the edits", "apply patches", "apply the patch", "apply a patch", "make changes", "make edits"];

/** What may stand between a change phrase and the place it is made: "for critical vulnerabilities directly in". Bounded. */
const PLACE_OF_CHANGE = /^\s*(?:(?:for|from|of)\s+[^,;.]{1,60}?\s+)?(?:(?:directly|straight|right)\s+)?(?:to|in|into|on|inside)\s+/i;

/** Objects of "update" that are installed things: "update the dependencies" upgrades, "update the README" edits. */
const INSTALLED = /\b(?:packages?|dependenc\w*|deps|versions?|librar\w*|modules?|sdks?|lock ?files?|lockfiles?|images?|drivers?|plugins?|extensions?|toolchains?|gems?|crates?|tools?)\b/i;

/** Verbs that name the same act, grouped under one key. Only acts prompts forbid and command often. */
const GROUPS: Record<string, string[]> = {
  use: ["use", "leverage", "utilize", "utilise", "employ", "implement", "adopt", "add", "introduce", "import", "rely on", "pull in", "bring in"],
  commit: ["commit"],
  push: ["push", "force-push"],
  // "Apply the fixes to X", "make changes in X": the place of the change is the thing changed.
  modify: ["modify", "change", "edit", "alter", "touch", "rewrite", "reformat", "refactor", ...CHANGE_PHRASES],
  delete: ["delete", "remove", "erase", "drop", "wipe", "purge"],
  run: ["run", "execute", "invoke", "launch", "trigger"],
  call: ["call", "hit", "query", "contact"],
  store: ["store", "save", "persist", "cache", "seed"],
  read: ["read", "reread", "re-read", "open", "inspect", "view"],
  resolve: ["resolve", "close", "dismiss"],
  end: ["end", "terminate", "stop", "finish", "close"],
  summarize: ["summarize", "summarise", "recap"],
  print: ["print", "echo", "log", "display", "expose"],
  create: ["create", "write", "generate", "produce", "build", "scaffold"],
  pin: ["pin", "lock"],
  mock: ["mock", "stub", "fake"],
  merge: ["merge", "squash"],
  install: ["install", "upgrade", "update"],
  suggest: ["suggest", "recommend", "propose", "point to", "link to", "refer to", "direct to"],
  approve: ["approve", "send", "sign", "purchase", "buy", "pay", "deploy", "publish", "release"],
  mutate: ["mutate", "initialize", "initialise", "init"],
  skip: ["skip", "bypass", "disable"],
  test: ["test", "verify", "validate", "check"],
  apologize: ["apologize", "apologise"],
  thank: ["thank"],
  guess: ["guess", "speculate", "assume", "invent", "fabricate", "make up"],
  translate: ["translate"],
  rename: ["rename"],
  move: ["move", "relocate"],
  export: ["export"],
};

function inflections(base: string): string[] {
  const [head, ...rest] = base.split(" ");
  const tail = rest.length > 0 ? ` ${rest.join(" ")}` : "";
  const h = head!;
  const out = [h, `${h}s`, `${h}ed`, `${h}d`, `${h}ing`];
  if (h.endsWith("e")) out.push(`${h.slice(0, -1)}ing`);
  if (h.endsWith("y")) out.push(`${h.slice(0, -1)}ies`, `${h.slice(0, -1)}ied`);
  if (/(?:s|sh|ch|x)$/.test(h)) out.push(`${h}es`);
  if (/^(?:stop|drop|wip|commit|hit|run|put|skip|pin|ship)$/.test(h) || /[^aeiou][aeiou][bdgmnprt]$/.test(h)) out.push(`${h}${h.slice(-1)}ing`, `${h}${h.slice(-1)}ed`);
  return out.map((w) => `${w}${tail}`);
}

const GROUP_OF = new Map<string, string>();
for (const [group, verbs] of Object.entries(GROUPS)) for (const v of verbs) for (const f of inflections(v)) if (!GROUP_OF.has(f)) GROUP_OF.set(f, group);

const BASE_VERBS = new Set(Object.values(GROUPS).flatMap((verbs) => verbs.map((v) => v.split(" ")[0]!)));

/** True for the base form of an act this module reads ("update", "edit", "run"): a clause it opens is a command. */
export function isActionVerb(word: string): boolean {
  return BASE_VERBS.has(word.toLowerCase());
}

const VERB_ALTERNATION = [...GROUP_OF.keys()].sort((a, b) => b.length - a.length).map((v) => v.replace(/[-]/g, "\\-")).join("|");

/** Whatever may stand before the verb of a rule: a subject, a modal, a negation, an adverb. */
const HEAD = String.raw`^[\s*_>#\-\u2022\d.)]*(?:(?:for|in|during|on|within|when|whenever|if|once|after|before|while)\s[^,;:]{1,60},\s*)?(?:(?:please|also|then|and|so|just|simply|first|finally|instead|additionally|go ahead and|feel free to)[,\s]+)*(?:(?:you|we|the (?:assistant|model|agent)|claude|chatgpt|gemini|copilot|cursor|codex|agents?)\s+)?(?:(?:must|should|shall|will|may|can|need to|needs to|have to|has to|are to|is to|ought to)\s+)?(?:(never(?:\s+ever)?|not|do not|don't|does not|doesn't|must not|mustn't|should not|shouldn't|shall not|may not|avoid|refrain from|stop)\s+)?(?:(?:always|ever|ever again|directly|automatically|immediately|proactively|explicitly|manually|also|just|only|yourself|actually|silently|straight away|right away)\s+)*`;
const RULE = new RegExp(`${HEAD}(${VERB_ALTERNATION})\\b((?:[^.;:!?]|[.:](?=\\w))*)`, "i");

/** "Avoid enums", "stay away from jQuery", "avoid async": no verb, the avoided thing is the object of "use". */
const AVOID_NOUN = new RegExp(
  String.raw`^[\s*_>#\-\u2022\d.)]*(?:(?:you|we)\s+)?(?:(?:must|should|shall)\s+)?(?:(?:always|strictly)\s+)?(avoid|steer clear of|stay away from)\s+()(?!(?:${VERB_ALTERNATION}|\w+ing|to|any(?:thing)?|all|overly|too|excessive|unnecessary|unneeded|long|lengthy|verbose|generic|vague|jargon|repetition|repeating)\b)((?:[^.;:!?]|[.:](?=\w))*)`,
  "i",
);

/**
 * A first pass: a clause holds an action rule only when one of these verbs opens it (after a subject, modal,
 * negation or a leading condition); anchored, so most clauses fail on their first words.
 */
export const ACTION_TRIGGER = { test: (text: string): boolean => RULE.test(text) || AVOID_NOUN.test(text) };

const STOP = new Set(
  "a an the this that these those it its them they their your you our my me us i we any all each every some another more most such same own one two new existing current which who whom what whose yourself itself themselves up out back down off over again ever just only also very really please first then there here".split(
    " ",
  ),
);

/** Objects too general to say two rules are about the same thing. */
const GENERIC = new Set(
  "thing things stuff anything everything something nothing way ways time times step steps part parts kind type types case cases place example examples user users person people answer answers response responses reply replies output message messages content text work task tasks change changes information detail details result results".split(
    " ",
  ),
);

const GENERIC_STEMS = new Set([...GENERIC].map(stem));
const ADVERB = /^(?:right|away|straight|now|immediately|directly|yourself|first|again|automatically|politely|quickly|always|manually|silently|proactively|instead|anyway|too|as well)$/;

const REASON = /\s(?:so|so that|because|since|as it|as they|which|to make sure|to ensure|to keep|to avoid|to get|to match)\s|\s?[—–]\s?|;/i;

const RESTRICTED = /\bonly\b|\bexclusively\b|\bsolely\b/i;
const QUANTITY = /\b(?:more than|fewer than|less than|too (?:many|much|often)|sparingly|excessive(?:ly)?|at most|at least|max(?:imum)?|min(?:imum)?|once|twice|same|unless|except|\d+)\b/i;
const REFERENT = /\b(?:here|there|above|below|this|these|those|them|it|such)\b/i;

/** Where the object ends: a preposition, a conjunction, a reason or a condition starts a phrase that narrows or explains. */
const OBJECT_END =
  /\s(?:for|in|on|at|with|within|inside|to|into|from|by|via|through|as|like|when|whenever|if|unless|except|until|before|after|once|while|because|since|so|but|and|or|than|instead|rather|unless|even|without|that|which|who|where|since|under|of|you|we|they|i|he|she|it|is|are|was|were|—|–|-)(?=[\s:,]|$)|[,()"“”:]/i;

/** What a verb that is the head of a narrowing phrase narrows it to ("for tests", "in artifacts"). */
function qualifierOf(tail: string): string | undefined {
  // "Do not rewrite sections that haven't changed": a relative clause narrows the object to some of its kind.
  if (/^\s*(?:that|which|who|whose)\b/i.test(tail)) return "(relative)";
  // "Never edit the changelog by hand": a manner narrows the act, a tool may still do it.
  if (/^\s*(?:by hand|manually)\b/i.test(tail)) return "(manner)";
  // "never use X for:" with the uses listed after the colon.
  if (/^\s*(?:for|in|on|within|inside|to|with|when|during)\s*:?\s*$/i.test(tail)) return "(listed)";
  const m = /^\s*(?:for|in|on|within|inside|to|with|when|whenever|if|unless|except|outside|during)[\s:]+((?:[\w'-]+\s*){1,4})/i.exec(tail);
  if (!m) return undefined;
  const words = m[1]!
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w))
    .map(stem);
  return words.length > 0 ? words.join(" ") : undefined;
}

export interface ActionGrammar {
  command: boolean;
  permissive: boolean;
  scope: string;
  focus?: string;
  negativeLead: boolean;
}

/**
 * Reads one action rule from a clause whose leading condition is blanked. `text` keeps single-word code spans
 * (`pnpm`, `localStorage`) so they can be the object.
 */
export function extractAction(text: string, grammar: ActionGrammar, add: AddDirective): void {
  const m = RULE.exec(text) ?? AVOID_NOUN.exec(text);
  if (!m) return;
  const negation = m[1];
  // "Avoid enums", "steer clear of jQuery": a thing avoided is a thing not to use.
  const verb = m[2] === "" ? "use" : m[2]!.toLowerCase();
  const group = GROUP_OF.get(verb);
  if (!group) return;
  // The base form is a command; "avoid using" a prohibition; "Claude never uses" a system prompt's rule about
  // its assistant. Any other inflection ("changed", "adding") describes.
  if (!GROUPS[group]!.includes(verb)) {
    const gerund = verb.endsWith("ing") && Boolean(negation) && /^(?:avoid|refrain from|stop)$/i.test(negation!);
    const third = /s$/.test(verb) && /^[\s*_>#\-•\d.)]*(?:claude|chatgpt|gemini|copilot|cursor|codex|the (?:assistant|model|agent))\s/i.test(m[0]);
    if (!gerund && !third) return;
  }
  const verbAt = m.index + m[0].length - m[3]!.length - m[2]!.length;
  // "ALWAYS check package.json" under a list of mistakes still commands: its own "always" wins over the lead-in.
  const ownAlways = !negation && /\balways\b/i.test(m[0]);
  const { polarity } = polarityAt(text, verbAt, grammar.negativeLead && !ownAlways);
  // A prohibition is read only from its own negation before the verb ("never", "do not", "avoid"); a negation
  // carried by a heading or inside the object ("change no code", "touch zero files") is too easy to misread.
  if (polarity === -1 && !negation && !grammar.negativeLead) return;
  if (polarity === 1 && negation) return;
  // A base-form verb that opens the clause is an imperative, whatever the lexicon of commands knows.
  const imperative = GROUPS[group]!.includes(verb) && !m[0].trimStart().toLowerCase().startsWith("you ");
  if (polarity === 1 && !grammar.command && !imperative) return;
  // "Don't just use X", "never use X alone": a narrower prohibition than the words say.
  if (/^\s*(?:just|only|alone|too|more|less|excessive|overly|unnecessar)/i.test(m[3]!)) return;
  // "Never execute, approve, sign, or deploy anything": the object follows the last of the coordinated verbs.
  let rest = m[3]!;
  for (let v = COORDINATED_VERB.exec(rest); v && GROUP_OF.has(v[1]!.toLowerCase()); v = COORDINATED_VERB.exec(rest)) rest = rest.slice(v[0].length);
  if (/\s/.test(verb) && group === "modify") {
    // "Apply the fixes directly in the code": the thing changed follows the preposition; with none, nothing is named.
    const place = PLACE_OF_CHANGE.exec(rest);
    if (!place) return;
    rest = ` ${rest.slice(place[0].length)}`;
  }
  // "Introduce Strategy Pattern: …", "USE FOR: …": a label over what follows, not a rule.
  if (text.charAt(m.index + m[0].length) === ":") return;
  // "Use Bash only for read-only operations", "avoid using the same emoji more than twice", "do not store
  // sensitive data here": a restriction, a quantity or a referent, not a plain act on a thing.
  // A reason after the rule ("so it survives a reload", "since it copes better") says why, not what.
  const stated = ownClause(rest.split(REASON)[0]!);
  if (RESTRICTED.test(m[0]) || RESTRICTED.test(stated) || QUANTITY.test(stated) || REFERENT.test(stated)) return;
  const cut = OBJECT_END.exec(` ${rest}`);
  const object = (cut ? ` ${rest}`.slice(0, cut.index) : ` ${rest}`).trim();
  // The narrowing phrase may run past the clause's punctuation ("never use X for: chit-chat, code, …").
  const tail = cut ? ` ${text.slice(m.index + m[0].length - rest.length)}`.slice(cut.index) : "";
  const words = (object.match(/[A-Za-z][\w.'-]*[\w]|[A-Za-z]/g) ?? []).map((w) => w.toLowerCase()).filter((w) => !STOP.has(w) && !ADVERB.test(w) && w.length > 1);
  // "Update the README" edits it; "update the dependencies" installs.
  const act = group === "install" && /^updat/.test(verb) && !INSTALLED.test(object) ? "modify" : group;
  const emit = (value: string, pol: 1 | -1, topic: string[], qualifier?: string) =>
    add(
      {
        dimension: "action",
        value,
        polarity: pol,
        exclusive: false,
        permissive: grammar.permissive,
        topic,
        scope: grammar.scope,
        ...(grammar.focus ? { focus: grammar.focus } : {}),
        ...(qualifier ? { qualifier } : {}),
        command: true,
      },
      verbAt,
    );
  const tailText = cut ? ` ${rest}`.slice(cut.index).trim() : "";
  const bare = tailText === "" || REASON.test(` ${tailText.slice(0, 12)}`) || /^(?:[,;]|and (?:then )?[a-z]+\b)/i.test(tailText);
  // "Never execute or deploy anything", "don't touch any files": every object of the act.
  if (polarity === -1 && bare && STAR_ACTS.has(group) && /^(?:anything|any (?:code|files?|commands?|actions?|changes?))$/i.test(object)) {
    emit(group, -1, ["*"]);
    return;
  }
  // "Skip validation", "never skip the tests": a step named by its noun.
  if (group === "skip" && bare) {
    const step = STEP_NOUNS.exec(object);
    if (step) {
      emit(STEP_NOUN_ACT, polarity === 1 ? -1 : 1, ["*"]);
      return;
    }
  }
  if (words.length === 0 || words.length > 5) return;
  // "any other files", "anything else": the rule names its own exception.
  if (words.some((w) => /^(?:other|else|additional|extra|unrelated|unnecessary|unneeded|further|no|zero|none|nothing)$/.test(w))) return;
  if (words.every((w) => GENERIC.has(w))) return;
  // Names (PyTorch, localStorage, `pnpm`, Flask-WTF) are what make two rules about the same thing; they are kept
  // with a mark so that two rules meet on a name or on two shared words, never on one common noun.
  // "async/await", "try/catch": a pair of keywords joined by a slash is a term of the trade, as good as a name.
  const slashed = new Set((object.match(/[A-Za-z][\w-]*(?:\/[A-Za-z][\w-]*)+/g) ?? []).filter((w) => !/^(?:and\/or|he\/she|his\/her|s\/he)$/i.test(w)).flatMap((w) => w.split("/")));
  const named = (object.match(/[A-Za-z][\w.'-]*[\w]|[A-Za-z]/g) ?? []).filter((w, i) => /[A-Z].*[A-Z]|[a-z][A-Z]|[._-]\w|\d/.test(w) || (i > 0 && /^[A-Z]/.test(w)) || slashed.has(w));
  const key = (w: string) => (/^[a-z]+$/.test(w) ? stem(w) : w);
  // "Strategy Pattern" in a Title Case label is no name; "PyTorch", "Windows App SDK equivalent" are.
  const titleCase = !/(?:^|\s)[a-z]/.test(object);
  const names = named.filter((w) => !titleCase || /[A-Z].*[A-Z]|[a-z][A-Z]|[._-]\w|\d/.test(w));
  const topic = [...new Set([...words.map(key), ...names.map((w) => `!${key(w.toLowerCase())}`), ...instrumentsOf(stated.slice(Math.max(0, stated.indexOf(object)) + object.length))])];
  if (polarity === -1 && PURPOSE.test(rest.slice(Math.max(0, rest.indexOf(object)) + object.length))) topic.push("#purpose");
  emit(act, polarity, topic, qualifierOf(tail));
}

/** "and add details to it", ", then run the tests": a second act joined to the first, with its own object. */
const NEXT_ACT = /(?:,\s*|\s)(?:and|then|and then)\s+([a-z]+)\b/gi;

/** The words of the rule's own act, up to a second act coordinated with it, whose object or quantity is its own. */
function ownClause(rest: string): string {
  for (const m of rest.matchAll(NEXT_ACT)) if (GROUP_OF.has(m[1]!.toLowerCase()) || isImperativeVerb(m[1]!)) return rest.slice(0, m.index);
  return rest;
}

/** A name in a clause: a code span kept as a word, camelCase, dotted, hyphenated or numbered, or Capitalised. */
const NAME = /(?<![\w.'-])(?:[A-Za-z][\w]*(?:[.-][A-Za-z\d]\w*)+|[a-z]+[A-Z]\w*|[A-Z][a-z\d]*[A-Z]\w*|[A-Z][a-z]{2,}\w*)(?![\w'-])/g;

/**
 * The names a command uses as its means or place ("save state to localStorage", "model them as TypeScript enums"),
 * marked "@", so a prohibition of the name ("never use localStorage") meets a command that uses it by another verb.
 */
function instrumentsOf(tail: string): string[] {
  const out: string[] = [];
  // "Use Maven (`pom.xml`) or Gradle": a parenthetical names an example, not what is used.
  tail = tail.replace(/\([^()]*\)/g, " ");
  // "use X properties, not Y", "CollectionView > ListView", "registered with Y": a name set against another, or
  // said of something else, is not used by the command.
  // "for scikit-learn, PyTorch, and chemistry libraries": a list of topics.
  if (/,[^,]*,/.test(tail)) return out;
  if (/[>]|\b(?:over|instead of|rather than|vs\.?|versus|registered|defined|created|generated|provided|exported)\b/i.test(tail)) return out;
  for (const m of tail.matchAll(NAME)) {
    const w = m[0];
    if (/^(?:The|This|That|These|Those|It|If|When|Then|And|Or|But|For|In|On|With|Use|Never|Always|Do|Don't|Only|You|Your|We|Our|I|Claude|Please|Note|Also)$/.test(w)) continue;
    const before = tail.slice(0, m.index);
    if (/\b(?:not|no|never|without|avoid)\s+(?:\S+\s+){0,2}$/i.test(before)) continue;
    // Only the means or the place of the act: "to localStorage", "with Selenium", "as TypeScript enums".
    if (!/\b(?:to|into|in|with|via|using|through|as|on)\s+(?:(?:the|a|an|plain|raw|its|their|your)\s+)?$/i.test(before)) continue;
    out.push(`@${w.toLowerCase()}`);
  }
  return out;
}

/** "Do not use X to register private functions": a prohibition for one purpose, not of the thing. */
const PURPOSE = /(?:^|[\s,])(?:to|for|in order to|when|while|if|unless|except)\s+[a-z]/i;

/**
 * A prohibition of using a named thing ("never use localStorage", "avoid enums") against a command that uses it
 * by another verb ("save state to localStorage", "model the statuses as TypeScript enums").
 */
export function instrumentClash(negative: readonly string[], positive: readonly string[]): boolean {
  if (negative.includes("#purpose")) return false;
  const plain = negative.filter((w) => !/^[!@#]/.test(w));
  if (plain.length === 0 || plain.length > 2) return false;
  const named = plain.some((w) => negative.includes(`!${w}`));
  if (!named) return false;
  const used = new Set(positive.filter((w) => w.startsWith("@")).map((w) => w.slice(1)));
  const usedStems = new Set([...used].map((w) => stem(w)));
  return plain.every((w) => used.has(w) || usedStems.has(w)) && !plain.every((w) => GENERIC_STEMS.has(w));
}

const COORDINATED_VERB = /^\s*(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)([a-z]+)(?=[\s,])/i;

/** Acts whose prohibition of "anything" covers every object of another rule ("never deploy anything"). */
export const STAR_ACTS = new Set(["run", "approve", "commit", "push", "mutate", "merge", "install"]);

/** Steps of a workflow named by their noun: skipping them is not doing the act "test". */
const STEP_NOUNS = /^(?:the\s+)?(?:validation|verification|validating|verifying|checks|checking|testing|tests|linting|lint|type[- ]?check(?:ing|s)?)(?:\s+steps?)?$/i;
const STEP_NOUN_ACT = "test";

const NARROW_ACTS = new Set(["modify", "delete", "commit", "push", "resolve", "end", "summarize", "pin", "mock", "merge", "approve", "mutate", "apologize", "thank", "translate", "rename", "guess"]);

/**
 * Two action rules are about the same thing when every word of the shorter object is in the longer one
 * ("module versions" and "version"; not "Options API" and "Composition API").
 */
export function actionObjectsMeet(a: readonly string[], b: readonly string[], act: string): boolean {
  // A narrow act ("end the session", "pin versions") says enough with one shared noun; "use" or "write" does not.
  const narrowAct = NARROW_ACTS.has(act);
  const plain = (x: readonly string[]) => x.filter((w) => !/^[!@#*]/.test(w));
  const [pa, pb] = [plain(a), plain(b)];
  if (pa.length === 0 || pb.length === 0) return false;
  const [small, large] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  if (!small.every((w) => large.includes(w))) return false;
  const shared = small.filter((w) => !GENERIC_STEMS.has(w));
  return shared.length >= 2 || shared.some((w) => a.includes(`!${w}`) || b.includes(`!${w}`)) || (shared.length === 1 && narrowAct);
}
