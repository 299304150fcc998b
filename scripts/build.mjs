// Bundles the CLI into dist/ (one entry plus lazily loaded chunks) and writes the config JSON Schema.
import { build } from "esbuild";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";

// Build into a fresh folder and swap it in: stale chunks never pile up, and a run that is using
// dist/ at that moment sees either the old bundle or the new one.
const staging = `dist.${process.pid}.tmp`;
rmSync(staging, { recursive: true, force: true });

await build({
  entryPoints: { cli: "src/cli/main.ts", index: "src/index.ts" },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "bundle",
  // CommonJS packages that the code also loads with import(): bundled, a dynamic import of them yields only a
  // default export, so they stay outside the bundle and Node gives them their named exports.
  external: ["yaml", "handlebars", "nunjucks", "mustache"],
  sourcemap: false,
  logLevel: "warning",
  chunkNames: "chunks/[name]-[hash]",
  // Prefer ES module builds: jsonc-parser's UMD entry resolves its parts at run time and cannot be bundled.
  mainFields: ["module", "main"],
  // Bundled CommonJS dependencies call require() for Node built-ins; ESM output needs a real one.
  banner: { js: 'import { createRequire as __promptvetCreateRequire } from "node:module"; const require = __promptvetCreateRequire(import.meta.url);' },
});

rmSync("dist", { recursive: true, force: true });
renameSync(staging, "dist");

const { buildConfigSchema } = await import("../dist/index.js");
mkdirSync("schema", { recursive: true });
writeFileSync("schema/promptvet.schema.json", `${JSON.stringify(buildConfigSchema(), null, 2)}\n`);

// The config validator as generated code: the next build bundles it (a test keeps it in sync).
const { writeConfigValidator } = await import("./gen-config-validator.mjs");
writeConfigValidator(buildConfigSchema());

// The README's rule list is generated from rule metadata (a test fails when it is stale).
const { builtinRules, rulesMarkdownTable, replaceRulesSection } = await import("../dist/index.js");
const { readFileSync } = await import("node:fs");
const readme = readFileSync("README.md", "utf8");
const updated = replaceRulesSection(readme, rulesMarkdownTable(builtinRules.map((r) => r.meta)));
if (updated !== readme) writeFileSync("README.md", updated);

// The cases-file schema for editors, from the same object the loader validates with.
const { casesFileSchema } = await import("../dist/index.js");
writeFileSync("schema/cases.schema.json", `${JSON.stringify(casesFileSchema, null, 2)}\n`);
