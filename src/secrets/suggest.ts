/**
 * The replacement offered for a leaked credential: an environment-variable reference such as
 * `${OPENAI_API_KEY}`. For a value assigned to a named variable (`MISTRAL_API_KEY=…`) the variable's own
 * name is used, so the suggestion reads `MISTRAL_API_KEY=${MISTRAL_API_KEY}`.
 */
import { maskValue } from "../rule-api/mask.js";
import { describeKind, URL_KINDS } from "./kinds.js";

/** How far back to look for `NAME=` / `"name": ` before a value. */
const LOOKBACK = 80;

export function placeholderFor(kind: string, source: string, start: number): string {
  if (kind === "provider-api-key") {
    const before = source.slice(Math.max(0, start - LOOKBACK), start);
    const match = /([A-Za-z][A-Za-z0-9_]{0,60})["'\]]{0,2}[ \t]{0,3}[:=][ \t]{0,3}["']?$/.exec(before);
    if (match) return `\${${match[1]!.toUpperCase()}}`;
  }
  return `\${${describeKind(kind).env}}`;
}

/** How a finding's location reads in a message ("a system segment", "the frontmatter", "the file"). */
export function describeWhere(role: string | undefined): string {
  if (role === undefined) return "the file";
  if (role === "frontmatter") return "a frontmatter value";
  if (role === "comment") return "a comment";
  return `a ${role} segment`;
}

/**
 * Masked form of a finding for messages. A URL keeps its scheme, user and host (they say which service it
 * is) and hides the password whole: a password is short enough that even a few characters help a guesser.
 * Any other value goes through `maskValue` (`sk-proj-…a1B2`).
 */
export function maskFinding(kind: string, value: string): string {
  if (URL_KINDS.has(kind)) {
    const match = /^([A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:/@]{0,256}:)([^\s/@]{1,256})(@.*)$/s.exec(value);
    if (match) return `${match[1]}****${match[3]}`;
  }
  return maskValue(value);
}
