/**
 * A byte-pair-encoding rank table, loaded from the binary file scripts/gen-bpe-tables.mjs writes at build
 * time (dist/tokenizers/<name>.bin): one readFileSync and typed-array views, no per-entry work. The file
 * holds a precomputed open-addressing hash table from a token's bytes to its rank; the layout is described
 * in the generator.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MAGIC = 0x54425650; // "PVBT" read as a little-endian Uint32
const VERSION = 1;
const HEADER_WORDS = 8;

export class BpeTable {
  readonly name: string;
  /** Number of ranks (the highest rank plus one; unused ranks have no bytes). */
  readonly rankCount: number;
  /** Length in bytes of the longest token: a longer byte sequence has no rank without a lookup. */
  readonly maxTokenLength: number;
  private readonly offsets: Uint32Array;
  private readonly slots: Int32Array;
  private readonly blob: Uint8Array;
  private readonly mask: number;

  constructor(name: string, offsets: Uint32Array, slots: Int32Array, blob: Uint8Array, maxTokenLength: number) {
    this.name = name;
    this.offsets = offsets;
    this.slots = slots;
    this.blob = blob;
    this.mask = slots.length - 1;
    this.rankCount = offsets.length - 1;
    this.maxTokenLength = maxTokenLength;
  }

  /** The rank of bytes[start, end), or -1 when that byte sequence is not a token. */
  rank(bytes: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (len > this.maxTokenLength) return -1;
    // 32-bit FNV-1a, as the generator hashes.
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    const { slots, offsets, blob, mask } = this;
    let slot = h & mask;
    for (;;) {
      const r = slots[slot]!;
      if (r < 0) return -1;
      const at = offsets[r]!;
      if (offsets[r + 1]! - at === len) {
        let i = 0;
        while (i < len && blob[at + i] === bytes[start + i]) i++;
        if (i === len) return r;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The bytes of a rank (empty for an unused rank). */
  bytesOf(rank: number): Uint8Array {
    return this.blob.subarray(this.offsets[rank], this.offsets[rank + 1]);
  }
}

/** Parses a table file's bytes (little-endian, as the generator writes them). */
export function parseBpeTable(name: string, file: Uint8Array): BpeTable {
  let bytes = file;
  // Typed-array views need 4-byte alignment; a Buffer from a shared pool may not have it. (A copy made with
  // the Uint8Array constructor: Buffer#slice would return a view at the same offset.)
  if (bytes.byteOffset % 4 !== 0) bytes = new Uint8Array(bytes);
  const fail = (why: string) => new Error(`promptvet: the ${name} token table is damaged (${why}); \`npm run build\` rewrites it`);
  if (bytes.byteLength < HEADER_WORDS * 4) throw fail("too short");
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const word = (i: number) => view.getUint32(i * 4, true);
  if (word(0) !== MAGIC) throw fail("bad magic number");
  if (word(1) !== VERSION) throw fail(`format version ${word(1)}, expected ${VERSION}`);
  const rankCount = word(2);
  const slotCount = word(3);
  const blobLength = word(4);
  const maxTokenLength = word(5);
  const offsetsStart = HEADER_WORDS * 4;
  const slotsStart = offsetsStart + (rankCount + 1) * 4;
  const blobStart = slotsStart + slotCount * 4;
  if (slotCount === 0 || (slotCount & (slotCount - 1)) !== 0) throw fail("slot count is not a power of two");
  if (blobStart + blobLength > bytes.byteLength) throw fail("truncated");
  if (!littleEndian) {
    // Big-endian host: swap the word sections into a copy once.
    bytes = new Uint8Array(bytes);
    for (let i = 0; i < blobStart; i += 4) {
      const a = bytes[i]!;
      const b = bytes[i + 1]!;
      bytes[i] = bytes[i + 3]!;
      bytes[i + 1] = bytes[i + 2]!;
      bytes[i + 2] = b;
      bytes[i + 3] = a;
    }
  }
  const base = bytes.byteOffset;
  return new BpeTable(
    name,
    new Uint32Array(bytes.buffer, base + offsetsStart, rankCount + 1),
    new Int32Array(bytes.buffer, base + slotsStart, slotCount),
    new Uint8Array(bytes.buffer, base + blobStart, blobLength),
    maxTokenLength,
  );
}

let root: string | undefined;

/**
 * The promptvet package folder: the nearest package.json named "promptvet" above this module, which is
 * src/tokens/bpe when run from source and dist/chunks when bundled (in a checkout or an installed package).
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; ) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "promptvet") return (root = dir);
      } catch {
        // An unreadable package.json is not promptvet's: keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`promptvet: cannot find promptvet's package.json above ${here} (needed to locate dist/tokenizers)`);
    dir = parent;
  }
}

/** Path of an encoding's table file. */
export function bpeTablePath(name: string): string {
  return path.join(packageRoot(), "dist", "tokenizers", `${name}.bin`);
}

/** Reads an encoding's table; a missing file is an error that says how to make it. */
export function readBpeTable(name: string): BpeTable {
  const file = bpeTablePath(name);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`promptvet: the ${name} token table ${file} is missing; \`npm run build\` writes it (scripts/gen-bpe-tables.mjs)`);
    }
    throw error;
  }
  return parseBpeTable(name, bytes);
}
