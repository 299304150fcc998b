/**
 * One masking step for every text a finding carries (its message, related-location messages, suggestion
 * descriptions), run once after all rules have reported and before directives, formatters or the cache see
 * anything. Rules that quote the prompt need not know what is secret in what they quote; plugin rules and
 * rules written later are covered the same way.
 *
 * What is masked:
 * - every value a rule flagged sensitive in this file (PII, secrets, suppressed findings included), wherever
 *   it appears, whole or cut short before an ellipsis;
 * - values the PII detectors (and, when a secrets rule runs, the secret scanner) find in the quoted parts of
 *   messages, whether or not their rules are on;
 * - credential-shaped tokens (see credential-shapes.ts);
 * and then invisible characters are shown as `<U+200B>`.
 */
import type { PiiAllowConfig } from "../pii/index.js";
import { CUT_MARK, findCredentialShapes, isStrongToken, mergeRanges } from "./credential-shapes.js";
import { escapeInvisible } from "./invisible.js";
import { maskValue } from "../rule-api/mask.js";
import { SensitiveValues } from "./sensitive-values.js";
import type { LintMessage, ReportDescriptor } from "../rule-api/types.js";

const ELLIPSIS = "\u2026";
/** Quoted strings shorter than this hold no value worth a detector pass. */
const MIN_QUOTED_LENGTH = 6;
/** Keeps detector input bounded on pathological files (thousands of findings quoting long text). */
const MAX_QUOTED_CHARS = 200_000;
/** Quotes are joined with a blank line: no detector pattern crosses one. */
const QUOTE_SEPARATOR = "\n\n";

/** The parts of a report that may quote the prompt: string data and related-location messages. */
export function quotedTexts(descriptor: ReportDescriptor): string[] {
  const out: string[] = [];
  const take = (data: Record<string, string | number> | undefined) => {
    for (const v of Object.values(data ?? {})) if (typeof v === "string" && v.length >= MIN_QUOTED_LENGTH) out.push(v);
  };
  take(descriptor.data);
  for (const s of descriptor.suggest ?? []) take(s.data);
  for (const r of descriptor.related ?? []) if (r.message.length >= MIN_QUOTED_LENGTH) out.push(r.message);
  return out;
}

export interface QuoteScanOptions {
  /** `settings.pii.allow`: values the user declared harmless stay readable. */
  piiAllow?: PiiAllowConfig;
  /**
   * Also run the secret scanner over quotes of text from elsewhere (it is already loaded when a secrets rule
   * runs, and that rule has scanned this file's own text).
   */
  scanSecrets?: boolean;
  /** The linted file's text: quotes taken from it verbatim need no second secret scan. */
  source?: string;
}

/**
 * Adds to `values` what the detectors find in the quoted texts of a file's findings. Quotes from other
 * files (a base prompt's sentence in a fork's message) hold values this file's rules never saw.
 */
export async function addValuesFoundInQuotes(values: SensitiveValues, quotes: readonly string[], options: QuoteScanOptions = {}): Promise<void> {
  const unique = [...new Set(quotes)];
  if (unique.length === 0) return;
  let joined = "";
  for (const q of unique) {
    if (joined.length + q.length > MAX_QUOTED_CHARS) break;
    joined += (joined ? QUOTE_SEPARATOR : "") + q;
  }
  // The detectors load here, on the first finding that quotes text: a run whose findings quote nothing (or
  // that has none) does not execute their modules' top level.
  const { detectPii, mightNeedLibrary, preloadPiiDependencies, PII_TYPES } = await import("../pii/index.js");
  // Through import(), the bundled copies: the detectors' synchronous fallback would load a second copy from disk.
  await preloadPiiDependencies(PII_TYPES.filter((type) => mightNeedLibrary(type, joined)));
  for (const match of detectPii(joined, { allow: options.piiAllow })) values.add(match.value);
  if (options.scanSecrets) {
    const foreign = unique.filter((q) => !options.source?.includes(q.replace(/(?:\u2026|\.\.\.)$/, "")));
    const text = foreign.join(QUOTE_SEPARATOR).slice(0, MAX_QUOTED_CHARS);
    const { scanSecrets } = await import("../secrets/scan.js");
    if (text) for (const match of await scanSecrets(text)) values.add(text.slice(match.start, match.end));
  }
}

/** Masks secret and personal values and credential shapes in one text, then makes invisible characters visible. */
export function maskText(text: string, values: SensitiveValues): string {
  const whole = values.occurrences(text);
  const cut = values.cutBeforeEllipsis(text);
  const shapes = findCredentialShapes(text, "weak");
  if (whole.length + cut.length + shapes.length === 0) return escapeInvisible(text);

  // A range that is exactly one known value shows that value's usual masked form.
  const known = new Map<string, string>();
  for (const { range, value } of [...whole, ...cut]) known.set(`${range[0]}:${range[1]}`, value);
  const merged = mergeRanges([...whole.map((o) => o.range), ...cut.map((o) => o.range), ...shapes]);
  let out = "";
  let cursor = 0;
  for (const [start, end] of merged) {
    out += escapeInvisible(text.slice(cursor, start));
    const masked = maskValue(known.get(`${start}:${end}`) ?? text.slice(start, end));
    // A value cut short by the quote keeps only its recognisable start: the quote's own ellipsis follows.
    out += escapeInvisible(CUT_MARK.test(text.slice(end, end + 4)) ? masked.split(ELLIPSIS)[0]! : masked);
    cursor = end;
  }
  return out + escapeInvisible(text.slice(cursor));
}

/**
 * Masks a finding's texts in place. Fix and suggestion texts are what `--fix` writes, so they stay; a
 * finding whose fix text holds a secret is marked sensitive instead, and every report and the cache then
 * show that text as redacted. `memo` holds the texts already masked with the same values: a rule that
 * reports every line of a large file repeats one message tens of thousands of times.
 */
export function maskMessage(message: LintMessage, values: SensitiveValues, memo?: Map<string, string>): void {
  const mask = (text: string) => {
    if (!memo) return maskText(text, values);
    let masked = memo.get(text);
    if (masked === undefined) memo.set(text, (masked = maskText(text, values)));
    return masked;
  };
  message.message = mask(message.message);
  if (message.related) message.related = message.related.map((r) => ({ ...r, message: mask(r.message) }));
  if (message.suggestions) message.suggestions = message.suggestions.map((s) => ({ ...s, desc: mask(s.desc) }));
  if (!message.sensitive) {
    const texts = [message.fix?.text, ...(message.suggestions ?? []).map((s) => s.fix.text)];
    if (texts.some((t) => t !== undefined && holdsSecret(t, values))) message.sensitive = true;
  }
}

function holdsSecret(text: string, values: SensitiveValues): boolean {
  if (text.length < 4) return false;
  if (values.occurrences(text).length > 0) return true;
  return findCredentialShapes(text, "weak").length > 0 || isStrongToken(text.trim());
}

/** Masking for text that reaches a report without a document behind it (fatal errors): shapes only. */
export function maskFreeText(text: string): string {
  return maskText(text, new SensitiveValues());
}
