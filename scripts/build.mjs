// Bundles the CLI (dist/cli.cjs) and the rule-author API (dist/index.js) into dist/, and writes the config JSON
// Schema, the cases schema and the README's rule list.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

// Build into a fresh folder and swap it in: stale chunks never pile up, and a run that is using
// dist/ at that moment sees either the old bundle or the new one.
const staging = `dist.${process.pid}.tmp`;
rmSync(staging, { recursive: true, force: true });

/** What every bundle here shares: Node 20, no source maps, warnings only. */
const NODE_BUNDLE = { bundle: true, platform: "node", target: "node20", sourcemap: false, logLevel: "warning" };

// The library API (`import { defineRule } from "promptvet"`): a small ES module. The rule tester
// (`promptvet/rule-tester`) is an entry of its own: it carries the parser and linter, which a plugin that only
// defines rules must not load a second time inside a lint run.
await build({
  ...NODE_BUNDLE,
  entryPoints: { index: "src/index.ts", "rule-tester": "src/rule-tester/index.ts" },
  outdir: staging,
  format: "esm",
  // As in the CLI: the template engines stay packages of their own (dependencies); jsonc-parser's UMD entry
  // cannot be bundled, its ES module build can.
  external: ["handlebars", "nunjucks", "mustache"],
  mainFields: ["module", "main"],
  // The parser's CommonJS dependencies call require() for Node built-ins; ESM output needs a real one.
  banner: { js: 'import { createRequire as __promptvetCreateRequire } from "node:module"; const require = __promptvetCreateRequire(import.meta.url);' },
});

// Type declarations of that API (dist/types), for rule authors writing TypeScript.
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.types.json", "--outDir", `${staging}/types`], { stdio: "inherit" });

// Build-time helpers (schemas, the README's rule list): bundled beside the staging folder, used below, not shipped.
const supportDir = `build-support.${process.pid}.tmp`;
await build({
  ...NODE_BUNDLE,
  entryPoints: { "build-support": "src/build-support.ts" },
  outdir: supportDir,
  outExtension: { ".js": ".mjs" },
  format: "esm",
  packages: "bundle",
  // CommonJS packages the code loads with import(): left to Node, which gives them their named exports.
  external: ["yaml", "handlebars", "nunjucks", "mustache", "llama3-tokenizer-js"],
  // Prefer ES module builds: jsonc-parser's UMD entry resolves its parts at run time and cannot be bundled.
  mainFields: ["module", "main"],
  // Bundled CommonJS dependencies call require() for Node built-ins; ESM output needs a real one.
  banner: { js: 'import { createRequire as __promptvetCreateRequire } from "node:module"; const require = __promptvetCreateRequire(import.meta.url);' },
});

// The rule catalog (every built-in rule's meta, and a loader of its module) from the rules themselves, before
// the command line is bundled: the command line loads a rule's module only when a run enables the rule.
const support = await import(`../${supportDir}/build-support.mjs`);
const { writeRuleCatalog } = await import("./gen-rule-catalog.mjs");
writeRuleCatalog(support.builtinRules);
// The contradiction extractor's value-pattern literals, for the same bundle.
const { writeValueLiterals } = await import("./gen-value-literals.mjs");
writeValueLiterals(support.valueLiteralsSource);

// The command line: one CommonJS file, because Node 20 can give a classic script V8's code cache
// (bin/promptvet.js does) but not an ES module; lazily imported parts become lazily initialised
// functions inside it. The Llama 3 vocabulary (3 MB, rarely needed) stays a file of its own.
const LLAMA3_FILE = "./llama3-tokenizer.mjs";
// Code compiled with a V8 code cache cannot call import() on Node 20 (the host's import callback is lost), so
// the bundle's remaining import() calls (user configs and plugins, Node built-ins, the Llama 3 file) go through
// an importer the launcher passes in; relative specifiers are resolved against dist/ first.
const IMPORT_SHIM = [
  "const __promptvetImport = (specifier) => {",
  '  const target = /^\\.\\.?\\//.test(specifier) ? require("node:url").pathToFileURL(require("node:path").join(__dirname, specifier)).href : specifier;',
  '  const provided = globalThis[Symbol.for("promptvet.import")];',
  "  return provided ? provided(target) : import(target);",
  "};",
].join("\n");
/**
 * fdir loads `picomatch` from node_modules at start-up when it can be resolved, for a `glob()` method that
 * tinyglobby (which passes its own bundled matcher) never calls: in a checkout that cost a module load from
 * disk on every run, in an installed copy a failed resolution. The bundle leaves the probe out.
 */
const fdirWithoutOptionalPicomatch = {
  name: "fdir-without-optional-picomatch",
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      const code = readFileSync(args.path, "utf8");
      const probe = /try \{\s*__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);\s*\} catch \{\}/;
      if (!probe.test(code)) throw new Error(`build: fdir's optional picomatch probe changed in ${args.path}; check the plugin`);
      return { contents: code.replace(probe, ""), loader: "js" };
    });
  },
};
/**
 * markdown-it's build turns class fields into calls of Babel's `_defineProperty(this, "name", value)`: a keyed
 * store with an `in` test up the prototype chain for each of a dozen fields of every token it creates (4% of
 * parsing 1,200 prompts). Its classes define no accessors, so for them the helper always amounts to a plain
 * assignment, which is what the bundle gets; a call whose value spans lines is left as it is.
 */
const markdownItPlainFields = {
  name: "markdown-it-plain-fields",
  setup(b) {
    b.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.mjs$/ }, (args) => {
      const code = readFileSync(args.path, "utf8");
      if (/^\s*(?:static\s+)?[gs]et\s+[\w$]+\s*\(/m.test(code)) throw new Error(`build: markdown-it defines accessors now in ${args.path}; check the plugin`);
      const field = /_defineProperty\(\s*this,\s*(?:\/\*[\s\S]*?\*\/\s*)?"([A-Za-z_$][\w$]*)",\n\s*([^\n]*[^\s,])\n\s*\)/g;
      const oneLine = /_defineProperty\(this, "([A-Za-z_$][\w$]*)", ([^\n]*[^\s,])\);$/gm;
      const contents = code.replace(field, (_, name, value) => `this.${name} = ${value}`).replace(oneLine, (_, name, value) => `this.${name} = ${value};`);
      if (contents === code) throw new Error(`build: markdown-it's class fields changed shape in ${args.path}; check the plugin`);
      return { contents, loader: "js" };
    });
  },
};
/** A command-line bundle: one CommonJS file with the import shim, finding its data files beside itself. */
const commandLineBundle = (entryPoints, plugins) =>
  build({
    ...NODE_BUNDLE,
    entryPoints,
    outdir: staging,
    outExtension: { ".js": ".cjs" },
    format: "cjs",
    packages: "bundle",
    external: ["handlebars", "nunjucks", "mustache", LLAMA3_FILE],
    mainFields: ["module", "main"],
    // Modules find their data files (rules docs, models.json) relative to their own location: the bundle's.
    define: { "import.meta.url": "__promptvetModuleUrl" },
    banner: { js: `const __promptvetModuleUrl = require("node:url").pathToFileURL(__filename).href;\n${IMPORT_SHIM}` },
    plugins: [
      {
        name: "llama3-beside-the-cli",
        setup(b) {
          b.onResolve({ filter: /^llama3-tokenizer-js$/ }, () => ({ path: LLAMA3_FILE, external: true }));
        },
      },
      fdirWithoutOptionalPicomatch,
      markdownItPlainFields,
      ...plugins,
    ],
  });
// The language server (vscode-languageserver and its protocol code) is a bundle of its own, loaded by
// `promptvet lsp` only: the CLI bundle every hook run compiles stays as small as before.
const LSP_FILE = "./lsp.cjs";
await commandLineBundle({ cli: "src/cli/main.ts" }, [
  {
    name: "language-server-beside-the-cli",
    setup(b) {
      b.onResolve({ filter: /\/lsp\/index\.js$/ }, () => ({ path: LSP_FILE, external: true }));
    },
  },
]);
await commandLineBundle({ lsp: "src/lsp/index.ts" }, []);
// What the launcher needs to repeat an unchanged run without loading the CLI bundle (src/cli/run-memo.ts).
await build({ ...NODE_BUNDLE, entryPoints: { "run-memo": "src/cli/run-memo.ts" }, outdir: staging, outExtension: { ".js": ".cjs" }, format: "cjs" });
routeDynamicImports(`${staging}/lsp.cjs`);
routeDynamicImports(`${staging}/cli.cjs`);
asciiOnly(`${staging}/lsp.cjs`);
asciiOnly(`${staging}/cli.cjs`);
// The launcher names its code cache after this digest: V8 only checks a cached script's length, and npm gives
// every installed file the same modification time, so neither tells two builds apart.
writeFileSync(`${staging}/cli.cjs.sha256`, `${createHash("sha256").update(readFileSync(`${staging}/cli.cjs`)).digest("hex")}\n`);
await build({
  ...NODE_BUNDLE,
  entryPoints: { "llama3-tokenizer": "node_modules/llama3-tokenizer-js/bundle/llama3-tokenizer-with-baked-data.js" },
  outdir: staging,
  outExtension: { ".js": ".mjs" },
  format: "esm",
});

// An installed copy has only the package's dependencies: a bundle that loads anything else at run time
// would crash there while working in this checkout, so the build stops instead.
const { checkBundle } = await import("./bundle-imports.mjs");
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const shipped = new Set(readdirSync(staging));
for (const file of ["cli.cjs", "run-memo.cjs", "index.js", "rule-tester.js", "llama3-tokenizer.mjs"]) {
  const problems = checkBundle(readFileSync(`${staging}/${file}`, "utf8"), pkg, shipped);
  if (problems.length > 0) throw new Error(`build: dist/${file} ${problems.map((p) => `line ${p.line} ${p.reason}`).join("; ")}`);
}

// Token rank tables as binary hash tables: loading one is a file read, not a 200,000-entry Map build.
const { writeBpeTables } = await import("./gen-bpe-tables.mjs");
await writeBpeTables(`${staging}/tokenizers`);

/** Rewrites the CLI bundle's native import() calls to the launcher's importer (see IMPORT_SHIM). */
function routeDynamicImports(file) {
  const code = readFileSync(file, "utf8");
  const banner = code.indexOf("const __promptvetImport");
  const bannerEnd = code.indexOf("};", banner) + 2;
  let sites = 0;
  const body = code.slice(bannerEnd).replace(/(?<![\w$.])import\(/g, () => {
    sites++;
    return "__promptvetImport(";
  });
  // A jump in this count means new import() sites: check that each one is a real call before raising it.
  if (sites > 12) throw new Error(`build: ${sites} import() sites in the CLI bundle, expected at most 12`);
  // The banner went above esbuild's "use strict"; the directive only counts as the first statement.
  writeFileSync(file, `"use strict";\n${code.slice(0, bannerEnd)}${body.replace('"use strict";\n', "")}`);
}

/**
 * Escapes the non-ASCII characters esbuild leaves in regular expression literals and comments. One such
 * character makes V8 hold the whole 4 MB script as a two-byte string and makes reading it a UTF-8 decode
 * (~20 ms a run); as `\uXXXX` escapes the script is one-byte and means the same: a surrogate pair written
 * as two escapes is one code point in a `u` pattern and two code units otherwise, as the literal was.
 */
function asciiOnly(file) {
  const code = readFileSync(file, "utf8");
  for (const line of code.split("\n")) {
    // A tagged template's raw text would change: stop rather than guess.
    if (/[^\x00-\x7f]/.test(line) && line.includes("String.raw")) throw new Error(`build: non-ASCII text in a String.raw line of ${file}`);
  }
  const escaped = code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, char) => {
    // `\’` (an identity escape) is the character itself; an even run of backslashes escapes only itself.
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
    return `${kept}\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
  writeFileSync(file, escaped);
}

rmSync("dist", { recursive: true, force: true });
renameSync(staging, "dist");

rmSync(supportDir, { recursive: true, force: true });
const { buildConfigSchema } = support;
// The launcher answers `promptvet --help` from this file without loading the bundle.
writeFileSync("dist/help.txt", `${support.HELP}\n`);
mkdirSync("schema", { recursive: true });
writeFileSync("schema/promptvet.schema.json", `${JSON.stringify(buildConfigSchema(), null, 2)}\n`);

// The config validator as generated code: the next build bundles it (a test keeps it in sync).
const { writeConfigValidator } = await import("./gen-config-validator.mjs");
writeConfigValidator(buildConfigSchema());

// The README's rule list is generated from rule metadata (a test fails when it is stale).
const { builtinRules, rulesMarkdownTable, replaceRulesSection } = support;
const readme = readFileSync("README.md", "utf8");
const updated = replaceRulesSection(readme, rulesMarkdownTable(builtinRules.map((r) => r.meta)));
if (updated !== readme) writeFileSync("README.md", updated);

// The cases-file schema for editors, from the same object the loader validates with.
const { casesFileSchema } = support;
writeFileSync("schema/cases.schema.json", `${JSON.stringify(casesFileSchema, null, 2)}\n`);
