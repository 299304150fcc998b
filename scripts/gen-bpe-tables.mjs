// Writes the byte-pair-encoding rank tables of the OpenAI encodings as compact binary files
// (dist/tokenizers/<name>.bin), so promptvet loads one with a single readFileSync and no per-entry work,
// instead of compiling a multi-megabyte JavaScript module and building a 200,000-entry Map on every run.
//
// The ranks come from the installed gpt-tokenizer package (the same data the counts were checked against
// tiktoken with). o200k_harmony shares o200k_base's ranks: it only adds special tokens, which promptvet
// counts as ordinary text.
//
// File layout (little-endian; every section starts on a 4-byte boundary):
//   Uint32 header[8]: magic "PVBT", format version, rank count R, slot count S (a power of two),
//                     blob length B, max token length in bytes, 0, 0
//   Uint32 offsets[R + 1]: token of rank r is blob[offsets[r], offsets[r + 1]) (empty for an unused rank)
//   Int32  slots[S]:       open-addressing hash table (linear probing) of ranks, -1 when empty; the slot of a
//                          byte sequence starts at fnv1a(bytes) & (S - 1)
//   Uint8  blob[B]:        every token's bytes, in rank order
//
// Usage: node scripts/gen-bpe-tables.mjs [outDir]   (default dist/tokenizers)
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BPE_TABLE_MAGIC = 0x54425650; // "PVBT" read as a little-endian Uint32
export const BPE_TABLE_VERSION = 1;
export const BPE_TABLE_ENCODINGS = ["o200k_base", "cl100k_base", "p50k_base", "r50k_base"];

/** 32-bit FNV-1a over bytes[start, end): the same function as src/tokens/bpe/table.ts (a test checks every token). */
export function fnv1a(bytes, start, end) {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

const utf8 = new TextEncoder();

/** Byte sequences indexed by rank (undefined for an unused rank), from gpt-tokenizer's rank data. */
async function readRanks(name) {
  const data = (await import(`gpt-tokenizer/bpeRanks/${name}`)).default;
  const tokens = new Array(data.length);
  data.forEach((value, rank) => {
    // A token that is valid UTF-8 is stored as its text, any other as its bytes.
    tokens[rank] = typeof value === "string" ? utf8.encode(value) : Uint8Array.from(value);
  });
  return tokens;
}

/** Builds the binary table of one encoding from its tokens (rank -> bytes). */
export function encodeBpeTable(tokens) {
  const rankCount = tokens.length;
  let blobLength = 0;
  let maxLength = 0;
  let used = 0;
  for (const t of tokens) {
    if (!t) continue;
    used++;
    blobLength += t.length;
    if (t.length > maxLength) maxLength = t.length;
  }
  // At most ~40% full: short probe runs keep a lookup to about one comparison.
  let slotCount = 1;
  while (slotCount < used * 2.5) slotCount *= 2;

  const headerWords = 8;
  const offsetsStart = headerWords * 4;
  const slotsStart = offsetsStart + (rankCount + 1) * 4;
  const blobStart = slotsStart + slotCount * 4;
  const buffer = new ArrayBuffer(blobStart + Math.ceil(blobLength / 4) * 4);
  const header = new Uint32Array(buffer, 0, headerWords);
  const offsets = new Uint32Array(buffer, offsetsStart, rankCount + 1);
  const slots = new Int32Array(buffer, slotsStart, slotCount);
  const blob = new Uint8Array(buffer, blobStart, blobLength);
  header.set([BPE_TABLE_MAGIC, BPE_TABLE_VERSION, rankCount, slotCount, blobLength, maxLength, 0, 0]);
  slots.fill(-1);

  const mask = slotCount - 1;
  let at = 0;
  for (let rank = 0; rank < rankCount; rank++) {
    offsets[rank] = at;
    const t = tokens[rank];
    if (!t) continue;
    blob.set(t, at);
    let slot = fnv1a(t, 0, t.length) & mask;
    while (slots[slot] !== -1) {
      if (sameBytes(tokens[slots[slot]], t)) throw new Error(`duplicate token at ranks ${slots[slot]} and ${rank}`);
      slot = (slot + 1) & mask;
    }
    slots[slot] = rank;
    at += t.length;
  }
  offsets[rankCount] = at;
  const bytes = new Uint8Array(buffer);
  // The format is little-endian; a big-endian build machine swaps the Uint32/Int32 sections.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) swapWords(bytes, blobStart);
  return bytes;
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function swapWords(bytes, end) {
  for (let i = 0; i < end; i += 4) {
    const [a, b, c, d] = [bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]];
    bytes[i] = d;
    bytes[i + 1] = c;
    bytes[i + 2] = b;
    bytes[i + 3] = a;
  }
}

/** Writes `<outDir>/<encoding>.bin` for every OpenAI BPE encoding promptvet counts with. */
export async function writeBpeTables(outDir) {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const name of BPE_TABLE_ENCODINGS) {
    const file = path.join(outDir, `${name}.bin`);
    // Write then rename: a run reading the table at that moment sees the old file or the new one.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, encodeBpeTable(await readRanks(name)));
    renameSync(tmp, file);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? "dist/tokenizers");
  for (const file of await writeBpeTables(outDir)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
