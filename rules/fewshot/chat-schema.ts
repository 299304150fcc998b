import { defineRule } from "../../src/rule-api/types.js";
import type { ChatMessage, DataRecord, PromptDocument, Range } from "../../src/model/document.js";
import { closest } from "../../src/util/edit-distance.js";

interface Options {
  /** Require each chat record to end with an assistant message (what a fine-tune learns from). Default: on for `.jsonl`. */
  requireAssistantLast?: boolean;
}

const ROLES = ["system", "developer", "user", "assistant", "tool", "function"];

/**
 * The shape fine-tuning and few-shot loaders expect from chat records (`{"messages": [...]}`) and
 * completion records (`{"prompt", "completion"}`): known roles, non-empty content, system/developer only
 * first, user and assistant turns alternating, and (for training data) an assistant answer last.
 */
export default defineRule<Options>({
  meta: {
    id: "fewshot/chat-schema",
    category: "fewshot",
    formats: ["jsonl", "json"],
    docs: {
      description: "Require chat and prompt/completion records in the shape fine-tuning and few-shot loaders expect",
      help: "Each record: {\"messages\": [{\"role\": \"user\", ...}, {\"role\": \"assistant\", ...}]} or {\"prompt\": ..., \"completion\": ...}.",
      recommended: "error",
    },
    messages: {
      notObject: "Unexpected {{actual}} as record {{record}}, expected an object with 'messages' or 'prompt'/'completion'.",
      missingMessages: "Unexpected record {{record}} without 'messages', expected the same chat shape as the other records{{hint}}.",
      messagesNotArray: "Unexpected {{actual}} for 'messages' in record {{record}}, expected a list of messages.",
      noMessages: "Unexpected empty 'messages' list in record {{record}}, expected at least a user and an assistant message.",
      messageNotObject: "Unexpected {{actual}} as message {{message}} of record {{record}}, expected an object with 'role' and 'content'.",
      unknownRole: "Unexpected role '{{role}}', expected one of {{expected}}{{hint}}.",
      missingRole: "Unexpected message without a 'role' in record {{record}}, expected one of {{expected}}.",
      emptyContent: "Unexpected empty content in a {{role}} message, expected non-empty text.",
      systemNotFirst: "Unexpected {{role}} message at position {{position}}, expected {{role}} messages only at the start of the conversation.",
      notAlternating: "Unexpected {{role}} message after another {{role}} message, expected {{expected}} messages to alternate with them.",
      firstNotUser: "Unexpected {{role}} message as the first turn, expected the conversation to start with a user message.",
      lastNotAssistant: "Unexpected {{role}} message at the end of record {{record}}, expected an assistant message last (the answer a fine-tune learns).",
      emptyField: "Unexpected {{actual}} for '{{field}}' in record {{record}}, expected a non-empty string.",
      missingField: "Unexpected record {{record}} without '{{field}}', expected both 'prompt' and 'completion'.",
    },
    schema: {
      type: "object",
      properties: { requireAssistantLast: { type: "boolean" } },
      additionalProperties: false,
    },
  },
  create(context) {
    const requireAssistantLast = context.options.requireAssistantLast ?? context.document.format === "jsonl";
    return {
      document(document) {
        const records = (document.records ?? []).filter((r) => !r.error);
        const hasChat = records.some((r) => isObject(r.value) && "messages" in r.value);
        const hasCompletion = records.some((r) => isObject(r.value) && "completion" in r.value);
        for (const record of records) checkRecord(record, document, hasChat, hasCompletion);
      },
    };

    function checkRecord(record: DataRecord, document: PromptDocument, fileHasChat: boolean, fileHasCompletion: boolean): void {
      const n = record.index + 1;
      const value = record.value;
      if (!isObject(value)) {
        context.report({ messageId: "notObject", data: { actual: describe(value), record: n }, range: record.range });
        return;
      }
      if ("messages" in value) {
        checkChat(record, value.messages, document);
        return;
      }
      // `{"prompt": ...}` alone is also a common prompt-config shape: only completion data needs the pair.
      if ("completion" in value || ("prompt" in value && fileHasCompletion)) {
        for (const field of ["prompt", "completion"] as const) {
          if (!(field in value)) {
            context.report({ messageId: "missingField", data: { record: n, field }, range: record.range });
          } else if (typeof value[field] !== "string" || (value[field] as string).trim() === "") {
            context.report({
              messageId: "emptyField",
              data: { actual: describe(value[field]), field, record: n },
              range: keyValueRange(document, record, field),
            });
          }
        }
        return;
      }
      if (fileHasChat) {
        const near = closest("messages", Object.keys(value));
        context.report({
          messageId: "missingMessages",
          data: { record: n, hint: near ? ` (did you mean 'messages' instead of '${near}'?)` : "" },
          range: near ? keyValueRange(document, record, near) : record.range,
        });
      }
    }

    function checkChat(record: DataRecord, raw: unknown, document: PromptDocument): void {
      const n = record.index + 1;
      if (!Array.isArray(raw)) {
        context.report({ messageId: "messagesNotArray", data: { actual: describe(raw), record: n }, range: keyValueRange(document, record, "messages") });
        return;
      }
      if (raw.length === 0) {
        context.report({ messageId: "noMessages", data: { record: n }, range: keyValueRange(document, record, "messages") });
        return;
      }
      const parsed = record.messages ?? [];
      const rangeOf = (i: number, part: "message" | "role" | "content"): Range => {
        const m: ChatMessage | undefined = parsed[i];
        if (!m) return record.range;
        if (part === "role") return m.roleRange ?? m.range;
        if (part === "content") return m.contentRange ?? m.range;
        return m.range;
      };
      let previous: string | undefined; // last of user / assistant / tool, for alternation
      let seenConversation = false;
      raw.forEach((message: unknown, i) => {
        if (!isObject(message)) {
          context.report({ messageId: "messageNotObject", data: { actual: describe(message), message: i + 1, record: n }, range: rangeOf(i, "message") });
          return;
        }
        const role = message.role;
        if (typeof role !== "string" || role === "") {
          context.report({ messageId: "missingRole", data: { record: n, expected: ROLES.join(", ") }, range: rangeOf(i, "message") });
          return;
        }
        if (!ROLES.includes(role)) {
          const near = closest(role, ROLES);
          context.report({
            messageId: "unknownRole",
            data: { role, expected: ROLES.map((r) => `'${r}'`).join(", "), hint: near ? ` (did you mean '${near}'?)` : "" },
            range: rangeOf(i, "role"),
          });
          return;
        }
        if (isEmptyContent(message)) {
          context.report({ messageId: "emptyContent", data: { role }, range: rangeOf(i, "content") });
        }
        if (role === "system" || role === "developer") {
          if (seenConversation) {
            context.report({ messageId: "systemNotFirst", data: { role, position: i + 1 }, range: rangeOf(i, "role") });
          }
          return;
        }
        if (role === "user" || role === "assistant") {
          if (!seenConversation && role !== "user") {
            context.report({ messageId: "firstNotUser", data: { role }, range: rangeOf(i, "role") });
          } else if (previous === role) {
            context.report({ messageId: "notAlternating", data: { role, expected: role === "user" ? "assistant" : "user" }, range: rangeOf(i, "role") });
          }
        }
        seenConversation = true;
        previous = role === "function" ? "tool" : role;
      });
      if (requireAssistantLast) {
        const last = raw[raw.length - 1];
        if (isObject(last) && typeof last.role === "string" && last.role !== "assistant" && ROLES.includes(last.role)) {
          context.report({ messageId: "lastNotAssistant", data: { role: last.role, record: n }, range: rangeOf(raw.length - 1, "role") });
        }
      }
    }
  },
});

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Empty string, empty list, or missing/null content without tool calls (an assistant that calls a tool needs no text). */
function isEmptyContent(message: Record<string, unknown>): boolean {
  const content = message.content;
  if (typeof content === "string") return content.trim() === "";
  if (Array.isArray(content)) return content.length === 0;
  if (content === null || content === undefined) {
    return !(message.tool_calls || message.function_call || message.refusal);
  }
  return false;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "a missing value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return value.trim() === "" ? "an empty string" : "a string";
  return `a ${typeof value === "object" ? "object" : typeof value}`;
}

/**
 * Range of `"key": value` inside a record, found by scanning the record's raw text for the quoted key at
 * nesting depth 1 (the parser's ranges cover messages, not arbitrary keys). Falls back to the record.
 */
function keyValueRange(document: PromptDocument, record: DataRecord, key: string): Range {
  const [start, end] = record.range;
  const text = document.source.slice(start, end);
  const quoted = JSON.stringify(key);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (c === '"') {
      if (depth === 1 && text.startsWith(quoted, i)) {
        let j = i + quoted.length;
        while (j < text.length && /\s/.test(text[j]!)) j++;
        if (text[j] === ":") return [start + i, start + i + quoted.length];
      }
      inString = true;
    }
  }
  return record.range;
}
