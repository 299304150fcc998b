// The BPE rank tables live in dist/tokenizers, written by the build. A build made before the table generator
// was part of it has none: write them once so the token tests run against the real files.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const TABLE_DIR = path.join(ROOT, "dist", "tokenizers");
const GENERATOR = pathToFileURL(path.join(ROOT, "scripts", "gen-bpe-tables.mjs")).href;

interface Generator {
  BPE_TABLE_ENCODINGS: string[];
  writeBpeTables(outDir: string): Promise<string[]>;
}

export async function ensureBpeTables(): Promise<void> {
  const { BPE_TABLE_ENCODINGS, writeBpeTables } = (await import(GENERATOR)) as Generator;
  if (BPE_TABLE_ENCODINGS.every((name) => existsSync(path.join(TABLE_DIR, `${name}.bin`)))) return;
  console.warn(`[tokens] ${TABLE_DIR} is incomplete: writing the BPE tables with scripts/gen-bpe-tables.mjs.`);
  await writeBpeTables(TABLE_DIR);
}
