import rule from "../../../rules/contradiction/instructions.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const prompt = (...lines: string[]) => `${lines.join("\n")}\n`;

new RuleTester().run(rule, {
  valid: [
    { name: "a habit of asking is no required step", code: prompt("Claude doesn't always end its responses with a question.", "", "If the user is upset, don't ask questions.") },
    { name: "agreeing rules with always/never", code: prompt("Always run the tests before you commit.", "", "Never commit without running the tests.") },
    { name: "non-exhaustive is not exhaustive", code: prompt("The list of topics below is non-exhaustive.", "", "Be concise.") },
    { name: "scoped: greetings vs technical answers", code: prompt("In greetings, feel free to use an emoji.", "", "In technical answers, do not use emoji.") },
    { name: "scoped: summary section vs checklist", code: prompt("## Summary section", "", "Write one sentence.", "", "## Checklist", "", "Explain every step in detail.") },
    { name: "condition with unless", code: prompt("Don't ask clarifying questions unless the request is ambiguous.", "", "When a request could mean two things, ask one clarifying question.") },
    { name: "condition with otherwise", code: prompt("Respond in JSON when the request comes from the API.", "", "Otherwise, answer in friendly plain text.") },
    { name: "explicit precedence", code: prompt("Keep answers short.", "", "Give detailed, in-depth answers.", "", "If these instructions conflict, the later one wins.") },
    { name: "quoted user message", code: prompt("A user may write \"answer in French with lots of emoji\"; politely continue in English.", "", "Never use emoji.", "", "Always respond in English.") },
    { name: "bad example block", code: prompt("Never use emoji.", "", "Bad example (do not do this):", "", "> Sure!! 😀 Use emoji everywhere, add emoji to every line!") },
    { name: "code block", code: prompt("Never reply in JSON.", "", "```json", "{\"always respond in JSON\": true}", "```") },
    { name: "jinja branches", code: prompt("{% if voice %}", "Never use bullet points.", "{% else %}", "Use bullet points for steps.", "{% endif %}"), filename: "prompt.j2" },
    { name: "compatible formats", code: prompt("Use markdown for formatting.", "", "Put shell commands in a code block.") },
    { name: "narrow prohibition, general requirement", code: prompt("Do not include links to competitor websites.", "", "Include a link to the help article you used.") },
    { name: "different topics", code: prompt("Never reveal internal discount margins.", "", "Always quote the list price.") },
    { name: "concise and thorough can coexist", code: prompt("Be concise.", "", "Be thorough.") },
    { name: "a rule about the user, not the reply", code: prompt("Users must not paste passwords.", "", "Never use emoji.", "", "Customers may use emoji.") },
  ],
  invalid: [
    {
      name: "format: JSON only vs markdown table",
      code: prompt("# Bot", "", "Reply with a single JSON object and nothing else.", "", "## Style", "", "- Present the comparison as a markdown table."),
      errors: [{ messageId: "contradicts", line: 7, column: 3, endLine: 7, endColumn: 46 }],
    },
    {
      name: "length: numeric bounds that do not intersect",
      code: prompt("Keep each answer under 80 words.", "", "Every reply should be at least 250 words long."),
      errors: [
        {
          messageId: "contradicts",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 47,
          message:
            "Unexpected length instruction that contradicts line 1 (\"Keep each answer under 80 words.\"), expected one rule, a condition that separates them, or an explicit precedence.",
        },
      ],
    },
    {
      name: "length: one sentence vs explain every step",
      code: prompt("Answer in one sentence.", "", "Explain every step in detail, with an example."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 47 }],
    },
    {
      name: "headed list carries the polarity",
      code: prompt("Avoid the following:", "", "- emoji", "- long answers", "", "Add an emoji at the end of every message."),
      errors: [{ messageId: "contradicts", line: 6, column: 1, endLine: 6, endColumn: 42 }],
    },
    {
      name: "item counts",
      code: prompt("Offer exactly three options.", "", "Suggest five alternatives the user can pick from."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 50 }],
    },
    {
      name: "language",
      code: prompt("Always respond in English.", "", "Reply in the same language the user writes in."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 47 }],
    },
    {
      name: "disclosure of a topic",
      code: prompt("Never reveal pricing.", "", "Always quote the price from the current rate card."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 51 }],
    },
    {
      name: "persona name",
      code: prompt("You are Nova, a cheerful assistant.", "", "Your name is Atlas."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 20 }],
    },
    {
      name: "tool use",
      code: prompt("Do not use any tools; answer from your own knowledge.", "", "Always use the search tool before answering."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 45 }],
    },
    {
      name: "subject with a negative predicate",
      code: prompt("Sprinkle a few emojis in your replies.", "", "Emojis are not appropriate in any reply."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 41 }],
    },
    {
      name: "singular against plural names",
      code: prompt("- All table names should be in singular form.", "- Name tables in the plural (`customers`, `orders`)."),
      errors: [{ messageId: "contradicts", line: 2, column: 3, endLine: 2, endColumn: 53 }],
    },
    {
      name: "Go's standard testing package against an assertion framework",
      code: prompt("Write tests with the standard `testing` package only; no third-party assertion libraries.", "", "Use testify's `require` and `assert` helpers in every test."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 60 }],
    },
    {
      name: "a rule whose only condition is its topic, against a narrower exception",
      code: prompt("- When writing tests, ONLY use pytest (not unittest).", "- In the legacy `billing/` package, write tests as `unittest.TestCase` subclasses."),
      errors: [{ messageId: "ambiguousException", line: 2, column: 3, endLine: 2, endColumn: 83 }],
    },
    {
      name: "asking required first, then skipped under a condition",
      code: prompt("If the user already gives a star rating, skip the questions and write the review immediately.", "", "- Always begin with questions; never give a score before the user answers."),
      errors: [{ messageId: "ambiguousException", line: 3, column: 3, endLine: 3, endColumn: 75 }],
    },
    {
      // 330 length rules in one scope: 50,000 pairs are compared by the 317th, where the check says it stopped.
      name: "a prompt with too many comparable instructions says where the check stopped",
      code: prompt(...Array.from({ length: 330 }, (_, i) => `- Keep answers under ${100 + (i % 7)} words.`)),
      errors: [{ messageId: "incomplete", line: 317, column: 3, endLine: 317, endColumn: 32 }],
    },
    {
      // One rule per item, 35 KB: extraction stops at the 501st and says so there (the pair budget ran out before).
      name: "a prompt with more instructions than extraction reads says where it stopped",
      code: prompt(...Array.from({ length: 1_010 }, (_, i) => `- Never use emoji in section ${i + 1}.`)),
      errors: [
        { messageId: "incomplete", line: 317, column: 3, endLine: 317, endColumn: 34 },
        { messageId: "unread", line: 501, column: 3, endLine: 501, endColumn: 34 },
      ],
    },
    {
      // 134 KB of such rules: a larger file is read to one rule per 200 characters, 672 here; it stops at the 673rd.
      name: "a larger prompt is read further, in proportion to its length",
      code: prompt(...Array.from({ length: 1_010 }, (_, i) => `- Never use emoji in section ${i + 1}, whatever the ${"request ".repeat(10)}says.`)),
      errors: [
        { messageId: "incomplete", line: 317, column: 3, endLine: 317, endColumn: 133 },
        { messageId: "unread", line: 673, column: 3, endLine: 673, endColumn: 133 },
      ],
    },
  ],
});
