/**
 * The verb that governs a mention decides whether a rule is about the value at all: "never invent URLs" is
 * about inventing, not about including links, and does not clash with "include a link to the docs".
 */
import type { Dimension } from "./vocabulary.js";

function forms(base: string): string[] {
  const out = [base, `${base}s`, `${base}ed`, `${base}ing`, `${base}d`];
  if (base.endsWith("e")) out.push(`${base.slice(0, -1)}ing`);
  if (base.endsWith("y")) out.push(`${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`);
  if (/[^aeiou][aeiou][bdgmnprt]$/.test(base)) out.push(`${base}${base.slice(-1)}ing`, `${base}${base.slice(-1)}ed`);
  if (/(?:s|sh|ch|x)$/.test(base)) out.push(`${base}es`);
  return out;
}

const PRODUCE = "place position propose recommend brainstorm pitch draft come use respond reply answer write output return format produce emit give provide present structure wrap put send generate be keep stick deliver compose include contain add insert start begin end finish close lead prefix append sprinkle pepper offer suggest show share list cite link reference attach mention quote reveal disclose discuss tell ask pose request seek explain describe summarize summarise organize organise break lay enumerate number render display type spell speak talk communicate converse adopt maintain sound stay make aim strive prefer limit cap restrict go walk elaborate expand detail cover trim cut shorten need want".split(" ");

const NEGATING = "avoid skip omit exclude refrain stop drop remove eliminate strip forbid prohibit ban disallow leave forget fail neglect hesitate".split(" ");

const OTHER = "pad fill invent fabricate guess hallucinate click follow visit fetch modify change edit delete surround escape pass embed parse read trust assume translate convert validate check verify test store save log copy paste indent nest mix interpret treat handle process receive get see look load call run execute import export install query search create update commit push pull install deploy build compile debug fix refactor rename move review scan analyze analyse inspect open access download upload sort filter group order merge split replace match compare count measure track record monitor detect identify recognize extract collect gather scrape crawl index cache hash encrypt decrypt encode decode serialize serialise store persist mark tag label annotate highlight underline bold italicize style color colour indent align center justify wrap resolve infer derive compute calculate estimate predict evaluate judge rate rank score grade approve reject accept decline confirm deny claim pretend imply suggest expose leak overuse abuse misuse rely depend support allow accept display enable disable configure set reset override ignore decide choose pick select combine concatenate interleave duplicate repeat reuse imitate mimic copy".split(" ");

/** More base verbs that open commands in prompts ("Back each claim with a source", "Mirror the user's tone"). */
const COMMANDING = "apply back support ground justify thank apologize apologise clarify confirm double-check remind warn note flag point wait proceed continue assume pretend play behave refer defer escalate route redirect decline refuse treat handle consider think reason plan respect honor honour follow obey comply adhere prioritize prioritise emphasize emphasise highlight capitalize capitalise lowercase uppercase name suffix enclose surround separate divide finish conclude greet welcome address tailor adapt adjust vary alternate restate reiterate echo paraphrase illustrate demonstrate print annotate document comment credit attribute install commit push deploy delete remove create lint indent keep stay remain do let refuse mirror match favor favour opt report split specify express measure round convert wrap enclose bracket italicize italicise bolden highlight title sign reserve spend save lowercase uppercase separate conclude praise repeat reproduce".split(" ");

const PRODUCE_SET = new Set(PRODUCE.flatMap(forms));
const NEGATING_SET = new Set(NEGATING.flatMap(forms));
const OTHER_SET = new Set(OTHER.flatMap(forms).filter((w) => !PRODUCE_SET.has(w)));

/** Dimensions whose value is an adjective or a language: any verb can carry them ("stay formal", "explain thoroughly"). */
const LOOSE: ReadonlySet<Dimension> = new Set(["tone", "humour", "language", "verbosity", "persona", "disclosure", "tools", "length", "count"]);

/**
 * True when the nearest verb before the mention (within the clause) is one that produces or forbids the value,
 * or there is no verb at all (a fragment such as "No emoji.").
 */
export function governedByProducer(dimension: Dimension, before: string): boolean {
  if (LOOSE.has(dimension)) return true;
  const words = before.toLowerCase().match(/[a-z]+/g) ?? [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    // "back each claim with a link": after a determiner the word is a noun, whatever else it can be.
    if (i > 0 && DETERMINERS.has(words[i - 1]!)) continue;
    if (NEGATING_SET.has(w) || PRODUCE_SET.has(w)) return true;
    if (OTHER_SET.has(w)) return false;
  }
  return true;
}

const DETERMINERS = new Set(["a", "an", "the", "each", "every", "any", "all", "your", "their", "its", "this", "that", "these", "those", "some", "no", "our", "my"]);

const KNOWN = new Set([...PRODUCE_SET, ...NEGATING_SET, ...OTHER_SET]);

/** True for an inflected form of a verb the lexicon knows. */
export function isKnownVerb(word: string): boolean {
  return KNOWN.has(word.toLowerCase());
}

const IMPERATIVE_BASE = new Set([...PRODUCE, ...NEGATING, ...COMMANDING]);

/** True for the base form of a verb that opens a command ("Propose three names.", "Back each claim with a source."). */
export function isImperativeVerb(word: string): boolean {
  return IMPERATIVE_BASE.has(word.toLowerCase());
}
