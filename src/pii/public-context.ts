/**
 * Contact details that belong to a business or are published: a helpline, a shop's phone, "the emails below are
 * public mailboxes". A prompt that lists them is not leaking anyone's personal data.
 */
import { lineEnd, lineStart } from "./text.js";

/** On the value's own line. */
const PUBLIC_ON_LINE =
  /\b(?:helpline|hotline|switchboard|toll[- ]free|freephone|public|front desk|reception desk|main line|head office|headquarters|customer (?:service|care|support) (?:line|number|team)|our (?:office|store|shop|branch)|store|shop|branch|(?:business|company|office|landline of the office) (?:line|number|phone)|general enquiries|(?:call|contact|reach|text|message|whatsapp) us|oficina|sucursal|gesch[aä]ftsstelle|kantoor|ufficio|bureau)\b/i;
/** In the text before it (a lead-in paragraph): "the emails are public mailboxes", "business addresses". */
const PUBLIC_BEFORE = /\b(?:public (?:mailbox(?:es)?|inbox(?:es)?|numbers?|lines?|contacts?|addresses)|business (?:address(?:es)?|contacts?|numbers?|lines?)|published (?:numbers?|contacts?))\b/i;

/** The speaker's own contact: "call me on", "my number", "mine". */
const PERSONAL_OWNER = /\b(?:my|me|mine|i['’]m|i am)\b/i;

export function isPublicContact(text: string, before: string | undefined, start: number, end: number): boolean {
  const from = lineStart(text, start, 200);
  const line = text.slice(from, lineEnd(text, end, 200));
  // Only the value's own sentence: a chat message or a JSONL turn is one long line, and "Lekki branch. Call me on
  // …" names a branch in one sentence and the writer's own number in the next.
  const sentence = sentenceAround(line, start - from, end - from);
  if (PUBLIC_ON_LINE.test(sentence) && !PERSONAL_OWNER.test(sentence)) return true;
  // A value that starts its line continues the sentence of the line above ("… and the front desk line\n  +44 20 …"),
  // when that line is a sentence and not a label of its own ("reception desk\n642-913-0184").
  if (from > 0 && /^[\s>*•-]*$/.test(text.slice(from, start))) {
    const above = text.slice(lineStart(text, from - 1, 200), from - 1);
    const tail = above.slice(Math.max(above.lastIndexOf(". "), above.lastIndexOf("! "), above.lastIndexOf("? ")) + 1);
    const sentenceLike = tail.trim().split(/\s+/).length >= 4;
    if (sentenceLike && !/[.!?:]\s*$/.test(above) && PUBLIC_ON_LINE.test(tail) && !PERSONAL_OWNER.test(tail + sentence)) return true;
  }
  const window = (start < 400 ? (before ?? "").slice(-(400 - start)) : "") + text.slice(Math.max(0, start - 400), start);
  return PUBLIC_BEFORE.test(window);
}

/** The sentence of `line` holding [start, end): from after the last ". " / "! " / "? " before it to the next one. */
function sentenceAround(line: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !(/[.!?]/.test(line[a - 1]!) && /\s/.test(line[a] ?? " "))) a--;
  let b = end;
  while (b < line.length && !(/[.!?]/.test(line[b]!) && /\s|$/.test(line[b + 1] ?? ""))) b++;
  return line.slice(a, b);
}
