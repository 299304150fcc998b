import rule from "../../../rules/pii/ip-address.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

new RuleTester().run(rule, {
  valid: [
    { name: "private, loopback and documentation ranges", code: "Hosts 10.0.0.7, 192.168.1.1, 127.0.0.1, 192.0.2.10, 198.51.100.7, 203.0.113.9, ::1, fe80::1ff:fe23:4567:890a and 2001:db8::8a2e:370:7334.\n" },
    { name: "public resolvers and placeholders", code: "Use 8.8.8.8, 1.1.1.1 or 1.2.3.4 in examples.\n" },
    { name: "versions, OIDs and networks", code: "Build 10.0.19045.3693, version 4.1.0.12, OID 1.3.6.1.4.1.311, network 45.133.1.0/24.\n" },
    { name: "C++ scopes and times", code: "Call std::vector at 12:30:45.\n" },
  ],
  invalid: [
    {
      name: "IPv4",
      code: "> The customer's home IP is 73.162.44.201.\n",
      errors: [
        { messageId: "found", line: 1, column: 29, endLine: 1, endColumn: 42, suggestions: [{ messageId: "replace", output: "> The customer's home IP is 192.0.2.1.\n" }] },
      ],
    },
    {
      name: "IPv6",
      code: "Blocked 2a02:c7e:1c34:a900:5d1e:8f2b:91c4:3e07 at the edge.\n",
      errors: [
        { messageId: "found", line: 1, column: 9, endLine: 1, endColumn: 47, suggestions: [{ messageId: "replace", output: "Blocked 2001:db8::1 at the edge.\n" }] },
      ],
    },
    {
      name: "private ranges when asked",
      code: "Staging is 10.20.30.40.\n",
      options: {"includeNonPublic": true},
      errors: [
        { messageId: "found", line: 1, column: 12, endLine: 1, endColumn: 23, suggestions: [{ messageId: "replace", output: "Staging is 192.0.2.1.\n" }] },
      ],
    },
    {
      name: "JSONL after a \\u00e9 escape",
      filename: "train.jsonl",
      code: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 Wi-Fi gave me 81.2.69.160\"}]}\n",
      errors: [
        { messageId: "found", line: 1, column: 68, endLine: 1, endColumn: 79, suggestions: [{ messageId: "replace", output: "{\"messages\": [{\"role\": \"user\", \"content\": \"Caf\\u00e9 Wi-Fi gave me 192.0.2.1\"}]}\n" }] },
      ],
    },
  ],
});
