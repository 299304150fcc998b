import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import rule from "../../../rules/contradiction/examples.js";
import { lintDocument } from "../../../src/engine/linter.js";
import { parseDocument } from "../../../src/parse/index.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const prompt = (...lines: string[]) => `${lines.join("\n")}\n`;

new RuleTester().run(rule, {
  valid: [
    {
      name: "a citation rule that does not say what a citation looks like",
      code: prompt("Always use appropriate citations in your responses.", "", "User: What helps with a headache?", "Assistant: Rest in a dark room, drink water and try a cold compress on your forehead for ten minutes or so."),
    },
    {
      name: "a rule about which sources to cite, not whether",
      code: prompt("Only cite sources [like this] that change the answer.", "", "User: What helps with a headache?", "Assistant: Rest in a dark room, drink water and try a cold compress on your forehead for ten minutes or so."),
    },
    {
      name: "a short reply states nothing that needs a source",
      code: prompt("Cite the source of every fact as [1], [2] and so on.", "", "User: hi", "Assistant: Hello! What would you like to know today?"),
    },
    {
      name: "a citation format in a tool's definition applies to what the tool writes",
      code: prompt('<function>{"description": "Creates a document. Cite all claims with numbered references [1], [2]."}</function>', "", "User: What helps with a headache?", "Assistant: Rest in a dark room, drink water and try a cold compress on your forehead for ten minutes or so."),
    },
    {
      name: "JSON example under a JSON-only rule",
      code: prompt("Respond only with a JSON object.", "", "<example>", "User: I was charged twice.", "Assistant: {\"category\": \"payments\"}", "</example>"),
    },
    {
      name: "plain reply under a no-emoji rule",
      code: prompt("Never use emoji.", "", "<example>", "User: Is Tuesday free?", "Assistant: Yes, Tuesday at 9:15 is free.", "</example>"),
    },
    {
      name: "a scoped rule does not bind the whole example",
      code: prompt("In greetings, never use emoji.", "", "<example>", "User: Thanks!", "Assistant: You're welcome 😊", "</example>"),
    },
    {
      name: "a rule that bans only some questions leaves an example question alone",
      code: prompt("Never ask compound questions.", "", "Customer: My order is late.", "Agent: Sorry about that. What is the order number?"),
    },
    {
      name: "a preference leaves room for a longer example",
      code: prompt("Prefer one or two short sentences.", "", "Q: Why is the sky blue?", "A: Sunlight scatters off air molecules. Blue light scatters most. So the sky looks blue."),
    },
    {
      name: "a count of things the reply does not produce",
      code: prompt("Prefer a carousel for 4-10 browsable images.", "", "User: Show me beaches.", "Assistant:", "- Bondi", "- Manly"),
    },
    {
      name: "bullet points where helpful leave a prose reply alone",
      code: prompt("Use bullet points where helpful.", "", "User: How do I reset my password?", "Assistant: Open Settings and choose Security. Then pick Reset password."),
    },
    {
      name: "a rule on how to write links, not that every reply has one",
      code: prompt("Do not make up URLs; you must use the links the search tool returned.", "", "User: How do I reset my password?", "Assistant: Open Settings and choose Security, then pick Reset password and follow the steps in the email."),
    },
    {
      name: "a letter-case rule narrowed to headings leaves a capitalised reply alone",
      code: prompt("Write section headings in lowercase.", "", "User: Where is my order?", "Assistant: Your order ships Monday."),
    },
    {
      name: "a reply that opens and closes with the phrases the rules give, in other punctuation",
      code: prompt("Always start your reply with \"Hi there\".", "Always end every reply with 'Anything else?'", "", "User: Hello", "Assistant: Hi there! Your parcel left the depot today. Anything else"),
    },
    {
      name: "a phrase for one message of the conversation, not for every reply",
      code: prompt("Always end the conversation with \"Goodbye\".", "", "User: Hello", "Assistant: Hello, how can I help?"),
    },
    {
      name: "a reply wrapped in curly double quotes, with a title and a postscript",
      code: prompt("Wrap your entire response in double quotation marks.", "Always include a title in your answer, wrapped in double angular brackets, such as <<poem of joy>>.", "At the end of your response, add a postscript starting with P.S.", "", "User: Write a haiku.", "Assistant: \u201c<<autumn>> leaves fall softly down. P.S. enjoy\u201d"),
    },
  ],
  invalid: [
    {
      name: "a written transcript: the agent's reply asks a question under a no-questions rule",
      code: prompt("Never ask the customer questions; answer with what you have.", "", "Customer: My parcel has not arrived.", "Agent: I'm sorry to hear that. Could you share the tracking number?"),
      errors: [{ messageId: "violates", line: 4, column: 8, endLine: 4, endColumn: 68 }],
    },
    {
      name: "a chat-template model turn lists more recipes than the exact count",
      code: prompt(
        "---",
        "model: googleai/gemini-2.0-flash",
        "---",
        "{{role \"system\"}}",
        "Suggest exactly three recipes, each on its own line with the cooking time.",
        "",
        "{{role \"user\"}}",
        "I have rice and eggs.",
        "",
        "{{role \"model\"}}",
        "1. Egg fried rice",
        "2. Rice omelette",
        "3. Congee with egg",
        "4. Egg and rice soup",
      ),
      filename: "recipes.prompt",
      errors: [{ messageId: "violates", line: 11, column: 1, endLine: 14, endColumn: 21 }],
    },
    {
      name: "an example reply names a competitor the rule lists",
      code: prompt("Do not mention other booking sites (for example Expedia, Kayak or Trivago).", "", "Traveller: Is this cheaper elsewhere?", "Agent: Our rate beats Kayak for these dates."),
      errors: [{ messageId: "violates", line: 4, column: 23, endLine: 4, endColumn: 28 }],
    },
    {
      name: "an example reply signs with another name than the persona",
      code: prompt("You are Maya, the front-desk assistant of Harbour Dental.", "", "Patient: Can I move my cleaning to Friday?", "Maya: Of course, Friday at 10 works. I'm Jess, by the way."),
      errors: [{ messageId: "violates", line: 4, column: 42, endLine: 4, endColumn: 46 }],
    },
    {
      name: "prose example under a JSON-only rule",
      code: prompt("Respond only with a JSON object.", "", "<example>", "User: I was charged twice.", "Assistant: This is a payments issue.", "</example>"),
      errors: [
        {
          messageId: "violates",
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 37,
          message:
            "Unexpected example reply with prose, not JSON, expected it to follow the output format instruction on line 1 (\"Respond only with a JSON object.\").",
        },
      ],
    },
    {
      // The finding points at the code block, which belongs to the reply it follows without a blank line.
      name: "a code block inside a written reply under a no-code rule",
      code: prompt("Never include code or commands in answers.", "", "Staff: Is this link safe?", "Assistant: Check the address, or run", "```", "nslookup example.test", "```", "and compare the result."),
      errors: [{ messageId: "violates", line: 5, column: 1, endLine: 7, endColumn: 4 }],
    },
    {
      // The finding points at the list, not at the reply's first line.
      name: "a list under a no-list rule, after a line of prose",
      code: prompt("Write tips as a short paragraph, never as a list.", "", "User: How do I cut my heating bill?", "Assistant: Turn the thermostat down a degree. Also:", "- bleed the radiators", "- close the curtains at dusk"),
      errors: [{ messageId: "violates", line: 5, column: 1, endLine: 6, endColumn: 29 }],
    },
    {
      name: "an example reply without the citation marker every fact needs",
      code: prompt("Cite the source of every fact as [1], [2] and so on.", "", "User: What helps with a headache?", "Assistant: Rest in a dark room, drink water and try a cold compress on your forehead for ten minutes or so."),
      errors: [{ messageId: "violates", line: 4, column: 12, endLine: 4, endColumn: 108 }],
    },
    {
      name: "emoji in an example under a no-emoji rule",
      code: prompt("Never use emoji.", "", "<example>", "User: Can I move it to Friday?", "Assistant: Done! 😊 See you Friday.", "</example>"),
      errors: [{ messageId: "violates", line: 5, column: 18, endLine: 5, endColumn: 20 }],
    },
    {
      name: "too long for the word limit",
      code: prompt(
        "Keep every answer under 10 words.",
        "",
        "<example>",
        "User: Why are easy runs slow?",
        "Assistant: Easy runs are slow on purpose because they build your aerobic base and let you recover.",
        "</example>",
      ),
      errors: [{ messageId: "violates", line: 5, column: 12, endLine: 5, endColumn: 99 }],
    },
    {
      name: "a reply of two sentences and no list, under a rule that every answer is bullet points",
      code: prompt("Always answer in bullet points.", "", "User: How do I reset my password?", "Assistant: Open Settings and choose Security. Then pick Reset password and follow the email link."),
      errors: [{ messageId: "violates", line: 4, column: 12, endLine: 4, endColumn: 98 }],
    },
    {
      name: "a reply with no link under a rule that every answer links the help article",
      code: prompt("Every answer must include a link to the relevant help article.", "", "User: How do I reset my password?", "Assistant: Open Settings and choose Security, then pick Reset password and follow the link in the email we send you."),
      errors: [{ messageId: "violates", line: 4, column: 12, endLine: 4, endColumn: 117 }],
    },
    {
      name: "a capital letter under an all-lowercase rule",
      code: prompt("Write your entire response in lowercase letters.", "", "User: Where is my order?", "Assistant: your order ships on Monday."),
      errors: [{ messageId: "violates", line: 4, column: 32, endLine: 4, endColumn: 33 }],
    },
    {
      name: "a lower-case letter under an all-capitals rule",
      code: prompt("Your answer must be in English and in all capital letters.", "", "User: Is it open?", "Assistant: YES, UNTIL 9pm."),
      errors: [{ messageId: "violates", line: 4, column: 24, endLine: 4, endColumn: 25 }],
    },
    {
      name: "a comma under a no-commas rule",
      code: prompt("Do not use any commas in your response.", "", "User: Where is my order?", "Assistant: It ships on Monday, so expect it by Friday."),
      errors: [{ messageId: "violates", line: 4, column: 30, endLine: 4, endColumn: 31 }],
    },
    {
      name: "a reply that ends otherwise than every reply must",
      code: prompt("Always end every reply with \"Is there anything else I can help with?\"", "", "Customer: Where is my order?", "Agent: It ships on Monday."),
      errors: [{ messageId: "violates", line: 4, column: 8, endLine: 4, endColumn: 27 }],
    },
    {
      name: "a reply that opens otherwise than the rule says",
      code: prompt("You must always begin your answer with 'Certainly!'", "", "Q: Can I return shoes?", "A: Yes, within 30 days."),
      errors: [{ messageId: "violates", line: 4, column: 4, endLine: 4, endColumn: 24 }],
    },
    {
      name: "no postscript, no title and no quotation marks around the reply, each rule its own finding",
      code: prompt(
        "Wrap your entire response in double quotation marks.",
        "At the end of your response, add a postscript starting with P.S.",
        "Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>.",
        "",
        "User: Write a haiku.",
        "Assistant: Leaves fall softly down",
      ),
      errors: [
        { messageId: "violates", line: 6, column: 12, endLine: 6, endColumn: 35 },
        { messageId: "violates", line: 6, column: 12, endLine: 6, endColumn: 35 },
        { messageId: "violates", line: 6, column: 12, endLine: 6, endColumn: 35 },
      ],
    },
    {
      name: "a postscript under a rule against one",
      code: prompt("Never add a P.S. to your replies.", "", "User: Thanks!", "Assistant: You're welcome.", "P.S. Come back soon."),
      errors: [{ messageId: "violates", line: 5, column: 1, endLine: 5, endColumn: 5 }],
    },
    {
      name: "a postscript inside the reply's line",
      code: prompt("Do not include a postscript in your response.", "", "User: Thanks!", "Assistant: You're welcome. P. S. Come back soon."),
      errors: [{ messageId: "violates", line: 4, column: 28, endLine: 4, endColumn: 33 }],
    },
  ],
});

describe("contradiction/examples with an attached JSONL file", () => {
  it("reports the frontmatter key with a related location in the JSONL file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "promptvet-examples-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const record = (u: string, a: string) => JSON.stringify({ messages: [{ role: "user", content: u }, { role: "assistant", content: a }] });
    writeFileSync(join(dir, "support.jsonl"), `${record("Hi", "{\"label\": \"other\"}")}\n${record("Too small", "They want a bigger size.")}\n`);
    const source = prompt("---", "examples: ./support.jsonl", "---", "", "Reply with a single JSON object and nothing else.");
    const path = join(dir, "prompt.md");
    const document = parseDocument({ path, source, format: "markdown", bom: false });
    const { messages } = await lintDocument(document, { rules: [{ rule, severity: 2 }] });
    const found = messages.filter((m) => m.ruleId === rule.meta.id);
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(2);
    expect(found[0]!.related?.[1]).toMatchObject({ filePath: join(dir, "support.jsonl"), line: 2, message: "example reply" });
    expect(found[0]!.message).toContain("support.jsonl line 2");
  });

  it("does not read an attached file outside the prompt's repository or folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "promptvet-examples-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const record = (u: string, a: string) => JSON.stringify({ messages: [{ role: "user", content: u }, { role: "assistant", content: a }] });
    writeFileSync(join(dir, "support.jsonl"), `${record("Too small", "They want a bigger size.")}\n`);
    mkdirSync(join(dir, "prompts"));
    const source = prompt("---", "examples: ../support.jsonl", "---", "", "Reply with a single JSON object and nothing else.");
    const document = parseDocument({ path: join(dir, "prompts", "prompt.md"), source, format: "markdown", bom: false });
    const { messages } = await lintDocument(document, { rules: [{ rule, severity: 2 }] });
    expect(messages.filter((m) => m.ruleId === rule.meta.id)).toEqual([]);
  });
});
