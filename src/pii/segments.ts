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

/** The data field a segment is the value of, from its JSON-pointer path ("/examples/0/input/date_of_birth"). */
export function fieldOfPath(path: string | undefined): string | undefined {
  if (!path || !path.startsWith("/")) return undefined;
  const key = path.slice(path.lastIndexOf("/") + 1).replace(/~1/g, "/").replace(/~0/g, "~");
  if (!/^[A-Za-z][A-Za-z0-9_ -]{1,40}$/.test(key) || STRUCTURAL_KEYS.has(key.toLowerCase())) return undefined;
  return key;
}
