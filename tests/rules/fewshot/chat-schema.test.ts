import rule from "../../../rules/fewshot/chat-schema.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const rec = (...messages: [string, unknown][]) => JSON.stringify({ messages: messages.map(([role, content]) => ({ role, content })) });

new RuleTester().run(rule, {
  valid: [
    { code: `${rec(["system", "Be terse."], ["user", "Hi"], ["assistant", "Hello."])}\n`, filename: "train.jsonl" },
    { code: `${rec(["developer", "Be terse."], ["user", "Hi"], ["assistant", "Hello."], ["user", "Bye"], ["assistant", "Bye."])}\r\n`, filename: "train.jsonl", name: "CRLF, developer role" },
    {
      name: "a tool call and its result",
      filename: "train.jsonl",
      code: `${JSON.stringify({ messages: [
        { role: "user", content: "Weather?" },
        { role: "assistant", content: null, tool_calls: [{ id: "1", type: "function", function: { name: "w", arguments: "{}" } }] },
        { role: "tool", tool_call_id: "1", content: "Sunny" },
        { role: "assistant", content: "Sunny." },
      ] })}\n`,
    },
    { code: '{"prompt": "2+2=", "completion": "4"}\n', filename: "train.jsonl" },
    { code: `${rec(["user", "Hi"])}\n`, filename: "train.jsonl", options: { requireAssistantLast: false }, name: "option off" },
    { code: `[${rec(["user", "Hi"])}]\n`, filename: "shots.json", name: "JSON few-shot: assistant last not required by default" },
    { code: '{"act": "Linux Terminal", "prompt": "I want you to act as a terminal"}\n', filename: "prompt.json", name: "a prompt config, not completion data" },
    { code: '{"question": "q", "answer": "a"}\n', filename: "eval.jsonl", name: "other shapes are not checked" },
  ],
  invalid: [
    {
      code: '{"messages": [{"role": "system", "content": "You are terse."}, {"role": "usr", "content": "Capital of France?"}]}\n',
      filename: "train.jsonl",
      errors: [
        {
          messageId: "unknownRole", line: 1, column: 73, endLine: 1, endColumn: 78,
          message: "Unexpected role 'usr', expected one of 'system', 'developer', 'user', 'assistant', 'tool', 'function' (did you mean 'user'?).",
        },
      ],
    },
    {
      name: "missing assistant answer",
      code: `${rec(["user", "Hi"], ["assistant", "Hello."], ["user", "Bye"])}\n`,
      filename: "train.jsonl",
      errors: [{ messageId: "lastNotAssistant", line: 1, column: 93, endLine: 1, endColumn: 99, message: "Unexpected user message at the end of record 1, expected an assistant message last (the answer a fine-tune learns)." }],
    },
    {
      name: "two user turns in a row, a late system message, an empty answer",
      code: `${rec(["user", "Hi"], ["user", "Hello?"], ["system", "Late"], ["assistant", " "])}\n`,
      filename: "train.jsonl",
      errors: [
        { messageId: "notAlternating", line: 1, column: 53, endLine: 1, endColumn: 59 },
        { messageId: "systemNotFirst", line: 1, column: 88, endLine: 1, endColumn: 96 },
        { messageId: "emptyContent", line: 1, column: 145, endLine: 1, endColumn: 148 },
      ],
    },
    {
      name: "assistant first",
      code: `${rec(["assistant", "Hello."], ["user", "Hi"], ["assistant", "Yes."])}\n`,
      filename: "train.jsonl",
      errors: [{ messageId: "firstNotUser", line: 1, column: 22, endLine: 1, endColumn: 33 }],
    },
    {
      name: "empty messages, not a list, not an object",
      code: '{"messages": []}\n{"messages": "hi"}\n[1, 2]\n',
      filename: "train.jsonl",
      errors: [
        { messageId: "noMessages", line: 1, column: 2, endLine: 1, endColumn: 12 },
        { messageId: "messagesNotArray", line: 2, column: 2, endLine: 2, endColumn: 12 },
        { messageId: "notObject", line: 3, column: 1, endLine: 3, endColumn: 7 },
      ],
    },
    {
      name: "empty completion, missing completion, CRLF",
      code: '{"prompt": "2+2=", "completion": ""}\r\n{"prompt": "3+3="}\r\n',
      filename: "train.jsonl",
      errors: [
        { messageId: "emptyField", line: 1, column: 20, endLine: 1, endColumn: 32, message: "Unexpected an empty string for 'completion' in record 1, expected a non-empty string." },
        { messageId: "missingField", line: 2, column: 1, endLine: 2, endColumn: 19 },
      ],
    },
    {
      name: "a misspelled messages key among chat records, after \\u00e9 escapes",
      code: `${rec(["user", "caf\u00e9"], ["assistant", "Oui."])}\n{"note": "caf\\u00e9", "mesages": []}\n`,
      filename: "train.jsonl",
      errors: [{ messageId: "missingMessages", line: 2, column: 23, endLine: 2, endColumn: 32, message: "Unexpected record 2 without 'messages', expected the same chat shape as the other records (did you mean 'messages' instead of 'mesages'?)." }],
    },
  ],
});
