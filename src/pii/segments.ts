/**
 * Which detector mode a segment gets, shared by the rules and the benchmark.
 */
import type { SegmentRole } from "../model/document.js";
import type { PiiTextKind } from "./types.js";

/** Roles whose text is a conversation: any full personal name there is probably a real person's. */
const DIALOGUE_ROLES: ReadonlySet<SegmentRole> = new Set(["user", "assistant", "tool", "example-input", "example-output"]);

export function textKindForRole(role: SegmentRole): PiiTextKind {
  return DIALOGUE_ROLES.has(role) ? "dialogue" : "prose";
}

/** Keys that hold prose or a whole turn rather than one value: not a label for what they hold. */
const STRUCTURAL_KEYS = new Set([
  "content", "text", "message", "messages", "value", "values", "prompt", "prompts", "completion", "input", "inputs",
  "output", "outputs", "system", "user", "assistant", "tool", "description", "template", "instructions", "instruction",
  "body", "task", "request", "reply", "response", "question", "answer", "query", "note", "notes", "summary", "example",
  "examples", "context", "title", "subject", "comment", "comments", "data", "details", "parts", "part", "args",
  "arguments", "result", "results", "items", "item", "entries", "entry", "chosen", "rejected", "ideal", "expected",
]);

/** Keys of a prompt's author credits (the person-name detector leaves these alone). */
const AUTHOR_KEYS = /^(?:co-?)?(?:authors?|maintainers?|contributors?|credits?)$/i;
const DOTTED_PATH = /^[A-Za-z_][\w-]*(?:\.[\w-]+)+$/;

/** The data field a segment is the value of, from its JSON-pointer path ("/examples/0/input/date_of_birth"). */
export function fieldOfPath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  // JSON pointers of data files ("/guests/0/name") and dotted key paths of front matter ("metadata.author").
  // Front-matter keys with digits ("in_12", schema fields) name no person or date: they get no label, which
  // would put the digits in front of every value the detectors read.
  const parts = path.startsWith("/") ? path.split("/") : DOTTED_PATH.test(path) ? ["", ...path.split(".")] : undefined;
  if (parts && !path.startsWith("/") && /\d/.test(parts[parts.length - 1]!.replace(/^\d+$/, ""))) return undefined;
  if (!parts) return undefined;
  // Anything under an author credit is the credit ("authors.0.name").
  const credit = parts.find((part) => AUTHOR_KEYS.test(part));
  if (credit) return credit;
  // An item of a list is labelled by the list's key ("/authors/0" is an author, "/guests/1" a guest).
  let last = parts[parts.length - 1]!;
  if (/^\d+$/.test(last) && parts.length > 2) last = parts[parts.length - 2]!;
  const key = last.replace(/~1/g, "/").replace(/~0/g, "~");
  if (!/^[A-Za-z][A-Za-z0-9_ -]{1,40}$/.test(key) || STRUCTURAL_KEYS.has(key.toLowerCase())) return undefined;
  return key;
}
