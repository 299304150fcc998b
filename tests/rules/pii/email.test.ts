import rule from "../../../rules/pii/email.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { name: "reserved and documentation domains", code: "Write to jane.doe@example.com, ops@corp.example, a@b.test or admin@localhost.\n" },
    { name: "template placeholders", code: "Send it to {{customer_email}}, <EMAIL> or [EMAIL].\n" },
    { name: "role mailboxes", code: "Escalate to support@acme-home.net or security@acme-home.net.\n" },
    { name: "URL credentials and package specs", code: "Use postgres://app:secret@db.internal:5432/app and install @scope/pkg@1.2.3.\n" },
    { name: "an allowed value", code: "Press contact: dana.w@ourshop.io\n", options: {"allow": {"values": ["Dana.W@ourshop.io"]}} },
    { name: "an allowed pattern from settings", code: "Press contact: dana.w@ourshop.io\n", settings: {"pii": {"allow": {"patterns": ["@ourshop\\.io$"]}}} },
    { name: "comments switched off", code: "<!-- maintainer: dana.w@ourshop.io -->\n# Prompt\n", options: {"roles": {"comment": "off"}} },
  ],
  invalid: [
    {
      name: "markdown prose",
      code: "# Support\n\nExample ticket from maria.lopez84@gmail.com about a late parcel.\n",
      errors: [
        { messageId: "found", line: 3, column: 21, endLine: 3, endColumn: 44, suggestions: [{ messageId: "replace", output: "# Support\n\nExample ticket from jane.doe@example.com about a late parcel.\n" }] },
      ],
    },
    {
      name: "two addresses on one line",
      code: "CC: t.nowak@veloxa-logistics.com; li.wei@qq.com\n",
      errors: [
        { messageId: "found", line: 1, column: 5, endLine: 1, endColumn: 33, suggestions: [{ messageId: "replace", output: "CC: jane.doe@example.com; li.wei@qq.com\n" }] },
        { messageId: "found", line: 1, column: 35, endLine: 1, endColumn: 48, suggestions: [{ messageId: "replace", output: "CC: t.nowak@veloxa-logistics.com; jane.doe@example.com\n" }] },
      ],
    },
    {
      name: "JSONL after a \\u00e9 escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 order, email zoe.martin@laposte.net\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 67, endLine: 1, endColumn: 89, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 order, email jane.doe@example.com\"}]}\n" }] },
      ],
    },
    {
      name: "JSONL after a \\n escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Line one\\nmail: kwame.asante@gmail.com\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 104, endLine: 1, endColumn: 126, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Line one\\nmail: jane.doe@example.com\"}]}\n" }] },
      ],
    },
    {
      name: "role mailboxes when asked",
      code: "Escalate to support@acme-home.net.\n",
      options: {"includeRoleAddresses": true},
      errors: [
        { messageId: "found", line: 1, column: 13, endLine: 1, endColumn: 34, suggestions: [{ messageId: "replace", output: "Escalate to jane.doe@example.com.\n" }] },
      ],
    },
  ],
});
