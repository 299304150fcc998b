import rule from "../../../rules/fewshot/jsonl-syntax.js";
import { RuleTester } from "../../helpers/rule-tester.js";

const ok = '{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}';

new RuleTester().run(rule, {
  valid: [
    { code: `${ok}\n${ok.replace("Hi", "Hey")}\n`, filename: "train.jsonl" },
    { code: `${ok}\r\n`, filename: "train.jsonl", name: "CRLF" },
    { code: '[{"prompt": "a", "completion": "b"}]\n', filename: "data.json" },
    { code: "Not JSON at all, but markdown.\n", name: "other formats are not checked" },
  ],
  invalid: [
    {
      name: "a trailing comma",
      code: `${ok}\n{"prompt": "a", "completion": "b",}\n`,
      filename: "train.jsonl",
      errors: [{ messageId: "invalid", line: 2, column: 35, endLine: 2, endColumn: 36 }],
    },
    {
      name: "the column stays raw after \\u00e9 escapes",
      code: '{"prompt": "caf\\u00e9 \\u00e9", "completion": "b" "x"}\n',
      filename: "train.jsonl",
      errors: [{ messageId: "invalid", line: 1, column: 50, endLine: 1, endColumn: 53 }],
    },
    {
      name: "CRLF file, second record",
      code: `${ok}\r\n{"prompt": 'single'}\r\n`,
      filename: "train.jsonl",
      errors: [{ messageId: "invalid", line: 2, column: 12, endLine: 2, endColumn: 20, message: "Unexpected JSON syntax in record 2: Unexpected character; expected one complete JSON value per line." }],
    },
    {
      name: "a truncated record after a 100,000-character string",
      code: `{"prompt": "${"a".repeat(100_000)}", "completion": \n`,
      filename: "train.jsonl",
      errors: [{ messageId: "invalid", line: 1, column: 100_029, endLine: 1, endColumn: 100_029 }],
    },
    {
      name: "a JSON file",
      code: '[{"prompt": "a"},\n {"prompt": }]\n',
      filename: "data.json",
      errors: [{ messageId: "invalidFile", line: 2, column: 13, endLine: 2, endColumn: 14, message: "Unexpected JSON syntax: Expected a value; expected the file to hold one complete JSON value." }],
    },
  ],
});
