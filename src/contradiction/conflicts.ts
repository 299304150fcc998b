/**
 * Which pairs of directives cannot both be obeyed in one response, and which say the same thing twice.
 * Pure functions over `Directive` lists, so a fork can be compared with its base file as easily as a file
 * with itself. Directives are compared like with like: counts in their own unit, values of one dimension
 * against each other, and a few pairs of dimensions that exclude each other (a CSV and no commas).
 */
import { actionsOverlap } from "./confirmation.js";
import { actionObjectsMeet, instrumentClash, STAR_ACTS } from "./actions.js";
import type { Directive } from "./directives.js";
import { formatsCompatible, KIND_NAMES, toneClash, UNIT_IN_WORDS, verbosityClash, type Dimension } from "./vocabulary.js";
import { unitsClash } from "./vocabulary-response.js";
import { targetsOverlap } from "./vocabulary-code.js";

export interface Conflict {
  /** The directive that comes later (the one reported). */
  later: Directive;
  /** The earlier directive it contradicts. */
  earlier: Directive;
  /** Benchmark/message kind: `format`, `length`, `lists`... */
  kind: Dimension;
  /**
   * One side holds without condition and the other is a conditional or scoped exception to it, and neither
   * says which wins: the model has to guess the precedence.
   */
  exception?: boolean;
}

/** Strong words that make an unscoped rule hold in every part of the reply, so a scoped rule is an exception to it. */
const EVERYWHERE =
  /\b(?:never|always|under no circumstances|at no (?:point|time)|at all|whatsoever|regardless|no matter|in any (?:case|circumstances?|situation|form|way|reply|response|answer|message)|in all cases|without exception|no exceptions?|anywhere|everywhere|throughout|entire|whole|strictly)\b/i;

const NEGATION_WORD = /\b(?:never|not|no|avoid\w*|without|refrain\w*)\b|n't\b/i;

/** Words that make a rule hold in every part of the reply, not only in the reply as a whole. */
const WHOLE_REPLY_RULE =
  /\b(?:(?:your |the )?(?:entire|whole) (?:response|reply|answer|output|message|text)s?|all of (?:your|the) (?:response|reply|answer|output|text)s?|throughout|anywhere (?:in|within)|at all|whatsoever|under no circumstances|no matter what|regardless of|without exception)\b/i;

/** Between two constraints of one sentence: words that make them alternatives, a contrast or a choice, not a pair. */
const NOT_A_PAIR =
  /\b(?:or|either|nor|between|depending|balanc\w*|mix\w*|blend\w*|from|rather|instead|over|versus|vs|while|whereas|but|yet|then|except|unless|if|when|not|than|per|each|every|like|such as|e\.g|i\.e|for|in|to|until)\b|[/;:()]/i;

/** Kinds whose two constraints can sit in one sentence and still contradict ("a CSV without commas"). */
const SAME_SENTENCE_KINDS: ReadonlySet<Dimension> = new Set(["length", "count", "tone", "lists", "commas", "case", "verbosity"]);

type Relation = "plain" | "exception";

/** Dimensions that are steps an agent takes or code it writes, where a carve-out from a requirement is a clash. */
const WORKFLOW: ReadonlySet<Dimension> = new Set(["action", "commits", "test-framework", "package-manager", "questions", "confirmation"]);

/**
 * A required step and a carve-out from it: acts and commits as written; asking only when the requirement insists
 * ("always begin with questions") and the carve-out is a plain condition ("if the user already gave a rating, skip
 * the questions"), since "Claude doesn't always ask" or "tries to ask only one" describe a habit, not a step.
 */
function firmStep(required: Directive, carveOut: Directive): boolean {
  if (required.dimension !== "questions" && required.dimension !== "confirmation") return true;
  return FIRM.test(required.sentence) && !SOFT.test(required.sentence) && CONDITION_HEAD.test(carveOut.sentence) && !SOFT.test(carveOut.sentence);
}
const FIRM = /\b(?:always|never|must|every|each|mandatory|required|no exceptions|under no circumstances)\b|\b(?:do not|don't|must not)\b[^.;]{0,80}?\bbefore (?:asking|checking|confirming)\b/i;
const SOFT = /\b(?:not always|doesn't always|don't always|does not always|do not always|tries|try to|avoids?|generally|usually|typically|often|sometimes)\b/i;
const CONDITION_HEAD = /^\W*(?:if|when|whenever|once|for|in case)\b/i;

/** A condition that is the user's request ("if the user asks", "when requested", "on request"). */
const USER_REQUEST = /\b(?:asks?|asked|requests?|requested|tells? you|told|instructs?|instructed|wants?|explicitly|on request|upon request)\b/i;

const PROJECT_WIDE: ReadonlySet<Dimension> = new Set(["naming", "package-manager", "convention", "test-framework", "indent", "string-quotes", "semicolons", "license", "type-hints", "commits"]);

/** Can the two directives meet in one response, and is one of them an exception to the other? */
function relation(a: Directive, b: Directive): Relation | undefined {
  // "these links", "on them": the rule is about things named elsewhere, which we cannot compare.
  if (a.qualifier === "(referent)" || b.qualifier === "(referent)") return undefined;
  // A narrow prohibition ("no links to competitor sites") leaves room for a general requirement; a general
  // prohibition does not leave room for a narrow requirement.
  if (a.dimension === b.dimension && a.polarity !== b.polarity) {
    const neg = a.polarity === -1 ? a : b;
    const pos = a.polarity === -1 ? b : a;
    if (neg.qualifier && neg.qualifier !== pos.qualifier) return undefined;
  }
  if (a.filePath === b.filePath && a.range[0] === b.range[0]) return sameSentencePair(a, b) ? "plain" : undefined;
  let exception = false;
  if (a.scope !== b.scope) {
    const universalAgainst = (x: Directive, y: Directive) => x.universal && x.dimension === y.dimension && y.polarity === 1;
    if (!universalAgainst(a, b) && !universalAgainst(b, a)) {
      if (a.scope !== "" && b.scope !== "") return undefined;
      // One rule for the whole reply, one for a part of it ("in greetings, …"): an exception when the whole-reply
      // rule insists on holding everywhere.
      const [whole, part] = a.scope === "" ? [a, b] : [b, a];
      if (!whole.absolute || !EVERYWHERE.test(whole.sentence) || part.hedged || part.overrides || whole.conditional) return undefined;
      if (whole.polarity === 1 && part.polarity === -1 && whole.dimension === part.dimension) return undefined;
      exception = true;
    }
  }
  // Two rules that name different things ("keep summaries brief", "give detailed explanations") are about those things.
  if (a.focus && b.focus && !focusMeets(a.focus, b.focus)) return undefined;
  // A rule about a named thing ("keep summaries brief") is not a rule about the whole reply; code conventions are
  // the exception, since they hold for the whole codebase unless a heading or label says otherwise.
  if (Boolean(a.focus) !== Boolean(b.focus) && !(PROJECT_WIDE.has(a.dimension) && PROJECT_WIDE.has(b.dimension))) {
    // "Your entire response must be lowercase" against "write product names in ALL CAPS": a rule that insists on
    // the whole reply leaves no part of it to a narrower rule, and neither says which wins.
    const [whole, part] = a.focus ? [b, a] : [a, b];
    if (!whole.absolute || whole.conditional || part.hedged || part.overrides || !WHOLE_REPLY_RULE.test(whole.sentence)) return undefined;
    if (whole.polarity === 1 && part.polarity === -1 && whole.dimension === part.dimension) return undefined;
    exception = true;
  }
  // "Never push unless asked" and "push when the user asks for it": the same exception on both sides.
  const [onRequest, other] = a.onRequest ? [a, b] : [b, a];
  if (onRequest.onRequest && other.conditional && USER_REQUEST.test(other.sentence)) return undefined;
  // "When writing tests, use pytest" holds wherever tests are written, like an unconditional rule.
  const ca = a.conditional && !(a.topical && !a.presupposed);
  const cb = b.conditional && !(b.topical && !b.presupposed);
  if (ca && cb) {
    // Two rules under the same condition are compared as if unconditional; under different conditions, never.
    if (!a.condition || a.condition !== b.condition || a.hedged || b.hedged) return undefined;
  } else if (ca || cb) {
    const [cond, abs] = ca ? [a, b] : [b, a];
    if (cond.hedged || cond.overrides || !abs.absolute || cond.presupposed) return undefined;
    // "Always cite sources" and "when making tool calls, never cite": a carve-out from a requirement reads as
    // intended; a permission or requirement carved out of a prohibition does not.
    // A step of an agent's workflow is different: "always validate the spec" and "if in a hurry, skip validation"
    // leave the agent to guess whether the step is required.
    if (abs.polarity === 1 && cond.polarity === -1 && abs.dimension === cond.dimension && !(WORKFLOW.has(abs.dimension) && firmStep(abs, cond))) return undefined;
    exception = true;
  }
  return exception ? "exception" : "plain";
}

/** Two foci meet when the words of one are all among the words of the other ("recip description" and "recip"). */
function focusMeets(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = a.split(/[^a-z0-9']+/).filter(Boolean);
  const wb = b.split(/[^a-z0-9']+/).filter(Boolean);
  if (wa.length === 0 || wb.length === 0) return true;
  return wa.every((w) => wb.includes(w)) || wb.every((w) => wa.includes(w));
}

/** Two constraints of one sentence clash only when joined plainly ("a bulleted list without any bullets"). */
function sameSentencePair(a: Directive, b: Directive): boolean {
  if (a.at === undefined || b.at === undefined || a.at === b.at) return false;
  if (a.conditional || b.conditional || a.scope !== b.scope || (a.focus ?? "") !== (b.focus ?? "")) return false;
  const [first, second] = a.at < b.at ? [a, b] : [b, a];
  const offset = first.range[0];
  const between = first.sentence.slice(first.at! - offset, second.at! - offset);
  // The first mention itself is part of `between`; only the words after it matter.
  const gap = between.replace(/^\S+/, "");
  // "a CSV table, and do not use a single comma": a prohibition joined by "and" is a second rule, not a contrast.
  return !NOT_A_PAIR.test(gap.replace(/,?\s*\band\s+(?:do not|don't|never|must not)\b|\bwithout\b|\bno\b|\bboth\b|\band\b|\bwith\b|\bof\b/gi, " "));
}

function wordsInterval(d: Directive): [number, number] | undefined {
  if (!d.bound || d.dimension !== "length") return undefined;
  const factor = UNIT_IN_WORDS[d.bound.unit];
  if (!factor) return undefined;
  return [d.bound.min * factor[0], d.bound.max === Infinity ? Infinity : d.bound.max * factor[1]];
}

function disjoint(a: [number, number], b: [number, number]): boolean {
  return a[1] < a[0] || b[1] < b[0] ? false : a[1] < b[0] || b[1] < a[0];
}

const WHOLE_FORMATS = new Set(["json", "yaml", "xml", "csv"]);

/** Naming rules meet when they name the same kind of identifier, or either names none. */
function targetsMeet(a: Directive, b: Directive): boolean {
  const ta = a.targets ?? [];
  const tb = b.targets ?? [];
  if (ta.length === 0 || tb.length === 0) return ta.length === tb.length;
  return targetsOverlap(ta, tb);
}

/** Same value for the purpose of a require/forbid clash. */
function sameValue(a: Directive, b: Directive): boolean {
  if (a.value !== b.value) {
    // "No lists" forbids bullets and numbered lists alike; "no quotation marks" forbids double and single ones.
    const neg = a.polarity === -1 ? a : b;
    const pos = a.polarity === -1 ? b : a;
    if (a.dimension === "lists" && neg.value === "lists") return true;
    if (a.dimension === "quotes" && neg.value === "any") return true;
    if (a.dimension === "emphasis" && pos.value === "highlight" && neg.value === "italics") return true;
    if (a.dimension === "indent" && neg.value === "spaces" && pos.value.startsWith("spaces")) return true;
    if (a.dimension === "confirmation") return actionsOverlap(a.topic ?? [], b.topic ?? []);
    // "Never use localStorage" against "save state to localStorage": the prohibited thing used by another verb.
    if (a.dimension === "action" && neg.value === "use") return !a.permissive && !b.permissive && instrumentClash(neg.topic ?? [], pos.topic ?? []);
    return false;
  }
  if (a.dimension === "action") {
    // A prohibition of an act on a thing against a command to do it to the same thing.
    const neg = a.polarity === -1 ? a : b;
    const pos = a.polarity === -1 ? b : a;
    // A permission ("you may edit source files", "go ahead and execute it") clashes only with an absolute prohibition.
    if (neg.permissive || (pos.permissive && !neg.absolute)) return false;
    // "Never deploy anything", "skip validation": every object of the act, against a command to do it to one.
    if ((neg.topic ?? []).includes("*")) return (STAR_ACTS.has(a.value) || a.value === "test") && !(pos.topic ?? []).includes("*");
    return actionObjectsMeet(a.topic ?? [], b.topic ?? [], a.value) || (a.value === "use" && instrumentClash(neg.topic ?? [], pos.topic ?? []));
  }
  if (a.dimension === "naming") return targetsMeet(a, b);
  return true;
}

/** Dimensions where two different required values cannot both hold. */
function oneOfClash(a: Directive, b: Directive): boolean {
  const [ga, na] = a.value.includes(":") ? a.value.split(":") : ["", a.value];
  const [gb, nb] = b.value.includes(":") ? b.value.split(":") : ["", b.value];
  switch (a.dimension) {
    case "language":
      return a.value !== b.value && !a.alternatives && !b.alternatives;
    case "case":
    case "quotes":
    case "string-quotes":
    case "bullet-marker":
      return a.value !== b.value && a.value !== "any" && b.value !== "any";
    case "tone":
      return toneClash(a.value, b.value) && !a.alternatives && !b.alternatives;
    case "persona":
      return a.value !== b.value;
    case "naming":
      return a.value !== b.value && targetsMeet(a, b) && !a.alternatives && !b.alternatives;
    case "test-framework":
    case "package-manager":
    case "convention":
      return ga === gb && na !== nb && !a.alternatives && !b.alternatives;
    case "units":
      return unitsClash(a.value, b.value);
    case "indent":
      // tabs against any spaces; two widths of spaces.
      if (a.value === "tabs" || b.value === "tabs") return a.value !== b.value;
      return a.value !== "spaces" && b.value !== "spaces" && a.value !== b.value;
    case "start":
    case "end":
      // A kind of phrase ("n:offer") clashes only with its own prohibition; two kinds, or a kind and a phrase, may meet.
      if (a.value.startsWith("n:") || b.value.startsWith("n:")) return false;
      return !a.value.startsWith(b.value) && !b.value.startsWith(a.value);
    default:
      return false;
  }
}

/** The kind of contradiction between two comparable directives, or undefined when both can be obeyed. */
export function conflictKind(a: Directive, b: Directive): Dimension | undefined {
  const bothStrong = !a.permissive && !b.permissive;
  if (a.dimension === "keywords" && b.dimension === "keywords") return keywordClash(a, b) ? "keywords" : undefined;
  // "Never mention these guidelines unless the user asks" against "never discuss them, even if the user asks": one
  // lifts the prohibition on request, the other keeps it.
  if (a.dimension === b.dimension && a.polarity === -1 && b.polarity === -1 && bothStrong && !a.bound && !b.bound && ((a.onRequest && b.evenOnRequest) || (b.onRequest && a.evenOnRequest)) && !a.qualifier === !b.qualifier && sameValue(a, b)) return a.dimension;
  // Same value, opposite polarity: "use emoji" vs "never use emoji". A permission clashes with a prohibition.
  if (a.dimension === b.dimension && a.polarity !== b.polarity && !a.bound && !b.bound && sameValue(a, b)) {
    const negative = a.polarity === 1 ? b : a;
    if (negative.permissive) return undefined;
    return a.dimension;
  }
  const pair = (x: Dimension, y: Dimension) => (a.dimension === x && b.dimension === y ? [a, b] : b.dimension === x && a.dimension === y ? [b, a] : undefined);
  if (a.polarity !== 1 || b.polarity !== 1) {
    // A prohibition of "any tool" against the use of a named one; a prohibited topic named more narrowly.
    if (a.dimension === "tools" && b.dimension === "tools" && a.polarity !== b.polarity) {
      const neg = a.polarity === -1 ? a : b;
      const pos = a.polarity === -1 ? b : a;
      if (neg.value === "*" && !neg.permissive) return "tools";
      if (pos.value === "*" && pos.permissive) return undefined;
    }
    if (a.dimension === "disclosure" && b.dimension === "disclosure" && a.polarity !== b.polarity && a.topic && b.topic) {
      const neg = a.polarity === -1 ? a : b;
      if (neg.permissive) return undefined;
      const [small, large] = a.topic.length <= b.topic.length ? [a.topic, b.topic] : [b.topic, a.topic];
      if (small.every((w) => large.includes(w))) return "disclosure";
    }
    // "No commas" against a CSV reply or a comma-separated list.
    const commas = pair("commas", "format");
    if (commas && bothStrong) {
      const [c, f] = commas as [Directive, Directive];
      if (c.polarity === -1 && !c.qualifier && f.polarity === 1 && f.value === "csv") return "commas";
    }
    // "Never ask questions" against "confirm the order with the user before placing it".
    const asks = pair("questions", "confirmation");
    if (asks && bothStrong) {
      const [q, c] = asks as [Directive, Directive];
      if (q.polarity === -1 && !q.qualifier && c.polarity === 1) return "questions";
    }
    // "First repeat the request" against "start directly with the answer".
    if (a.dimension === "repeat" && b.dimension === "repeat" && a.value !== b.value && a.polarity !== b.polarity && bothStrong) {
      const pos = a.polarity === 1 ? a : b;
      if (pos.value === "request") return "repeat";
    }
    // "At least 3 placeholders" against "never leave placeholders"; "end with two questions" against "never ask".
    const counted = pair("count", "placeholders") ?? pair("count", "questions");
    if (counted && bothStrong) {
      const [c, v] = counted as [Directive, Directive];
      if (c.bound && c.bound.min >= 1 && c.value === (v.dimension === "questions" ? "questions" : "placeholders") && v.polarity === -1 && !v.qualifier) return v.dimension;
    }
    // 'Never say "I'm sorry"' against 'always begin your reply with "I'm sorry"'.
    const said = pair("keywords", "start") ?? pair("keywords", "end");
    if (said && bothStrong) {
      const [k, p] = said as [Directive, Directive];
      // The required side must not itself be hedged by a negation its polarity missed ("… avoids starting with 'X'").
      if (k.polarity === -1 && !k.bound && p.polarity === 1 && k.literal && p.literal && p.literal.includes(k.literal) && !NEGATION_WORD.test(p.sentence)) return "keywords";
    }
    // "No markdown" against "use bold for key terms".
    const em = pair("format", "emphasis");
    if (em && bothStrong) {
      const [f, e] = em as [Directive, Directive];
      if (f.polarity === -1 && f.value === "markdown" && !f.qualifier && e.polarity === 1) return "emphasis";
    }
    return undefined;
  }
  // Both positive from here on.
  if (a.dimension === "format" && b.dimension === "format") {
    if (!bothStrong) return undefined;
    if ((a.exclusive || b.exclusive) && !formatsCompatible(a.value, b.value)) return "format";
    return undefined;
  }
  const fl = pair("format", "lists");
  if (fl && bothStrong) {
    const [format] = fl as [Directive, Directive];
    if (format.exclusive && (format.value === "prose" || format.value === "plaintext" || WHOLE_FORMATS.has(format.value))) return WHOLE_FORMATS.has(format.value) ? "format" : "lists";
  }
  const fe = pair("format", "emphasis");
  if (fe && bothStrong) {
    const [format] = fe as [Directive, Directive];
    if (format.exclusive && (format.value === "plaintext" || WHOLE_FORMATS.has(format.value))) return "emphasis";
  }
  // "thorough answers to complex questions, concise ones to simple questions": each length has its own object.
  if (a.dimension === "verbosity" && b.dimension === "verbosity" && verbosityClash(a.value, b.value) && bothStrong && (a.qualifier ?? "") === (b.qualifier ?? "")) return "verbosity";
  const vl = pair("verbosity", "length");
  if (vl && bothStrong) {
    const [verbosity, length] = vl as [Directive, Directive];
    const words = wordsInterval(length);
    // "However long that makes it" against any upper bound.
    if (verbosity.value === "unlimited" && length.bound && length.bound.max !== Infinity) return "length";
    if (words) {
      if ((verbosity.value === "brief" || verbosity.value === "concise") && words[0] >= 250) return "length";
      if ((verbosity.value === "detailed" || verbosity.value === "thorough") && words[1] <= 60) return "length";
    }
  }
  if (a.dimension === "length" && b.dimension === "length" && bothStrong && a.bound && b.bound) {
    // Counts in their own unit; across units, only through a loose conversion to words.
    if (a.bound.unit === b.bound.unit) return disjoint([a.bound.min, a.bound.max], [b.bound.min, b.bound.max]) ? "length" : undefined;
    const wa = wordsInterval(a);
    const wb = wordsInterval(b);
    if (wa && wb && disjoint(wa, wb)) return "length";
  }
  if (a.dimension === "count" && b.dimension === "count" && a.value === b.value && a.bound && b.bound && bothStrong) {
    if (disjoint([a.bound.min, a.bound.max], [b.bound.min, b.bound.max])) return "count";
  }
  if (a.dimension === b.dimension && (bothStrong || a.dimension === "persona") && oneOfClash(a, b)) return a.dimension;
  return undefined;
}

/** Keyword rules on one literal: required, forbidden, or counted, as an interval of occurrences. */
function keywordClash(a: Directive, b: Directive): boolean {
  if (a.literal !== b.literal || !a.literal) return false;
  const interval = (d: Directive): [number, number] => (d.bound ? [d.bound.min, d.bound.max] : d.polarity === 1 ? [1, Infinity] : [0, 0]);
  if ((a.polarity === -1 && a.permissive) || (b.polarity === -1 && b.permissive)) return false;
  return disjoint(interval(a), interval(b));
}

/** Dimensions that can clash with another dimension, so directives are compared across those too. */
const CROSS: [Dimension, Dimension][] = [
  ["format", "lists"],
  ["format", "emphasis"],
  ["format", "commas"],
  ["verbosity", "length"],
  ["questions", "confirmation"],
  ["count", "placeholders"],
  ["count", "questions"],
  ["keywords", "start"],
  ["keywords", "end"],
];

/**
 * Contradictions inside one list (`findConflicts(a)`) or between a file and another one such as its base
 * (`findConflicts(a, b)`: every directive of `a` against every directive of `b`, reported on `a`).
 * At most one conflict is reported per pair of sentences, and per later sentence and kind; a plain
 * contradiction is preferred over an exception.
 */
export function findConflicts(a: readonly Directive[], b?: readonly Directive[]): Conflict[] {
  return searchConflicts(a, b).conflicts;
}

/**
 * Pairs compared before a search gives up. Only pairs of related kinds are compared: the largest published
 * system prompts need a few thousand, and this budget costs tens of milliseconds. A prompt of thousands of
 * rules of one kind would otherwise cost a comparison per pair (8,000 bullets: 10 s).
 */
export const MAX_COMPARED_PAIRS = 50_000;

export interface ConflictSearch {
  conflicts: Conflict[];
  /** The later directive at which the budget ran out: it and those after it were not fully compared. */
  stoppedAt?: Directive;
  /** Pairs compared. */
  compared: number;
}

/** `findConflicts` with its budget: stops after `maxPairs` compared pairs and says where. */
export function searchConflicts(a: readonly Directive[], b?: readonly Directive[], maxPairs = MAX_COMPARED_PAIRS): ConflictSearch {
  const candidates: Conflict[] = [];
  let compared = 0;
  let stoppedAt: Directive | undefined;
  const consider = (later: Directive, earlier: Directive) => {
    compared++;
    // Most pairs of related kinds agree: the kind of clash is the cheaper test, so it goes first.
    const kind = conflictKind(later, earlier);
    if (!kind) return;
    const rel = relation(later, earlier);
    if (!rel) return;
    if (later.range[0] === earlier.range[0] && later.filePath === earlier.filePath && !SAME_SENTENCE_KINDS.has(kind)) return;
    candidates.push(rel === "exception" ? { later, earlier, kind, exception: true } : { later, earlier, kind });
  };
  const byDimension = (list: readonly Directive[]) => {
    const map = new Map<Dimension, Directive[]>();
    for (const d of list) {
      const group = map.get(d.dimension);
      if (group) group.push(d);
      else map.set(d.dimension, [d]);
    }
    return map;
  };
  const related = (dimension: Dimension): Dimension[] => [dimension, ...CROSS.flatMap(([x, y]) => (x === dimension ? [y] : y === dimension ? [x] : []))];
  if (b) {
    const others = byDimension(b);
    search: for (const x of a) {
      for (const dim of related(x.dimension)) {
        for (const y of others.get(dim) ?? []) {
          if (compared >= maxPairs) {
            stoppedAt = x;
            break search;
          }
          consider(x, y);
        }
      }
    }
  } else {
    const sorted = [...a].sort((x, y) => x.range[0] - y.range[0] || (x.at ?? 0) - (y.at ?? 0));
    // Each group holds its directives' positions in `sorted`, in source order: those before `later` are a prefix.
    const groups = new Map<Dimension, number[]>();
    sorted.forEach((d, i) => {
      const group = groups.get(d.dimension);
      if (group) group.push(i);
      else groups.set(d.dimension, [i]);
    });
    search: for (let j = 0; j < sorted.length; j++) {
      const later = sorted[j]!;
      for (const dim of related(later.dimension)) {
        for (const i of groups.get(dim) ?? []) {
          if (i >= j) break;
          if (compared >= maxPairs) {
            stoppedAt = later;
            break search;
          }
          consider(later, sorted[i]!);
        }
      }
    }
  }
  // Plain contradictions first, then in source order.
  // A modelled dimension names the clash better than the open-vocabulary act that may also see it.
  candidates.sort((x, y) => Number(Boolean(x.exception)) - Number(Boolean(y.exception)) || Number(x.kind === "action") - Number(y.kind === "action") || x.later.range[0] - y.later.range[0] || x.earlier.range[0] - y.earlier.range[0]);
  const conflicts: Conflict[] = [];
  const pairs = new Set<string>();
  const kinds = new Set<string>();
  const texts = new Set<string>();
  // Sentences compared by their words, each normalised once: thousands of candidates share a few hundred sentences.
  const sentenceIds = new Map<string, number>();
  const sentenceIdOf = new Map<string, number>();
  const sentenceId = (sentence: string): number => {
    let id = sentenceIdOf.get(sentence);
    if (id === undefined) {
      const words = sentence.replace(/\s+/g, " ");
      id = sentenceIds.get(words);
      if (id === undefined) sentenceIds.set(words, (id = sentenceIds.size));
      sentenceIdOf.set(sentence, id);
    }
    return id;
  };
  for (const c of candidates) {
    const pairKey = `${c.later.filePath ?? ""}:${c.later.range[0]}|${c.earlier.filePath ?? ""}:${c.earlier.range[0]}`;
    // A prompt that pastes the same paragraph several times has one contradiction, not one per copy.
    const textKey = `${c.kind}|${sentenceId(c.earlier.sentence)}|${sentenceId(c.later.sentence)}`;
    if (texts.has(textKey)) continue;
    texts.add(textKey);
    // Across files every partner file is shown (each file's owner needs the location); within a file, and within
    // each partner file, one per kind ("plain prose" and "no bullet lists" on one base line are one clash).
    const kindKey = `${c.later.filePath ?? ""}:${c.later.range[0]}:${KIND_NAMES[c.kind]}${b ? `:${c.earlier.filePath ?? ""}` : ""}`;
    if (pairs.has(pairKey) || kinds.has(kindKey)) continue;
    pairs.add(pairKey);
    kinds.add(kindKey);
    conflicts.push(c);
  }
  conflicts.sort((x, y) => x.later.range[0] - y.later.range[0] || x.earlier.range[0] - y.earlier.range[0]);
  return stoppedAt ? { conflicts, stoppedAt, compared } : { conflicts, compared };
}

export interface Duplicate {
  later: Directive;
  earlier: Directive;
}

function sameClaim(a: Directive, b: Directive): boolean {
  if (a.dimension !== b.dimension || a.value !== b.value || a.polarity !== b.polarity || a.permissive !== b.permissive) return false;
  if (a.qualifier !== b.qualifier || a.literal !== b.literal || (a.focus ?? "") !== (b.focus ?? "")) return false;
  if ((a.targets ?? []).join() !== (b.targets ?? []).join()) return false;
  // Prohibitions may be fragments ("No emoji."); requirements must be commands on both sides.
  if (a.polarity === 1 && !(a.command && b.command) && !a.bound) return false;
  if (a.bound || b.bound) return Boolean(a.bound && b.bound && a.bound.unit === b.bound.unit && a.bound.min === b.bound.min && a.bound.max === b.bound.max);
  if (a.dimension === "format" && a.exclusive !== b.exclusive) return false;
  return true;
}

const shortRules = new WeakMap<Directive, boolean>();

/** A sentence that states little besides its rule: only such sentences can repeat one another. */
function isShortRule(d: Directive): boolean {
  let short = shortRules.get(d);
  if (short === undefined) {
    const words = d.sentence.match(/[A-Za-z][\w'-]*/g) ?? [];
    shortRules.set(d, (short = words.length > 0 && words.length <= 12));
  }
  return short;
}

/** Everything a sentence asks for, so a sentence that asks for more than an earlier one is not a repetition of it. */
function claimsOf(directives: readonly Directive[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const d of directives) {
    const set = out.get(d.range[0]) ?? new Set<string>();
    set.add(`${d.dimension}|${d.value}|${d.polarity}`);
    out.set(d.range[0], set);
  }
  return out;
}

/** Numbers and exact strings of a sentence: two sentences that differ in them are not the same rule. */
function literalsOf(d: Directive): string {
  return (d.sentence.match(/\d+/g) ?? []).join(",");
}

/**
 * The same rule stated twice in different short sentences (same dimension, value, polarity, bound and scope).
 * Long sentences that merely touch the same value say more than the rule, so they are not repetitions; two
 * sentences with different numbers, or that contradict each other, are not repetitions either.
 */
export function findDuplicates(directives: readonly Directive[], conflicts: readonly Conflict[] = [], maxPairs = MAX_COMPARED_PAIRS): Duplicate[] {
  const out: Duplicate[] = [];
  // The same budget as the conflict search: thousands of copies of one rule must not cost a comparison per pair.
  let compared = 0;
  const reported = new Set<number>();
  const conflicting = new Set(conflicts.flatMap((c) => [`${c.later.range[0]}|${c.earlier.range[0]}`, `${c.earlier.range[0]}|${c.later.range[0]}`]));
  const sorted = [...directives].sort((x, y) => x.range[0] - y.range[0]);
  const claims = claimsOf(directives);
  const saysNothingNew = (later: Directive, earlier: Directive) => [...claims.get(later.range[0])!].every((c) => claims.get(earlier.range[0])!.has(c));
  const groups = new Map<string, Directive[]>();
  for (const later of sorted) {
    // Only a short rule can repeat or be repeated; the group key holds what `sameClaim` compares first, and the
    // numbers of the sentence, so sentences that differ only in them are never compared.
    // Open-vocabulary actions are compared by a shared object word, too loose to call two sentences one rule.
    if (!isShortRule(later) || later.dimension === "action") continue;
    const key = `${later.dimension}|${later.value}|${later.polarity}|${later.permissive}|${later.qualifier ?? ""}|${later.literal ?? ""}|${later.focus ?? ""}|${literalsOf(later)}`;
    const group = groups.get(key) ?? [];
    if (!reported.has(later.range[0])) {
      for (const earlier of group) {
        if (earlier.range[0] === later.range[0]) continue;
        if (++compared > maxPairs) return out;
        if (!sameClaim(later, earlier) || relation(later, earlier) !== "plain") continue;
        if (conflicting.has(`${later.range[0]}|${earlier.range[0]}`)) continue;
        if (!saysNothingNew(later, earlier)) continue;
        out.push({ later, earlier });
        reported.add(later.range[0]);
        break;
      }
    }
    group.push(later);
    groups.set(key, group);
  }
  return out;
}
