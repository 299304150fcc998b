import rule from "../../../rules/contradiction/instructions.js";
import { RuleTester } from "../../../src/rule-tester/rule-tester.js";
import { contradicts, prompt } from "./messages.js";


// Coding-agent instruction files choose one tool per role (package manager, test runner, bundler, formatter,
// linter, ORM, styling, state, module system) and state the choice in many forms: a command, "we use X", "X is
// preferred", "our test runner is X", "prefer X over Y", a passive "are added via X".
new RuleTester().run(rule, {
  valid: [
    { name: "two package managers offered as a choice", code: prompt("Use npm or yarn to install packages.", "", "Run the scripts with yarn.") },
    { name: "a formatter and a linter are two roles", code: prompt("Format the code with Prettier.", "", "Lint with ESLint before you open a pull request.") },
    { name: "one tool named for two roles in one sentence", code: prompt("Use Biome for formatting and ESLint for linting.", "", "Format with Biome.") },
    { name: "a formatter in one clause and a linter in the next", code: prompt("Format Python code with Black and lint it with Ruff.", "", "Use Ruff for linting.") },
    { name: "a bundler for each folder", code: prompt("Use Vite in apps/web.", "", "Use webpack in apps/legacy-admin.") },
    { name: "a rule for the place named before it", code: prompt("We use pnpm.", "", "The docs site under docs/ is published with npm; run npm ci there.") },
    { name: "a leading folder narrows a plain convention", code: prompt("We use Vite as the bundler.", "", "In the packages/legacy folder, bundle with webpack.") },
    { name: "a forbidden tool and another of its role chosen", code: prompt("Never use Redux.", "", "Use Zustand for global state.") },
    { name: "the preferred tool repeated", code: prompt("pnpm is preferred over npm.", "", "Prefer pnpm for all installs.") },
    { name: "unit and end-to-end frameworks side by side", code: prompt("Use Jest for unit tests and Playwright for end-to-end tests.", "", "Write unit tests with Jest.") },
    { name: "a part of a tool is not the tool", code: prompt("Use only Tailwind utility classes for styling.", "", "We don't have access to a Tailwind compiler.") },
    { name: "a tool forbidden for one purpose", code: prompt("Style the app with Tailwind CSS.", "", "Do not use Tailwind CSS for the email templates.") },
    { name: "a tool named as an example of what to follow", code: prompt("Adhere to the conventions (e.g. Tailwind classes, Lucide icons).", "", "Do not use Tailwind CSS.") },
    { name: "a migration names the old tool and the new one", code: prompt("Use Vitest for new tests.", "", "Migrate tests from Jest to Vitest.") },
    { name: "precedence stated", code: prompt("Use npm for all scripts.", "", "If two rules conflict, the later one wins.", "", "We use pnpm.") },
  ],
  invalid: [
    {
      name: "we use one package manager, a command runs another",
      code: prompt("We use pnpm across the whole monorepo.", "", "Run `npm install` to add dependencies."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 39, message: contradicts("package manager", 1, "We use pnpm across the whole monorepo.") }],
    },
    {
      name: "a preferred package manager against a command",
      code: prompt("- pnpm is preferred.", "- Install packages with yarn."),
      errors: [{ messageId: "contradicts", line: 2, column: 3, endLine: 2, endColumn: 30, message: contradicts("package manager", 1, "pnpm is preferred.") }],
    },
    {
      name: "our test runner is one, new tests are written in another",
      code: prompt("Our test runner is Jest.", "", "Write new tests in Mocha."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 26, message: contradicts("test framework", 1, "Our test runner is Jest.") }],
    },
    {
      name: "a bare preference and a framework written in",
      code: prompt("Prefer pytest.", "", "Write tests as unittest.TestCase classes."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 42, message: contradicts("test framework", 1, "Prefer pytest.") }],
    },
    {
      name: "prefer one over another, then use the other",
      code: prompt("- Prefer Vitest over Jest.", "- Keep tests next to the code.", "- Use Jest for snapshot tests."),
      errors: [{ messageId: "contradicts", line: 3, column: 3, endLine: 3, endColumn: 31, message: contradicts("test framework", 1, "Prefer Vitest over Jest.") }],
    },
    {
      name: "a passive convention against a command",
      code: prompt("Dependencies are added via poetry add.", "", "Add new dependencies with pip install."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 39, message: contradicts("package manager", 1, "Dependencies are added via poetry add.") }],
    },
    {
      name: "two package managers of Apple platforms",
      code: prompt("Manage dependencies with CocoaPods.", "", "Add packages through Swift Package Manager."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 44, message: contradicts("package manager", 1, "Manage dependencies with CocoaPods.") }],
    },
    {
      name: "two JVM build tools",
      code: prompt("Build with Maven.", "", "Use Gradle for the build."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 26, message: contradicts("code convention", 1, "Build with Maven.") }],
    },
    {
      name: "two JavaScript formatters",
      code: prompt("Format code with Prettier.", "", "Use Biome to format files."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 27, message: contradicts("code convention", 1, "Format code with Prettier.") }],
    },
    {
      name: "two linters, the review verb naming its instrument",
      code: prompt("Lint with ESLint.", "", "The project is linted with Oxlint."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 35, message: contradicts("code convention", 1, "Lint with ESLint.") }],
    },
    {
      name: "two Python formatters",
      code: prompt("Format Python with Black.", "", "Use ruff format for formatting."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 32, message: contradicts("code convention", 1, "Format Python with Black.") }],
    },
    {
      name: "two bundlers",
      code: prompt("Use Vite as the bundler.", "", "Bundle with webpack."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 21, message: contradicts("code convention", 1, "Use Vite as the bundler.") }],
    },
    {
      name: "two styling approaches",
      code: prompt("Use Tailwind CSS for styling.", "", "Style components with styled-components."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 41, message: contradicts("code convention", 1, "Use Tailwind CSS for styling.") }],
    },
    {
      name: "two ORMs",
      code: prompt("This project uses Prisma for database access.", "", "Use Drizzle ORM for queries."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 29, message: contradicts("code convention", 1, "This project uses Prisma for database access.") }],
    },
    {
      name: "two module systems",
      code: prompt("Use ES modules.", "", "Use CommonJS require() in all files."),
      errors: [{ messageId: "contradicts", line: 3, column: 1, endLine: 3, endColumn: 37, message: contradicts("code convention", 1, "Use ES modules.") }],
    },
    {
      name: "an absolute rule and a rule for one folder",
      code: prompt("- When writing tests, ONLY use pytest.", "- In the legacy `billing/` package, write tests as `unittest.TestCase` subclasses to match what is already there."),
      errors: [{ messageId: "ambiguousException", line: 2, column: 3, endLine: 2, endColumn: 114 }],
    },
  ],
});
