import rule from "../../../rules/fewshot/duplicate-examples.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const rec = (q: string, a: string) => JSON.stringify({ messages: [{ role: "user", content: q }, { role: "assistant", content: a }] });

new RuleTester().run(rule, {
  valid: [
    { code: `${rec("Capital of France?", "Paris.")}\n${rec("Capital of Italy?", "Rome.")}\n`, filename: "train.jsonl" },
    { code: `${rec("Capital of France?", "Paris.")}\n${rec("Capital of France?", "Paris, France.")}\n`, filename: "train.jsonl", name: "same question, different answer" },
  ],
  invalid: [
    {
      code: `${rec("Capital of France?", "Paris.")}\n${rec("Capital of Italy?", "Rome.")}\n${rec("capital of  France?", "Paris.")}\n`,
      filename: "train.jsonl",
      errors: [{ messageId: "duplicate", line: 3, column: 1, endLine: 3, endColumn: 103, message: "Unexpected duplicate of the example on line 1, expected each example once." }],
    },
    {
      name: "prompt/completion records, CRLF, escapes",
      code: '{"prompt": "caf\\u00e9?", "completion": "yes"}\r\n{"prompt": "café?", "completion": "yes"}\r\n',
      filename: "train.jsonl",
      errors: [{ messageId: "duplicate", line: 2, column: 1, endLine: 2, endColumn: 41 }],
    },
  ],
});
