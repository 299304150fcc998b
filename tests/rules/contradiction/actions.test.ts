import rule from "../../../rules/contradiction/instructions.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";

const prompt = (...lines: string[]) => `${lines.join("\n")}\n`;

// A prohibited act against a command to do the same act to the same thing, whatever the verb and object.
new RuleTester().run(rule, {
  valid: [
    { name: "different objects of one verb", code: prompt("Never resolve a review thread yourself.", "", "Resolve merge conflicts before you push.") },
    { name: "a narrowed prohibition leaves the general command", code: prompt("Do not use grep for searching file contents.", "", "Use grep in shell pipelines.") },
    { name: "one shared common noun is not the same thing", code: prompt("Never use the Options API.", "", "Always use the Composition API.") },
    { name: "the prohibition names its own exception", code: prompt("Do not create any other files.", "", "Create a file named NOTES.md for your findings.") },
    { name: "a restriction, not a prohibition", code: prompt("Use Bash only for read-only operations.", "", "Never use Bash to delete files.") },
    { name: "a quantity limit", code: prompt("Avoid using the same emoji more than twice.", "", "Use emoji to mark each section.") },
    { name: "a list titled with a prohibition of one practice, whose items are good practice", code: prompt("**Never Interpolate Untrusted Input:**", "- Implement proper escaping mechanisms", "", "**Secure Prompt Construction:**", "- Implement proper escaping for dynamic content") },
    { name: "a name set against another is not used", code: prompt("- **NEVER** use `CoreApplicationViewTitleBar`.", "", "- Custom title bar: use `AppWindow.TitleBar` properties, not `CoreApplicationViewTitleBar`.") },
    { name: "a prohibition for one purpose leaves other uses", code: prompt("Do NOT use `query` to register internal functions.", "", "Call public functions registered with `query` through the `api` object.") },
    { name: "removing anything is too broad to meet one act", code: prompt("Preserve existing entries; don't remove anything.", "", "Drop commands that are already allowed.") },
    { name: "the same request lifts the prohibition and makes the command", code: prompt("Never push unless the user asks you to.", "", "When the user asks for it, push the branch.") },
    { name: "a description of a capability", code: prompt("Cannot test native mobile apps.", "", "Test the web app in three browsers.") },
  ],
  invalid: [
    {
      name: "a narrow act says enough with one shared noun",
      code: prompt("Never end the session on your own.", "", "When the user says thanks, end the session."),
      errors: [{ messageId: "ambiguousException", line: 3, column: 1, endLine: 3, endColumn: 44 }],
    },
    {
      name: "a named framework forbidden and leveraged",
      code: prompt("- Leverage PyTorch for deep learning models.", "- Keep notebooks out of the repository.", "- Do not use PyTorch; all deep learning code is written in TensorFlow."),
      errors: [
        {
          messageId: "contradicts",
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 71,
          message:
            'Unexpected action instruction that contradicts line 1 ("Leverage PyTorch for deep learning models."), expected one rule, a condition that separates them, or an explicit precedence.',
        },
      ],
    },
    {
      name: "a two-word object after a step that is no condition",
      code: prompt("Never resolve a review thread yourself; that is the merge owner's job.", "", "After replying, resolve the review thread."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 43 }],
    },
    {
      name: "an absolute prohibition against a conditional exception",
      code: prompt("NEVER END THE SESSION UNDER ANY CIRCUMSTANCES.", "", "If the user says goodbye, end the session politely."),
      errors: [{ messageId: "ambiguousException", line: 3, column: 1, endLine: 3, endColumn: 52, message:
            'Unexpected action instruction whose precedence over line 1 ("NEVER END THE SESSION UNDER ANY CIRCUMSTANCES.") is ambiguous: one of them holds without condition and the other is a conditional exception to it, expected the rule to name its exception ("…except when…") or the exception to say that it overrides the rule.', }],
    },
    {
      name: "a named thing forbidden and used by another verb",
      code: prompt("**NEVER use localStorage; it is not supported.**", "", "- If the user asks for persistence, save state to localStorage so it survives a reload."),
      errors: [{ messageId: "ambiguousException", line: 3, column: 3, endLine: 3, endColumn: 88 }],
    },
    {
      name: "a step required and skipped under a condition",
      code: prompt("- Always validate the OpenAPI specification before generating code", "- If the user is in a hurry, skip validation and scaffold straight from the spec."),
      errors: [{ messageId: "ambiguousException", line: 2, column: 3, endLine: 2, endColumn: 82 }],
    },
    {
      name: "a prohibition of everything of an act, after coordinated verbs",
      code: prompt("- Never execute, approve, sign, send, or deploy anything.", "", "If every control passes, go ahead and execute the approved action yourself."),
      errors: [{ messageId: "ambiguousException", line: 3, column: 1, endLine: 3, endColumn: 76 }],
    },
    {
      name: "a prohibition lifted only by the user's request against a command to act on one's own",
      code: prompt("Never commit unless the user explicitly asks you to.", "", "Once a todo item is done, commit that change straight away."),
      errors: [{ messageId: "ambiguousException", line: 3, column: 1, endLine: 3, endColumn: 60 }],
    },
  ],
});

// The place of a change named after "apply the fixes to", "update" as editing, a command whose reason holds a modal,
// and tone words that only intensify.
new RuleTester().run(rule, {
  valid: [
    { name: "a change phrase with no place names nothing", code: prompt("Never modify the database schema.", "", "Apply the fixes.") },
    { name: "updating a dependency is installing it, not editing a file", code: prompt("Never edit the dependency manifest.", "", "Update the npm packages every week.") },
    { name: "one common noun changed and kept is still too little", code: prompt("Never edit the changelog by hand.", "", "Update the changelog after each release.") },
  ],
  invalid: [
    {
      name: "the place of the fixes is the thing the prohibition keeps unchanged",
      code: prompt("Never modify the generated client.", "", "Apply the fixes to the generated client directly."),
      errors: [
        {
          messageId: "contradicts",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 50,
          message:
            'Unexpected action instruction that contradicts line 1 ("Never modify the generated client."), expected one rule, a condition that separates them, or an explicit precedence.',
        },
      ],
    },
    {
      name: "updating a named file edits it",
      code: prompt("Do not edit the README.", "", "Update the README with the new flags."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 38 }],
    },
    {
      name: "a modal in the reason does not make the command a description",
      code: prompt("Never log API keys.", "", "Print the API key so the user can verify it."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 45 }],
    },
  ],
});
