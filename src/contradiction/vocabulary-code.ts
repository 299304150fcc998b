/**
 * Code-style conventions that coding-agent instruction files (AGENTS.md, CLAUDE.md, `.cursor/rules`, Copilot
 * instructions) set and that clash when two of them disagree: indentation, naming case, string quotes, type hints,
 * licence headers, semicolons, the test framework, the package manager, committing, bullet markers.
 * Values of one-of dimensions carry their group ("js:pnpm"), so only alternatives of the same ecosystem clash.
 */
import type { ValuePattern } from "./vocabulary.js";

const INDENT_CONTEXT = /\bindent/i;
const CODE_CONTEXT =
  /\b(?:paths?|shell|command|commands|arguments?|bash|zsh|powershell|strings?|literals?|imports?|jsx|tsx|attributes?|props?|code|javascript|typescript|js|ts|python|ruby|php|dart|prettier|eslint|biome|black|ruff|keys?|json|yaml|css|html|template|f-strings?|docstrings?)\b/i;

/** Things whose names a convention sets. */
const NAMED_THINGS = /\b(?:names?|naming|named|tables?|collections?|endpoints?|resources?|routes?|models?|entities|entity|class(?:es)?|folders?|director(?:y|ies)|modules?|files?)\b/i;

/** Where a shell name is about the commands an agent writes or runs. */
const SHELL_CONTEXT = /\b(?:terminal|shell|commands?|scripts?|syntax|cli|console|prompt)\b/i;

/** Groups of test frameworks that replace one another. */
const TEST_FRAMEWORKS: Record<string, string> = {
  jest: "js", vitest: "js", mocha: "js", jasmine: "js", ava: "js", qunit: "js", "node:test": "js", "bun test": "js", tap: "js",
  pytest: "py", unittest: "py", nose: "py", nose2: "py",
  playwright: "e2e", cypress: "e2e", puppeteer: "e2e", selenium: "e2e", webdriverio: "e2e", testcafe: "e2e",
  junit: "jvm", testng: "jvm", spock: "jvm",
  rspec: "rb", minitest: "rb",
  phpunit: "php", pest: "php",
  xunit: "net", nunit: "net", mstest: "net",
  // Go: the standard `testing` package against assertion frameworks that replace its style.
  "testing package": "go", testify: "go", ginkgo: "go", gocheck: "go",
  karma: "js",
  uvu: "js", tape: "js",
  kotest: "kt", "junit5": "jvm",
  xctest: "swift", "swift testing": "swift",
  codeception: "php",
  nightwatch: "e2e",
  // React component tests: one library renders and queries the components.
  enzyme: "react", "react testing library": "react", "react-test-renderer": "react",
};

/** Groups of package managers that replace one another. */
const PACKAGE_MANAGERS: Record<string, string> = {
  npm: "js", pnpm: "js", yarn: "js", bun: "js",
  pip: "py", poetry: "py", uv: "py", pipenv: "py", conda: "py", pdm: "py", rye: "py", hatch: "py", mamba: "py", pixi: "py",
  cocoapods: "apple", carthage: "apple", "swift package manager": "apple", spm: "apple",
  nuget: "net", paket: "net",
  vcpkg: "cpp", conan: "cpp",
};

// Longest first, so "react testing library" is read before "testing", "swift package manager" before "swift".
const byLength = (names: string[]) => [...names].sort((a, b) => b.length - a.length);
const TEST_NAMES = byLength(Object.keys(TEST_FRAMEWORKS)).map((n) => n.replace(/[:]/g, "[: ]?").replace(/ /g, "\\s+")).join("|");
const PM_NAMES = byLength(Object.keys(PACKAGE_MANAGERS)).map((n) => n.replace(/ /g, "\\s+")).join("|");

/**
 * Tools that fill one role in a project: one bundler, one JavaScript formatter, one ORM... A rule naming another tool
 * of the same role is a choice between them. Each role's value carries the role as its group ("bundler:vite"), so
 * only tools of one role clash. A tool that fills two roles (Biome formats and lints, Ruff lints and formats) is read
 * in the role its clause names; names that are also common words (parcel, rollup, black) need that word too.
 */
interface ToolRole {
  role: string;
  /** Mention (lower case, spaces single) to canonical tool name. */
  names: Record<string, string>;
  /** The clause or its sentence must name the role. */
  anchor: RegExp;
  /** The role is named next to the mention ("format with Biome and lint with ESLint"): its tools fill other roles too. */
  local?: boolean;
}

const USE_WORDS = String.raw`use|using|uses|used|with|via|prefer\w*|standardi[sz]e\w*|migrat\w*|switch\w*|adopt\w*|rely|relies|write|written|only|never|avoid|instead|not`;

export const TOOL_ROLES: ToolRole[] = [
  { role: "bundler", names: { webpack: "webpack", vite: "vite", esbuild: "esbuild", turbopack: "turbopack", rspack: "rspack" }, anchor: new RegExp(String.raw`\b(?:bundl\w*|build\w*|dev server|${USE_WORDS})\b`, "i") },
  { role: "bundler", names: { rollup: "rollup", parcel: "parcel" }, anchor: /\b(?:bundl\w*|build\w*|dev server)\b/i },
  { role: "js-format", local: true, names: { prettier: "prettier", biome: "biome", dprint: "dprint" }, anchor: /\bformat\w*/i },
  { role: "js-lint", local: true, names: { eslint: "eslint", biome: "biome", oxlint: "oxlint" }, anchor: /\blint\w*/i },
  { role: "py-format", local: true, names: { black: "black", ruff: "ruff", yapf: "yapf", autopep8: "autopep8" }, anchor: /\bformat\w*/i },
  { role: "py-lint", local: true, names: { flake8: "flake8", pylint: "pylint", ruff: "ruff" }, anchor: /\blint\w*/i },
  { role: "py-types", names: { mypy: "mypy", pyright: "pyright", pytype: "pytype" }, anchor: new RegExp(String.raw`\b(?:type[- ]?check\w*|typing|types|${USE_WORDS})\b`, "i") },
  { role: "jvm-build", names: { maven: "maven", gradle: "gradle", sbt: "sbt" }, anchor: new RegExp(String.raw`\b(?:build\w*|${USE_WORDS})\b`, "i") },
  {
    role: "js-orm",
    names: { prisma: "prisma", drizzle: "drizzle", "drizzle orm": "drizzle", typeorm: "typeorm", sequelize: "sequelize", "mikro-orm": "mikro-orm", mikroorm: "mikro-orm", kysely: "kysely" },
    anchor: new RegExp(String.raw`\b(?:orm|database|db|quer(?:y|ies)|schema|models?|${USE_WORDS})\b`, "i"),
  },
  {
    role: "css",
    names: { tailwind: "tailwind", "tailwind css": "tailwind", tailwindcss: "tailwind", "css modules": "css-modules", "styled-components": "styled-components", "vanilla-extract": "vanilla-extract" },
    anchor: /\b(?:styl\w*|css|class(?:es|names?)?)\b/i,
  },
  { role: "react-state", names: { redux: "redux", "redux toolkit": "redux", zustand: "zustand", mobx: "mobx", jotai: "jotai", valtio: "valtio" }, anchor: /\b(?:state|stores?|global)\b/i },
  { role: "vue-state", names: { pinia: "pinia", vuex: "vuex" }, anchor: /\b(?:state|stores?|global)\b/i },
  { role: "js-modules", names: { "es modules": "esm", esm: "esm", "ecmascript modules": "esm", commonjs: "commonjs", cjs: "commonjs" }, anchor: new RegExp(String.raw`\b(?:modules?|imports?|exports?|syntax|require|${USE_WORDS})\b`, "i") },
];

/** Every tool name the value patterns know, for the extractor's first pass over a clause. */
export const TOOL_NAME_TRIGGER = new RegExp(
  [...Object.keys(TEST_FRAMEWORKS), ...Object.keys(PACKAGE_MANAGERS), ...TOOL_ROLES.flatMap((r) => Object.keys(r.names))]
    .filter((n) => n.length >= 3)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
  "i",
);

const SEGMENT_BREAK = /[,;]|\b(?:and|but|then|while|whereas)\b/gi;

/** The part of a clause around a mention, between the coordinations and commas that separate it from the others. */
export function segmentAround(text: string, start: number, end: number): string {
  let from = 0;
  for (const m of text.slice(0, start).matchAll(SEGMENT_BREAK)) from = m.index! + m[0].length;
  SEGMENT_BREAK.lastIndex = 0;
  const next = SEGMENT_BREAK.exec(text.slice(end));
  SEGMENT_BREAK.lastIndex = 0;
  return text.slice(from, next ? end + next.index : text.length);
}

/**
 * "under packages/legacy/", "in `apps/admin`": the folder a code convention is narrowed to ("dir:packages/legacy"),
 * or "" when the clause names none.
 */
export function folderScope(clause: string): string {
  // "Components go in src/components": where files are put is no narrower place for the rule.
  const m = /(?<!\b(?:go|goes|live|lives|belong|belongs|put|place|placed|store|stored|save|saved|kept|keep|located|create|created|move|moved|add|added)\s+(?:\w+\s+)?)\b(?:in|under|inside|within|for)\s+(?:the\s+)?([\w@.-]*\/[\w@./-]*)/i.exec(clause);
  return m ? `dir:${m[1]!.replace(/\/+$/, "")}` : "";
}

/** The value of a tool mention in a role ("bundler:vite"), or undefined when the role does not know it. */
export function roleToolValue(role: Pick<ToolRole, "role" | "names">, mention: string): string | undefined {
  const name = role.names[mention.toLowerCase().replace(/\s+/g, " ")];
  return name ? `${role.role}:${name}` : undefined;
}

const TOOL_PARTS = "compilers?|config(?:s|uration)?|files?|plugins?|presets?|schemas?|clients?|rules?|settings|options|docs|documentation|versions?|cli|servers?|stylesheets?|themes?|api|types|extensions?|errors?|warnings?|output|cache|migrations?|studio|devtools";

function rolePattern(role: ToolRole): ValuePattern {
  const names = byLength(Object.keys(role.names)).map((n) => n.replace(/ /g, "\\s+")).join("|");
  // "vite.config.ts", "eslint-plugin-react", "@prisma/client", "prettier/prettier": a file or a package, not the choice;
  // "the Tailwind compiler", "Prisma's schema", "a Vite plugin": a part of the tool, which a rule may be about alone.
  return {
    dimension: "convention",
    value: "*",
    role,
    re: new RegExp(`(?<![@./-])\\b(?:${names})\\b(?![./-]\\w)(?!['’]s\\b)(?!\\s+(?:${TOOL_PARTS})\\b)`, "gi"),
    anchor: role.anchor,
    loose: true,
  };
}

export const CODE_PATTERNS: ValuePattern[] = [
  // Indentation: tabs or spaces, and the width.
  {
    dimension: "indent",
    value: "tabs",
    re: /\b(?:hard )?tabs\b(?! (?:and|or|vs\.?|versus) spaces\b)(?! in (?:the )?(?:browser|ui|editor|terminal))|\btab characters?\b|\btab[- ]indent(?:ed|ation)?\b/gi,
    anchor: INDENT_CONTEXT,
    loose: true,
  },
  {
    dimension: "indent",
    value: "spaces",
    re: /\b(?:\d|two|four|eight|three)[- ]spaces?\b|\bspaces (?:for|as) indentation\b|\bsoft tabs\b|\bindent(?:ation|ed)? (?:\w+ ){0,3}?(?:with|using|in) spaces\b|\bspaces(?:,)? not tabs\b/gi,
    anchor: INDENT_CONTEXT,
    loose: true,
  },

  // Naming case (the target - variables, functions, files - is read from the clause).
  { dimension: "naming", value: "camel", re: /\b(?:lower )?camel[- ]?case(?:d)?\b|\bcamelCase\b|\blowerCamelCase\b/gi, loose: true },
  { dimension: "naming", value: "pascal", re: /\bpascal[- ]?case(?:d)?\b|\bPascalCase\b|\bupper ?camel ?case\b|\bUpperCamelCase\b/gi, loose: true },
  { dimension: "naming", value: "snake", re: /(?:\b|(?<=lower_))(?<!screaming[_ -]|upper[_ -]|all[_ -]caps[_ -])snake[_ -]?case(?:d)?\b|\blower[- ]?case\b[^.;:]{0,30}?\bunderscores\b/gi, loose: true },
  { dimension: "naming", value: "kebab", re: /\blower[- ]?case\b[^.;:]{0,30}?\b(?:hyphens|dashes|hyphenated)\b/gi, loose: true },
  { dimension: "naming", value: "kebab", re: /\bkebab[_ -]?case(?:d)?\b|\bdash[- ]case\b|\bspinal[- ]case\b/gi, loose: true },
  // "named like new-component.tsx", "name them e.g. user_routes.py": the example shows the case.
  { dimension: "naming", value: "kebab", re: /(?<=\b(?:[Nn]amed|[Nn]ame (?:it|them|(?:component |source |test )?files?|components?)|called) (?:like|as|e\.g\.?,?) )[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?:\.[a-z]{1,4})?\b/g, loose: true },
  { dimension: "naming", value: "snake", re: /(?<=\b(?:[Nn]amed|[Nn]ame (?:it|them|(?:component |source |test )?files?|components?)|called) (?:like|as|e\.g\.?,?) )[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\.[a-z]{1,4})?\b/g, loose: true },
  { dimension: "naming", value: "pascal", re: /(?<=\b(?:[Nn]amed|[Nn]ame (?:it|them|(?:component |source |test )?files?|components?)|called) (?:like|as|e\.g\.?,?) )(?:[A-Z][a-z0-9]+){2,}(?:\.[a-z]{1,4})?\b/g, loose: true },
  { dimension: "naming", value: "constant", re: /\b(?:screaming|upper|all[_ -]caps)[_ -]snake[_ -]?case\b|\bSCREAMING_SNAKE_CASE\b|\bUPPER_SNAKE_CASE\b|\bconstant[_ -]case\b/gi, loose: true },

  // String quotes in code.
  { dimension: "string-quotes", value: "single", re: /\bsingle[- ]quot(?:es?|ation marks?|ed)\b/gi, anchor: CODE_CONTEXT, loose: true },
  { dimension: "string-quotes", value: "double", re: /\bdouble[- ]quot(?:es?|ation marks?|ed)\b/gi, anchor: CODE_CONTEXT, loose: true },

  // Type hints / annotations.
  {
    dimension: "type-hints",
    value: "hints",
    re: /\btype (?:hints?|hinting|annotations?)\b|\bannotate(?: [\w-]+){0,3} with types\b|\bfully typed\b|\btype-annotat(?:e|ed|ions?)\b|\bstatic typing\b|\bexplicit (?:return )?types\b|\btyped (?:function )?signatures\b/gi,
    loose: true,
  },

  // Licence and copyright headers.
  {
    dimension: "license",
    value: "header",
    re: /\b(?:licen[cs]e|copyright|spdx)(?: [\w-]+)?(?: headers?| notices?| banners?| comments?| blocks?| identifiers?| lines?)\b|\b(?:MIT|Apache|GPL|BSD)(?: [\d.]+)? (?:licen[cs]e )?headers?\b/gi,
    loose: true,
  },

  // Semicolons at the end of statements.
  { dimension: "semicolons", value: "semicolons", re: /\bsemi-?colons?\b/gi, anchor: /\b(?:statements?|code|lines?|javascript|typescript|js|ts|always|never|omit|use|no|avoid|add|standard|style|prettier|asi)\b/i, loose: true },

  // Test framework.
  // "xUnit/NUnit/MSTest", "unittest.mock", "pytest-django", "@pytest.mark": alternatives, modules and plugins, not a choice.
  { dimension: "test-framework", value: "*", re: new RegExp(`(?<![@./-])\\b(?:${TEST_NAMES})\\b(?!\\.mock|[/-]\\w)(?!\\s*\\/)`, "gi"), anchor: /\b(?:tests?|testing|specs?|suites?|test runner|unit|e2e|end-to-end|assertions?|mocks?|fixtures?|write|use|using|with|via|scripts?|automat\w*|browser|prefer\w*|standardi[sz]e\w*)\b/i, loose: true },

  // Package manager.
  {
    dimension: "package-manager",
    value: "*",
    re: new RegExp(`\\b(?:${PM_NAMES})\\b(?! (?:packages?|modules?|registry|ecosystem|scripts?|audit|library|libraries|dependencies|deps|version|workspaces?)\\b)(?!\\.\\w)(?![-/])`, "gi"),
    anchor: /\b(?:use|using|with|via|run|install|installs|installing|add|adding|package manager|only|exclusively|manage|prefer\w*|standardi[sz]e\w*|never|not|avoid|instead)\b/i,
    loose: true,
  },

  // Singular or plural names ("table names in singular form", "name tables in the plural").
  { dimension: "convention", value: "number:singular", re: /\bsingular(?= (?:form|nouns?|names?)\b)|\bin (?:the )?singular\b/gi, anchor: NAMED_THINGS, loose: true },
  { dimension: "convention", value: "number:plural", re: /\bplural(?= (?:form|nouns?|names?)\b)|\bin (?:the )?plural\b|\bplurali[sz]ed?\b/gi, anchor: NAMED_THINGS, loose: true },

  // Conventions with two sides, each value carrying its group ("exports:named"): only the other side of one group clashes.
  { dimension: "convention", value: "exports:named", re: /\bnamed exports?\b/gi, loose: true },
  { dimension: "convention", value: "exports:default", re: /\bdefault exports?\b|\bexport default\b/gi, loose: true },
  { dimension: "convention", value: "shell:powershell", re: /(?<!\b(?:into|from|of|inside) (?:the |a |an |your |any )?)\bpowershell\b(?! (?:module|cmdlet|gallery)s?\b)/gi, anchor: SHELL_CONTEXT, loose: true },
  { dimension: "convention", value: "shell:posix", re: /(?<!\b(?:into|from|of|inside) (?:the |a |an |your |any )?)\b(?:bash|zsh|posix shell|posix sh)\b(?! (?:on|in) windows\b)/gi, anchor: SHELL_CONTEXT, loose: true },

  // Committing and pushing.
  {
    dimension: "commits",
    value: "commit",
    re: /(?<!\b(?:before|after|prior to|until|upon|per|each|every|between|pre|post)[- ](?:a |the |any |you |each |every |your )?(?:git )?)\b(?:git )?commit(?:ting)?\b(?![- ](?:messages?|history|hash(?:es)?|sha|ids?|logs?|titles?|body|bodies|conventions?|format|hooks?|style|summar(?:y|ies)|subjects?|lint|signing|graph|range|tree)\b)(?!\s+--?[a-z])(?! to (?:memory|learning|a plan|the plan|an approach|a decision|a course|excellence|quality))|\b(?:make|create) (?:a |the |any |new )?(?:git )?commits?\b(?! messages?)/gi,
    anchor: /\b(?:changes?|work|code|commit|commits|git|repo|repository|yourself|step|task|each|every|after|before|never|always|do not|don't|automatically|directly|without|frequently|often|atomic|small)\b/i,
    loose: true,
  },
  { dimension: "commits", value: "push", re: /(?<!force[- ])\bpush(?:es|ing|ed)?\b(?= (?:to|the|your|any|changes|commits|code|branch(?:es)?|it|them|upstream|directly)\b)|\bgit push\b(?! --force| -f\b)/gi, loose: true },
  { dimension: "commits", value: "force-push", re: /\bforce[- ]?push(?:es|ing|ed)?\b|\bpush --force\b/gi, loose: true },

  // Where changes land: on a branch of their own (or through a pull request) against straight on the main branch.
  {
    dimension: "convention",
    value: "branch:isolated",
    // The verb stays outside the mention ("without a PR"), where polarity is read.
    re: /\b(?:feature|topic|separate|dedicated|new|own|fresh|working) branch(?:es)?\b(?! names?\b)|(?<=\b(?:create|open|start|cut|make|use|check out)\s+(?:a|an)\s+)branch\b|(?<=\b(?:open|opening|create|creating|raise|raising|submit|submitting|file|send|through|via|in|without)\s+(?:(?:a|an)\s+)?(?:draft\s+|new\s+)?)(?:(?:pull|merge) requests?\b|(?:PR|MR)s?\b)/gi,
    anchor: /\b(?:branch\w*|pull request|merge request|PR|MR|changes?|commits?|work|main|master|trunk)\b/i,
    loose: true,
  },
  {
    dimension: "convention",
    value: "branch:direct",
    re: /\b(?:commit|push|merge)(?:ing|s|ed)? (?:\w+ ){0,3}?(?:directly|straight) (?:to|on|onto|into) (?:the )?(?:main|master|trunk|default)\b|\b(?:commit|work)(?:ing|s|ed)? (?:\w+ ){0,2}?(?:directly |straight )?on (?:the )?(?:main|master|trunk) branch\b/gi,
    loose: true,
  },

  // How a pull request is merged.
  { dimension: "convention", value: "merge:squash", re: /\bsquash[- ](?:and[- ])?merg(?:e|es|ed|ing)\b|\bsquash merges?\b/gi, loose: true },
  { dimension: "convention", value: "merge:rebase", re: /\brebase[- ](?:and[- ])?merg(?:e|es|ed|ing)\b|\brebase merges?\b/gi, loose: true },
  { dimension: "convention", value: "merge:commit", re: /\b(?:a |use |with |create )merge commits?\b/gi, loose: true },

  // One tool for each role (bundler, formatter, linter, ORM, styling, state, module system).
  ...TOOL_ROLES.map(rolePattern),
];

/** Targets of a naming rule, normalised to a singular noun. */
const NAMING_TARGETS: [RegExp, string][] = [
  [/\bvariables?\b|\bvars?\b|\blocals?\b/i, "variable"],
  [/\bfunctions?\b|\bmethods?\b|\bfuncs?\b/i, "function"],
  [/\bclass(?:es)?\b/i, "class"],
  [/\bcomponents?\b/i, "component"],
  [/\bfiles?(?: ?names?)?\b|\bfilenames?\b/i, "file"],
  [/\b(?:folders?|directories|directory|dirs?)\b/i, "directory"],
  [/\bconstants?\b|\bconsts?\b/i, "constant"],
  [/\btypes?\b|\binterfaces?\b|\benums?\b|\bstructs?\b|\btraits?\b/i, "type"],
  [/\bprops?\b|\bproperties\b|\bproperty\b|\battributes?\b|\bfields?\b|\bmembers?\b/i, "property"],
  [/\bhooks?\b/i, "hook"],
  [/\bcolumns?\b|\btables?\b|\bdatabase\b|\bsql\b/i, "database"],
  [/\b(?:json |object |api |dictionary |dict )?keys?\b|\bpayloads?\b/i, "key"],
  [/\bcss class(?:es|names?)?\b|\bclassnames?\b/i, "css"],
  [/\benvironment variables?\b|\benv vars?\b/i, "env"],
  [/\bbranch(?:es)?\b/i, "branch"],
  [/\burls?\b|\broutes?\b|\bslugs?\b|\bendpoints?\b|\bpaths?\b/i, "url"],
  [/\bparameters?\b|\bparams?\b|\barguments?\b|\bargs?\b/i, "parameter"],
  [/\bmodules?\b|\bpackages?\b/i, "module"],
  [/\btests?\b/i, "test"],
];

const MODIFIER = /\b(private|public|protected|local|global|static|exported|internal|instance|module-level|top-level|class-level|boolean|async|react|test|private)\s+(?:[a-z]+\s+)?$/i;

/**
 * What a naming rule is about ("camelCase for variables and functions" -> variable, function; "private fields" ->
 * "private property"); empty when unnamed.
 */
export function namingTargets(text: string): string[] {
  const out: string[] = [];
  // "component files", "test file names": the last noun is what gets the name.
  text = text.replace(/\b(?:[a-z]+\s+)(?=files?\b|file ?names?\b|filenames?\b)/gi, " ");
  // "environment variables" and "CSS classes" are their own targets, not variables and classes.
  let rest = text;
  for (const [re, name] of NAMING_TARGETS) {
    if (name !== "env" && name !== "css") continue;
    if (re.test(rest)) {
      out.push(name);
      rest = rest.replace(new RegExp(re.source, "gi"), " ");
    }
  }
  for (const [re, name] of NAMING_TARGETS) {
    if (name === "env" || name === "css") continue;
    const global = new RegExp(re.source, "gi");
    for (let m = global.exec(rest); m; m = global.exec(rest)) {
      const modifier = MODIFIER.exec(rest.slice(Math.max(0, m.index - 30), m.index));
      out.push(modifier ? `${modifier[1]!.toLowerCase()} ${name}` : name);
    }
  }
  return [...new Set(out)].sort();
}

/** Naming targets meet when they name the same kind of identifier; "variables" meets "local variables". */
export function targetsOverlap(a: readonly string[], b: readonly string[]): boolean {
  // Modules and files are named apart: in Ruby a module is a namespace ("CamelCase for modules, snake_case files").
  const noun = (t: string) => t.split(" ").pop()!;
  return a.some((x) => b.some((y) => x === y || ((x === noun(x) || y === noun(y)) && noun(x) === noun(y))));
}

/** The normalised name of a test framework or package manager mention, with its group ("js:vitest"). */
export function toolValue(dimension: "test-framework" | "package-manager", mention: string): string | undefined {
  const name = mention.toLowerCase().replace(/\s+/g, " ").replace(/^node ?:?test$/, "node:test");
  const table = dimension === "test-framework" ? TEST_FRAMEWORKS : PACKAGE_MANAGERS;
  const group = table[name];
  return group ? `${group}:${name}` : undefined;
}

/** The indentation width a mention names ("2-space", "four spaces"), when it names one. */
export function indentWidth(mention: string): number | undefined {
  const m = /\b(\d|two|three|four|eight)[- ]spaces?\b/i.exec(mention);
  if (!m) return undefined;
  const w = m[1]!.toLowerCase();
  return /^\d$/.test(w) ? Number(w) : ({ two: 2, three: 3, four: 4, eight: 8 } as Record<string, number>)[w];
}

/** Languages, file types and kinds of tests that narrow a code convention ("4 spaces for Python", "2 for YAML"). */
const CODE_SCOPES: [RegExp, string][] = [
  [/\bpython\b|\.py\b|\bpy files\b/i, "python"],
  [/\btypescript\b|\.tsx?\b|\bts files\b/i, "typescript"],
  [/\bjavascript\b|\.jsx?\b|\bjs files\b|\bnode(?:\.js)?\b/i, "javascript"],
  [/\b(?:go|golang)\b(?! (?:to|into|in|inside|under|through|with|ahead|back|over|beyond|for|on|there|here|first|wrong)\b)/i, "go"],
  [/\brust\b/i, "rust"],
  [/\bjava\b/i, "java"],
  [/\bkotlin\b/i, "kotlin"],
  [/\bswift\b/i, "swift"],
  [/\bc#|\bcsharp\b|\.net\b/i, "csharp"],
  [/\bc\+\+|\bcpp\b/i, "cpp"],
  [/\bruby\b|\brails\b/i, "ruby"],
  [/\bphp\b/i, "php"],
  [/\bya?ml\b/i, "yaml"],
  [/\bjson\b/i, "json"],
  [/\bmarkdown\b|\.md\b/i, "markdown"],
  [/\b(?:s?css|sass|less)\b/i, "css"],
  [/\bhtml\b/i, "html"],
  [/\bsql\b/i, "sql"],
  [/\b(?:shell|bash|zsh)\b/i, "shell"],
  [/\bmakefiles?\b/i, "makefile"],
  [/\bdocker(?:files?)?\b/i, "docker"],
  [/\bterraform\b|\bhcl\b/i, "terraform"],
  [/\bfront-?end\b|\bclient\b|\bui\b|\breact\b|\bvue\b|\bangular\b|\bsvelte\b/i, "frontend"],
  [/\bback-?end\b|\bserver\b|\bapi\b/i, "backend"],
  [/\bunit tests?\b/i, "unit"],
  [/\bintegration tests?\b/i, "integration"],
  [/\b(?:e2e|end-to-end|browser|ui) tests?\b/i, "e2e"],
  [/\bcomponent tests?\b/i, "component"],
];

/** The languages or parts of a codebase a convention is narrowed to, or "" for all code. */
/** A reason at the end of a rule ("so they line up with the frontend", "to match the JavaScript client"). */
const REASON_TAIL = /\s(?:so (?:that )?(?:they|it|we|the \w+) (?:match|line up|stay consistent|agree)|to (?:match|mirror|line up with|stay consistent with|be consistent with))\b[^.;]*/i;

export function codeScope(clause: string): string {
  const out: string[] = [];
  // "npm (keep package-lock.json in git)": a file named in a parenthetical note does not narrow the rule.
  // "functions use camelCase to match the JavaScript client": a reason names what the rule agrees with, not where it holds.
  const own = clause.replace(/\([^()]*\)/g, (m) => " ".repeat(m.length)).replace(REASON_TAIL, "");
  for (const [re, name] of CODE_SCOPES) if (re.test(own)) out.push(name);
  return out.join(" & ");
}
