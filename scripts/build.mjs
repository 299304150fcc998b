// Bundles the CLI into dist/ (one entry plus lazily loaded chunks) and writes the config JSON Schema.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";

await build({
  entryPoints: { cli: "src/cli/main.ts", index: "src/index.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
  chunkNames: "chunks/[name]-[hash]",
});

const { buildConfigSchema } = await import("../dist/index.js");
mkdirSync("schema", { recursive: true });
writeFileSync("schema/promptvet.schema.json", `${JSON.stringify(buildConfigSchema(), null, 2)}\n`);
