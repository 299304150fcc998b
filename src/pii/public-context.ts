/**
 * Contact details that belong to a business or are published: a helpline, a shop's phone, "the emails below are
 * public mailboxes". A prompt that lists them is not leaking anyone's personal data.
 */
import { lineEnd, lineStart } from "./text.js";

/** On the value's own line. */
const PUBLIC_ON_LINE =
  /\b(?:helpline|hotline|switchboard|toll[- ]free|freephone|public|front desk|reception desk|main line|head office|headquarters|customer (?:service|care|support) (?:line|number|team)|our (?:office|store|shop|branch)|store|shop|branch)\b/i;
/** In the text before it (a lead-in paragraph): "the emails are public mailboxes", "business addresses". */
const PUBLIC_BEFORE = /\b(?:public (?:mailbox(?:es)?|inbox(?:es)?|numbers?|lines?|contacts?|addresses)|business (?:address(?:es)?|contacts?|numbers?|lines?)|published (?:numbers?|contacts?))\b/i;

export function isPublicContact(text: string, before: string | undefined, start: number, end: number): boolean {
  const line = text.slice(lineStart(text, start, 200), lineEnd(text, end, 200));
  if (PUBLIC_ON_LINE.test(line)) return true;
  const window = (start < 400 ? (before ?? "").slice(-(400 - start)) : "") + text.slice(Math.max(0, start - 400), start);
  return PUBLIC_BEFORE.test(window);
}
