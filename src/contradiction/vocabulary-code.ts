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
};

/** Groups of package managers that replace one another. */
const PACKAGE_MANAGERS: Record<string, string> = {
  npm: "js", pnpm: "js", yarn: "js", bun: "js",
  pip: "py", poetry: "py", uv: "py", pipenv: "py", conda: "py", pdm: "py", rye: "py", hatch: "py",
};

const TEST_NAMES = Object.keys(TEST_FRAMEWORKS).map((n) => n.replace(/[:]/g, "[: ]?").replace(/ /g, "\\s+")).join("|");
const PM_NAMES = Object.keys(PACKAGE_MANAGERS).join("|");

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
    re: /\btype (?:hints?|hinting|annotations?)\b|\btype-annotat(?:e|ed|ions?)\b|\bstatic typing\b|\bexplicit (?:return )?types\b|\btyped (?:function )?signatures\b/gi,
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
  { dimension: "test-framework", value: "*", re: new RegExp(`(?<![@./-])\\b(?:${TEST_NAMES})\\b(?!\\.mock|[/-]\\w)(?!\\s*\\/)`, "gi"), anchor: /\b(?:tests?|testing|specs?|suites?|test runner|unit|e2e|end-to-end|assertions?|mocks?|fixtures?|write|use|using|with|via|scripts?|automat\w*|browser)\b/i, loose: true },

  // Package manager.
  {
    dimension: "package-manager",
    value: "*",
    re: new RegExp(`\\b(?:${PM_NAMES})\\b(?! (?:packages?|modules?|registry|ecosystem|scripts?|audit|library|libraries|dependencies|deps|version|workspaces?)\\b)(?!\\.\\w)(?![-/])`, "gi"),
    anchor: /\b(?:use|using|with|via|run|install|installs|installing|add|adding|package manager|only|exclusively|manage|prefer|never|not|avoid|instead)\b/i,
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
