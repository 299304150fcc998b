import rule from "../../../rules/fewshot/jsonl-syntax.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const ok = '{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}';

new RuleTester().run(rule, {
  valid: [
    { code: `${ok}\n${ok.replace("Hi", "Hey")}\n`, filename: "train.jsonl" },
    { code: `${ok}\r\n`, filename: "train.jsonl", name: "CRLF" },
    { code: '[{"prompt": "a", "completion": "b"}]\n', filename: "data.json" },
    { code: "Not JSON at all, but markdown.\n", name: "other formats are not checked" },
    { code: '{"prompt": "smile \\ud83d\\ude00", "completion": "\\\\ud800 is how you write it"}\n', filename: "train.jsonl", name: "a surrogate pair, and an escaped backslash before ud800" },
    { code: "- input: hi\n  output: hello\n", filename: "few-shot/greetings.yaml", name: "valid YAML few-shot file" },
    { code: "path: C:\\ud800\\files\n", filename: "data.yml", name: "backslashes in plain YAML scalars are text" },
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
    {
      name: "a lone high surrogate escape in a JSONL string",
      code: '{"prompt": "a\\ud800b", "completion": "ok"}\n',
      filename: "train.jsonl",
      errors: [{ messageId: "loneSurrogate", line: 1, column: 14, endLine: 1, endColumn: 20 }],
    },
    {
      name: "a lone low surrogate, and a high one at the end of a string, in a JSON file",
      code: '[{"prompt": "\\udc00x", "completion": "end\\udbff"}]\n',
      filename: "data.json",
      errors: [
        { messageId: "loneSurrogate", line: 1, column: 14, endLine: 1, endColumn: 20 },
        { messageId: "loneSurrogate", line: 1, column: 42, endLine: 1, endColumn: 48, message: "Unexpected lone surrogate escape \\udbff in a JSON string, expected a high and low surrogate pair (such as \\ud83d\\ude00): the string is not Unicode, cannot be written as UTF-8, and APIs reject or mangle it." },
      ],
    },
    {
      name: "broken YAML in a few-shot file (an unclosed quote)",
      code: '- input: "hi\n  output: hello\n- input: there\n',
      filename: "few-shot/greetings.yaml",
      errors: [{ messageId: "invalidYaml", line: 4, column: 1, endLine: 4, endColumn: 1, message: 'Unexpected YAML syntax: Missing closing "quote; expected a valid YAML document.' }],
    },
    {
      name: "broken YAML in a .yml file (an unclosed flow sequence)",
      code: "- input: hi\n  output: hello\n- input: [a\n",
      filename: "examples.yml",
      errors: [{ messageId: "invalidYaml", line: 4, column: 1, endLine: 4, endColumn: 1 }],
    },
  ],
});
