import rule from "../../../rules/contradiction/instructions.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";
import { contradicts as contradictsOf, prompt } from "./messages.js";

const contradicts = (line: number, quoted: string) => contradictsOf("action", line, quoted);

// Changing or deleting a thing is a narrow act: one shared noun ("the tests", "the code") names the same thing,
// whatever verb of the family each rule uses (touch, modify, edit, update, apply fixes in; delete, remove).
new RuleTester().run(rule, {
  valid: [
    { name: "a change to another thing of the same name family", code: prompt("Don't modify the public API.", "", "Change the API docs when behaviour changes.") },
    { name: "updating a lockfile installs, it does not edit", code: prompt("Never edit the lockfile by hand.", "", "Update the lockfile with pnpm install.") },
    { name: "a prohibition naming its own exception", code: prompt("Do not modify any other files.", "", "Edit the config file to add the plugin.") },
    { name: "a prohibition narrowed by a relative clause", code: prompt("- Do NOT rewrite sections that haven't changed", "- Update the summary section if the design changed") },
    { name: "a prohibition of one manner of the act", code: prompt("Never edit the generated client by hand.", "", "Update the generated client after each schema change.") },
    { name: "a deletion allowed at a stated point", code: prompt("Do not delete migrations.", "", "Remove old migrations once they are squashed.") },
  ],
  invalid: [
    {
      name: "tests never touched, tests updated",
      code: prompt("Never touch the tests.", "", "Update the tests to match the new API."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 39, message: contradicts(1, "Never touch the tests.") }],
    },
    {
      name: "the code never modified, fixes applied in the code",
      code: prompt("Never modify the code under review; your job is to report.", "", "Apply fixes for critical vulnerabilities directly in the code, then mention them in the report."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 96, message: contradicts(1, "Never modify the code under review; your job is to report.") }],
    },
    {
      name: "snapshots never deleted, snapshots removed",
      code: prompt("- Do not delete snapshots.", "- Remove stale snapshots from the repository."),
      errors: [{ messageId: "contradicts", line: 2, column: 3, endLine: 2, endColumn: 46, message: contradicts(1, "Do not delete snapshots.") }],
    },
  ],
});
