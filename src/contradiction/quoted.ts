/**
 * Rules about exact strings, read from the unmasked clause: keywords that must or must not appear
 * ('never say "guaranteed"', 'include the keywords "growth" and "risk"', 'the word "banana" at least 3 times'),
 * opening and closing phrases ('end every reply with "Have a great day!"') and the bullet marker
 * ('use `-` for bullets'). Elsewhere quoted text is blanked, because quoted speech is not the author's rule.
 */
import type { Directive } from "./directives.js";
import { polarityAt } from "./grammar.js";
import { allMatches, parseNumber } from "./text.js";
import { phraseKind } from "./vocabulary-response.js";

export interface ClauseGrammar {
  negativeLead: boolean;
  /** The clause is a command (modal or imperative), so a positive rule counts. */
  command: boolean;
  permissive: boolean;
  scope: string;
  focus?: string;
}

export type AddDirective = (d: Omit<Directive, "conditional" | "range" | "sentence">, index?: number) => void;

/** A quoted string: straight or curly double quotes, single quotes around a phrase, or backticks. */
const QUOTED = /"([^"\n]{1,120})"|“([^”\n]{1,120})”|(?<![A-Za-z0-9])'([^'\n]{1,80})'(?![A-Za-z0-9])|`([^`\n]{1,60})`/g;

export const QUOTED_TRIGGER = /["“'`]/;

const START_CUE =
  /\b(?:start|starts|starting|begin|begins|beginning|open|opens|opening|lead|leads|preface|prefix)\b(?:\s+(?:off|each|every|all|your|the|a|an|any|of|first|line|sentence|word))*(?:\s+(?:reply|replies|response|responses|answer|answers|message|messages|output|email|emails|turn|conversation|paragraph))?\s+(?:with|by saying|by writing)\s+(?:the\s+|this\s+)?(?:exact\s+|following\s+|same\s+)?(?:phrase|words?|sentence|greeting|line|text|string)?\s*:?\s*$/i;
const END_CUE =
  /\b(?:end|ends|ending|finish|finishes|finishing|close|closes|closing|conclude|concludes|concluding|wrap up|sign off|signs off|terminate)\b(?:\s+(?:each|every|all|your|the|a|an|any|of|off|up))*(?:\s+(?:reply|replies|response|responses|answer|answers|message|messages|output|email|emails|turn|conversation))?\s+(?:with|by saying|by writing)\s+(?:the\s+|this\s+)?(?:exact\s+|following\s+|same\s+)?(?:phrase|words?|sentence|line|text|string|sign-?off)?\s*:?\s*$|\b(?:last|final|closing) (?:words?|line|sentence) (?:of (?:each|every|your|the) (?:reply|response|answer|message) )?(?:must|should|has to|needs to) be\s*:?\s*$/i;
const KEYWORD_CUE =
  /\b(?:use|uses|using)\s+(?:the\s+|a\s+|any\s+|these\s+|those\s+|following\s+|exact\s+|specific\s+)*(?:key)?(?:words?|terms?|phrases?|expressions?|keywords?)\s*(?:like|such as|including)?\s*:?\s*$|\b(?:say|says|saying|said|include|includes|including|mention|mentions|mentioning|contain|contains|containing|write|writing|incorporate|incorporating|feature|insert|utter|repeat|call|refer to|describe|label)\b(?:\s+(?:it|them|this|that|the|a|an|any|these|those|following|exact|specific|word|words|keyword|keywords|term|terms|phrase|phrases|expression|expressions|like|such|as|product|company|brand|name|names|us|ourselves|things|customers|users|people|yourself|itself|something|anything)){0,5}\s*:?\s*$|\b(?:key)?(?:words?|terms?|phrases?|expressions?|keywords?)\s*(?:like|such as|including|:)?\s*$/i;
/** A verb of saying anywhere before the quote ("tell customers their delivery is 'guaranteed'"). */
const SAY_CUE = /\b(?:say|says|saying|tell|tells|telling|promise|promising|assure|assuring|call|calling|describe|describing|refer to|label|labelling|labeling|claim|claiming)\b[^.;:!?]{0,50}$/i;
const LIST_CONTINUATION = /^\s*(?:,|\band\b|\bor\b|\bnor\b|\/|,\s*(?:and|or|nor)\b)\s*$/i;
const SUBJECT_FORM =
  /^\s*[.,]?\s*(?:(?:should|must|needs? to|has to|have to|is to|are to|will|may|can)\s+(?:(not|never)\s+)?(?:ever\s+)?(?:appear|occur|be (?:used|included|mentioned|said|written|present))|(?:is|are)\s+(?:(not)\s+)?(?:allowed|permitted|required|mandatory|banned|forbidden|prohibited|off-limits))\b/i;
const FREQUENCY =
  /^[^.;"“]{0,50}?\b(at least|at most|exactly|no more than|not more than|fewer than|less than|more than|no fewer than|no less than|a minimum of|a maximum of|up to)?\s*(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|once|twice|thrice)\s*(times?)?\b/i;

function frequencyBound(after: string): { min: number; max: number } | undefined {
  const m = FREQUENCY.exec(after);
  if (!m) return undefined;
  const word = m[2]!.toLowerCase();
  if (!m[3] && !/^(?:once|twice|thrice)$/.test(word)) return undefined;
  const n = word === "once" ? 1 : word === "twice" ? 2 : word === "thrice" ? 3 : parseNumber(word);
  if (n === undefined) return undefined;
  const rel = (m[1] ?? "exactly").toLowerCase();
  if (/^(?:at least|no fewer than|no less than|a minimum of)$/.test(rel)) return { min: n, max: Infinity };
  if (/^(?:more than)$/.test(rel)) return { min: n + 1, max: Infinity };
  if (/^(?:at most|no more than|not more than|a maximum of|up to)$/.test(rel)) return { min: 0, max: n };
  if (/^(?:fewer than|less than)$/.test(rel)) return { min: 0, max: n - 1 };
  return { min: n, max: n };
}

function normalise(literal: string): string {
  return literal.toLowerCase().replace(/\s+/g, " ").replace(/^[\s.,;:!?'"“”‘’]+|[\s.,;:!?'"“”‘’]+$/g, "");
}

/**
 * Keyword, opening-phrase and closing-phrase directives of one clause. `previous` is the clause before it in the
 * sentence, whose cue carries over when this clause is only the list ("Never use these words: 'delve', 'tapestry'").
 */
export function extractQuoted(masked: string, raw: string, grammar: ClauseGrammar, add: AddDirective, previous?: { masked: string; raw: string }): void {
  let lastCue: "start" | "end" | "keyword" | undefined;
  let lastEnd = 0;
  let lastPolarity: 1 | -1 = 1;
  for (const m of allMatches(QUOTED, raw)) {
    const body = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    const backtick = m[4] !== undefined;
    const at = m.index!;
    const before = masked.slice(0, at);
    let cue: "start" | "end" | "keyword" | undefined;
    let polarity: 1 | -1;
    if (lastCue && LIST_CONTINUATION.test(masked.slice(lastEnd, at))) {
      cue = lastCue;
      polarity = lastPolarity;
    } else {
      const tail = before.slice(-120);
      cue = START_CUE.test(tail) ? "start" : END_CUE.test(tail) ? "end" : KEYWORD_CUE.test(tail) || SAY_CUE.test(tail) ? "keyword" : undefined;
      polarity = polarityAt(masked, at, grammar.negativeLead).polarity;
      if (!cue && previous && /^\W*$/.test(before) && /:\s*$/.test(previous.masked)) {
        const prevTail = previous.masked.slice(-120);
        cue = START_CUE.test(prevTail) ? "start" : END_CUE.test(prevTail) ? "end" : KEYWORD_CUE.test(prevTail) ? "keyword" : undefined;
        polarity = polarityAt(previous.masked, previous.masked.length, grammar.negativeLead).polarity;
      }
    }
    const after = masked.slice(at + m[0].length);
    const subject = !cue ? SUBJECT_FORM.exec(after) : undefined;
    if (subject && /\b(?:word|words|term|terms|phrase|phrases|keyword|keywords)\s*$/i.test(before)) {
      cue = "keyword";
      const negated = Boolean(subject[1] || subject[2]) !== /\b(?:banned|forbidden|prohibited|off-limits)\b/i.test(subject[0]);
      polarity = negated ? -1 : 1;
    }
    // "Use 'quick win' no more than once": a count of uses makes the quoted text a keyword.
    if (!cue && /\b(?:use|uses|using|include|mention|say|repeat|write)\s+$/i.test(before) && frequencyBound(after)) {
      cue = "keyword";
      polarity = polarityAt(masked, at, grammar.negativeLead).polarity;
    }
    lastCue = cue;
    lastEnd = at + m[0].length;
    lastPolarity = polarity;
    if (!cue) continue;
    // Code in backticks is a keyword only when the clause calls it a word or phrase.
    if (backtick && !/\b(?:words?|terms?|phrases?|say|saying|keywords?)\b/i.test(before.slice(-40))) continue;
    const literal = normalise(body);
    if (!/\p{L}/u.test(literal)) continue;
    const words = literal.split(" ").length;
    if (cue === "keyword" && words > 6) continue;
    if (words > 20) continue;
    if (polarity === 1 && !grammar.command) continue;
    const bound = cue === "keyword" ? frequencyBound(after) : undefined;
    const dimension = cue === "keyword" ? "keywords" : cue;
    // 'Start with "Hello"' is a greeting, 'end with "Anything else?"' an offer of more help: the phrase meets rules on its kind.
    const kind = cue === "keyword" ? undefined : phraseKind(cue, literal);
    if (kind) add({ dimension: cue as "start" | "end", value: kind, polarity, exclusive: false, permissive: grammar.permissive, scope: grammar.scope, ...(grammar.focus ? { focus: grammar.focus } : {}), ...(grammar.command ? { command: true } : {}) }, at);
    add(
      {
        dimension,
        value: literal,
        literal,
        polarity: bound ? 1 : polarity,
        exclusive: false,
        permissive: grammar.permissive,
        scope: grammar.scope, ...(grammar.focus ? { focus: grammar.focus } : {}),
        ...(bound ? { bound: polarity === -1 ? negateBound(bound) : { unit: "occurrence", ...bound } } : {}),
        ...(grammar.command ? { command: true } : {}),
      },
      at,
    );
  }
}

function negateBound(b: { min: number; max: number }): { unit: string; min: number; max: number } {
  if (b.max === Infinity) return { unit: "occurrence", min: 0, max: b.min - 1 };
  if (b.min === 0) return { unit: "occurrence", min: b.max + 1, max: Infinity };
  return { unit: "occurrence", min: 0, max: Infinity };
}

const BULLET_MARKER_USE =
  /\b(?:use|using|prefer|start|begin|prefix|mark)\w*\s+(?:(?:the|a|an|only|with)\s+)*[`"'“]?([*\-+•])[`"'”]?\s*(?:\([^)\n]{0,30}\)\s*)?(?:(?:characters?|symbols?|signs?|markers?|dashes|hyphens|asterisks)\s+)?(?:for|as|to (?:mark|start|begin))\s+(?:(?:all|each|every|the|your|unordered|markdown)\s+)*(?:bullets?|bullet points?|list items?|lists?|items?)\b/gi;
const BULLET_MARKER_SUBJECT =
  /\b(?:bullets?|bullet points?|list items?|unordered lists?)\s+(?:should|must|need to|have to|always)?\s*(?:use|start with|begin with|be marked with|be prefixed with)\s+(?:a\s+|an\s+|the\s+)?[`"'“]?([*\-+•])[`"'”]?/gi;

/** "Use `-` for bullets" against "use `*` for bullets". */
export function extractBulletMarker(masked: string, raw: string, grammar: ClauseGrammar, add: AddDirective): void {
  if (!/bullet|list|item/i.test(raw)) return;
  for (const re of [BULLET_MARKER_USE, BULLET_MARKER_SUBJECT]) {
    for (const m of allMatches(re, raw)) {
      const { polarity } = polarityAt(masked, m.index!, grammar.negativeLead);
      if (polarity === 1 && !grammar.command) continue;
      const marker = m[1]!;
      add({ dimension: "bullet-marker", value: marker, literal: marker, polarity, exclusive: true, permissive: grammar.permissive, scope: grammar.scope, ...(grammar.focus ? { focus: grammar.focus } : {}), ...(grammar.command ? { command: true } : {}) }, m.index!);
    }
  }
}
