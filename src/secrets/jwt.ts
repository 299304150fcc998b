/**
 * JSON Web Tokens. A JWT-shaped string is not enough: `ey…` runs with two dots also appear as made-up
 * examples and as random-looking identifiers. A finding is a token whose header decodes to a JSON object
 * naming a signing algorithm (`alg`), whose payload decodes to a JSON object, and whose signature looks
 * random (JWS, three parts); or an encrypted token (JWE, five parts) whose header names `alg` and `enc`.
 *
 * Not findings:
 * - `alg: "none"`: an unsigned token proves nothing; anyone can write one, so it carries no credential
 *   (a server that accepts it has a vulnerability, not a leaked secret);
 * - a signature that is missing, short, or a placeholder (`signature`, `xxxxx`, `…`);
 * - documented samples (jwt.io's default token): see samples.ts.
 *
 * The scan walks runs of base64url characters and dots once, so it is linear in the text length.
 */
import { looksRandom } from "./placeholder.js";

/** Characters that may not come right before a token (`=` may: `TOKEN=eyJ…`, `?access_token=eyJ…`). */
const GLUED_BEFORE = /[A-Za-z0-9_\-.]/;
/** Longest run considered (a JWT with a large payload is a few kilobytes). */
const MAX_TOKEN = 16_384;

function isRunChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 45 || // -
    code === 95 || // _
    code === 46 || // .
    code === 61 // =
  );
}

/** Decodes one base64url segment to a JSON object, or undefined. */
function decodeJsonObject(segment: string): Record<string, unknown> | undefined {
  if (segment.length < 4 || !/^[A-Za-z0-9_-]+={0,2}$/.test(segment)) return undefined;
  try {
    const json = Buffer.from(segment.replace(/=+$/, ""), "base64url").toString("utf8");
    if (!json.startsWith("{")) return undefined;
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** True when the dot-separated parts of a run make a JWT that carries a credential. */
export function isCredentialJwt(parts: readonly string[]): boolean {
  if (parts.length !== 3 && parts.length !== 5) return false;
  const header = decodeJsonObject(parts[0]!);
  if (!header || typeof header.alg !== "string" || header.alg.trim() === "") return false;
  if (parts.length === 5) return typeof header.enc === "string" && parts.slice(1).join("").length >= 32;
  if (header.alg.toLowerCase() === "none") return false;
  if (!decodeJsonObject(parts[1]!)) return false;
  const signature = parts[2]!.replace(/=+$/, "");
  return signature.length >= 16 && looksRandom(signature, { minEntropy: 3 });
}

/** Every JWT that carries a credential, as `[start, end)` ranges. */
export function* findJwts(text: string): Generator<readonly [number, number]> {
  let from = 0;
  for (;;) {
    const at = text.indexOf("ey", from);
    if (at < 0) return;
    // A token starts a run: `key`, `they` or the middle of a base64 blob are not tokens.
    if (at > 0 && GLUED_BEFORE.test(text[at - 1]!)) {
      from = at + 2;
      continue;
    }
    let end = at;
    while (end < text.length && end - at <= MAX_TOKEN && isRunChar(text.charCodeAt(end))) end++;
    from = end;
    // Trailing dots and `=` belong to the sentence or to padding, not to the token.
    let tokenEnd = end;
    while (tokenEnd > at && text[tokenEnd - 1] === ".") tokenEnd--;
    const parts = text.slice(at, tokenEnd).split(".");
    if (isCredentialJwt(parts)) yield [at, tokenEnd];
  }
}
