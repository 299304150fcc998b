import rule from "../../../rules/contradiction/instructions.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";
import { contradicts, prompt } from "./messages.js";


// Where changes land (a branch of their own or a pull request, against straight on the main branch), how pull
// requests are merged, and the branch a push or commit goes to.
new RuleTester().run(rule, {
  valid: [
    { name: "a branch, a pull request and no direct push agree", code: prompt("Create a feature branch, open a PR, and never push directly to main.", "", "Keep pull requests small.") },
    { name: "no direct push, a pull request instead", code: prompt("Never push directly to main; open a pull request instead.", "", "Work on a feature branch.") },
    { name: "a squash merge and a rebase before review", code: prompt("Use squash merges.", "", "Rebase your branch onto main before opening a PR.") },
    { name: "pushing to another branch", code: prompt("Do not push to main.", "", "Push your changes to the release branch when tests pass.") },
    { name: "branch names are not branches", code: prompt("Branch names use kebab-case.", "", "Commit directly to main.") },
    { name: "a prohibition on one branch leaves commits elsewhere", code: prompt("Never commit directly to main.", "", "Commit your work after each task.") },
  ],
  invalid: [
    {
      name: "a feature branch always, a commit straight to main",
      code: prompt("Always work on a feature branch.", "", "Commit directly to main."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 25, message: contradicts("code convention", 1, "Always work on a feature branch.") }],
    },
    {
      name: "a pull request always, a merge without one",
      code: prompt("- Always open a pull request for review.", "- Merge your own changes into main without a PR."),
      errors: [{ messageId: "contradicts", line: 2, column: 3, endLine: 2, endColumn: 49, message: contradicts("code convention", 1, "Always open a pull request for review.") }],
    },
    {
      name: "no new branches, a branch per feature",
      code: prompt("Never create new branches.", "", "Create a branch for each feature."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 34, message: contradicts("code convention", 1, "Never create new branches.") }],
    },
    {
      name: "two merge strategies",
      code: prompt("Use squash merges.", "", "Always rebase and merge."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 25, message: contradicts("code convention", 1, "Use squash merges.") }],
    },
    {
      name: "no push to main, a push of the changes straight to main",
      code: prompt("Do not push to main.", "", "When the tests pass, push your changes directly to main."),
      errors: [{ messageId: "ambiguousException", line: 3, column: 1, endLine: 3, endColumn: 57 }],
    },
  ],
});
