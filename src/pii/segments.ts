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
