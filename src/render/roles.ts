/** Splitting rendered text into chat messages at role markers. */
import type { RenderedMessage } from "./types.js";

/**
 * A marker the renderer places where a role starts. It holds characters a template or a variable value will
 * not produce (U+0000 and a per-process nonce), so text inside a variable cannot forge a role change.
 */
const NONCE = Math.random().toString(36).slice(2, 10);
export function roleMarker(role: string): string {
  return `\u0000${NONCE}:role:${role}\u0000`;
}

const MARKER = new RegExp(`\u0000${NONCE}:role:([a-z]+)\u0000`, "g");
/** Other dotprompt markers (history, section, media) that carry no text of their own. */
export const DROP_MARKER = `\u0000${NONCE}:drop\u0000`;

/** Splits text at role markers; text before the first marker is a system message; empty messages are dropped. */
export function splitAtMarkers(text: string, firstRole: RenderedMessage["role"] = "system"): RenderedMessage[] {
  const messages: RenderedMessage[] = [];
  let role: string = firstRole;
  let last = 0;
  const cleaned = text.split(DROP_MARKER).join("");
  for (const m of cleaned.matchAll(MARKER)) {
    push(messages, role, cleaned.slice(last, m.index));
    role = m[1]!;
    last = m.index! + m[0].length;
  }
  push(messages, role, cleaned.slice(last));
  return messages;
}

function push(messages: RenderedMessage[], role: string, content: string): void {
  const text = content.trim();
  if (!text) return;
  const r: RenderedMessage["role"] = role === "user" || role === "assistant" ? role : role === "model" ? "assistant" : "system";
  const prev = messages[messages.length - 1];
  if (prev && prev.role === r) prev.content += `\n\n${text}`;
  else messages.push({ role: r, content: text });
}

/** Prompty role lines (`system:`, `user:`, `assistant:`, optionally `# user:`), alone on their line. */
// One optional run of blanks on each side of `#`, so no two blank runs compete (linear on long blank lines).
const PROMPTY_ROLE_LINE = /^[ \t]*(?:#[ \t]*)?(system|user|assistant|developer)[ \t]*:[ \t]*$/gim;

/** Replaces prompty role lines in a template by markers, before rendering. */
export function markPromptyRoles(template: string): string {
  return template.replace(PROMPTY_ROLE_LINE, (_m, role: string) => roleMarker(role.toLowerCase() === "developer" ? "system" : role.toLowerCase()));
}
