/**
 * Keeps secrets and personal data out of what the smoke eval shows and stores.
 *
 * - `scrubKnownSecrets`: the provider's own API key is known exactly, so it is removed from every error text
 *   in any shape a server may echo it: as is, URL-encoded, JSON-escaped, hex, and base64 (standard or URL-safe,
 *   at any alignment, as in `Basic base64(user:key)`). Shape-based detection would miss a key in a form no
 *   detector knows; the exact value cannot be missed.
 * - `maskSensitiveText`: everything else (answer excerpts, failure messages) goes through the detectors lint
 *   uses, secrets and personal data, and each finding is shown as `maskValue` shows it in lint messages.
 */
import { maskValue } from "../rule-api/mask.js";

/** Shorter keys are not scrubbed by their encodings: a 4-character base64 core would match ordinary words. */
const MIN_ENCODED_LENGTH = 8;

/** The text forms a server might echo a secret in. */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(encodeURIComponent(secret));
  forms.add(JSON.stringify(secret).slice(1, -1));
  const bytes = Buffer.from(secret, "utf8");
  forms.add(bytes.toString("hex"));
  forms.add(bytes.toString("hex").toUpperCase());
  // base64 of the secret inside a longer text: whatever precedes it shifts it by 0, 1 or 2 bytes. The
  // characters that also depend on the neighbouring bytes are dropped from both ends.
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    // Character i of base64 stands for bits [6i, 6i + 6): it is the secret's alone when those bits lie in it.
    const core = padded.toString("base64").slice(Math.ceil((4 * shift) / 3), Math.floor((4 * padded.length) / 3));
    if (core.length >= MIN_ENCODED_LENGTH) {
      forms.add(core);
      forms.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
    }
  }
  return [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
}

/** `text` with every known secret, in every form of `secretForms`, replaced by its mask. */
export function scrubKnownSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const masked = maskValue(secret);
    for (const form of secretForms(secret)) {
      if (form.length < Math.min(MIN_ENCODED_LENGTH, secret.length)) continue;
      out = out.split(form).join(masked);
    }
  }
  return out;
}

/** `text` with every secret and every piece of personal data the lint detectors find replaced by its mask. */
export async function maskSensitiveText(text: string): Promise<string> {
  if (text.trim() === "") return text;
  const ranges = await sensitiveRanges(text);
  let out = text;
  for (const [start, end] of ranges.reverse()) out = out.slice(0, start) + maskValue(text.slice(start, end)) + out.slice(end);
  return out;
}

/** True when the detectors find a secret or personal data in `text`. */
export async function holdsSensitiveData(text: string): Promise<boolean> {
  return text.trim() !== "" && (await sensitiveRanges(text)).length > 0;
}

/** Sorted, non-overlapping `[start, end)` ranges of secrets and personal data in `text`. */
async function sensitiveRanges(text: string): Promise<[number, number][]> {
  const [{ scanSecrets }, piiModule] = await Promise.all([import("../secrets/scan.js"), loadPii()]);
  const found: [number, number][] = [
    ...(await scanSecrets(text)).map((m): [number, number] => [m.start, m.end]),
    ...piiModule.detectPii(text).map((m): [number, number] => [m.start, m.end]),
  ].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of found) {
    const last = merged[merged.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

let piiReady: Promise<typeof import("../pii/index.js")> | undefined;

function loadPii(): Promise<typeof import("../pii/index.js")> {
  piiReady ??= (async () => {
    const mod = await import("../pii/index.js");
    await mod.preloadPiiDependencies(mod.PII_TYPES);
    return mod;
  })();
  return piiReady;
}
