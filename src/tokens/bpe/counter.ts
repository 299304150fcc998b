/**
 * Counts tokens the way tiktoken's `encode_ordinary` does: split the text with the encoding's pre-tokenizer
 * regex, then byte-pair-merge each piece's UTF-8 bytes, always merging the adjacent pair with the lowest rank
 * (the leftmost one on a tie) until no pair is a token. Only the number of parts is needed, never the ids.
 *
 * A short piece merges in a flat array (fastest for words); a long one (a minified line, a run of symbols)
 * uses a linked list and a heap, so a 100,000-byte piece costs O(n log n), not O(n²).
 */
import { splitRegex } from "./patterns.js";
import { BpeTable, readBpeTable } from "./table.js";

export type CountFn = (text: string) => number;

const NONE = 0x7fffffff;
/** Pieces up to this many bytes merge in a flat array; longer ones with a heap. */
export const FLAT_MERGE_MAX_BYTES = 256;
/** Pieces up to this many UTF-16 units are memoised (words and short runs repeat; long pieces rarely do). */
const MEMO_MAX_CHARS = 32;
const MEMO_MAX_ENTRIES = 16_384;

const tables = new Map<string, BpeTable>();

/** The table of an encoding, read once per process (o200k_harmony shares o200k_base's). */
export function bpeTable(encoding: string): BpeTable {
  let table = tables.get(encoding);
  if (!table) tables.set(encoding, (table = readBpeTable(encoding)));
  return table;
}

/** A counter for one encoding (`o200k_base`, `cl100k_base`, `p50k_base`, `r50k_base`). */
export function loadBpeCounter(encoding: string): CountFn {
  return createBpeCounter(bpeTable(encoding), splitRegex(encoding));
}

/**
 * A counter over a table and a pre-tokenizer regex (global, Unicode). `flatMax` is the piece length in bytes
 * above which the heap merge is used (tests lower it to check both merges agree).
 */
export function createBpeCounter(table: BpeTable, split: RegExp, flatMax = FLAT_MERGE_MAX_BYTES): CountFn {
  const merger = new Merger(table, flatMax);
  const memo = new Map<string, number>();
  return (text) => {
    let total = 0;
    // An exec loop rather than `text.match(split)`: V8 builds a global match's array in time that grows faster
    // than the text past ~15,000 matches (0.3 ms at 50 KB, 2.7 ms at 100 KB), an exec loop stays linear.
    split.lastIndex = 0;
    for (let m = split.exec(text); m !== null; m = split.exec(text)) {
      const piece = m[0];
      if (piece === "") {
        split.lastIndex++;
        continue;
      }
      let n = memo.get(piece);
      if (n === undefined) {
        n = merger.countPiece(piece);
        if (piece.length <= MEMO_MAX_CHARS) {
          if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
          memo.set(piece, n);
        }
      }
      total += n;
    }
    return total;
  };
}

class Merger {
  private bytes = new Uint8Array(1024);
  // Flat merge: part boundaries and the rank of each part merged with the next.
  private bounds = new Int32Array(FLAT_MERGE_MAX_BYTES + 2);
  private pairRanks = new Int32Array(FLAT_MERGE_MAX_BYTES + 2);

  constructor(
    private readonly table: BpeTable,
    private readonly flatMax: number,
  ) {
    if (flatMax > FLAT_MERGE_MAX_BYTES) throw new Error(`flat merge is limited to ${FLAT_MERGE_MAX_BYTES} bytes`);
  }

  countPiece(piece: string): number {
    const n = this.encode(piece);
    if (n <= 1) return n;
    if (this.table.rank(this.bytes, 0, n) >= 0) return 1;
    return n <= this.flatMax ? this.flatMerge(n) : this.heapMerge(n);
  }

  /** Writes the piece as UTF-8 into this.bytes (a lone surrogate becomes U+FFFD, as TextEncoder does). */
  private encode(piece: string): number {
    const len = piece.length;
    if (this.bytes.length < len * 3) this.bytes = new Uint8Array(len * 3 + 64);
    const b = this.bytes;
    let n = 0;
    for (let i = 0; i < len; i++) {
      let c = piece.charCodeAt(i);
      if (c < 0x80) {
        b[n++] = c;
      } else if (c < 0x800) {
        b[n++] = 0xc0 | (c >> 6);
        b[n++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < len ? piece.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          b[n++] = 0xf0 | (c >> 18);
          b[n++] = 0x80 | ((c >> 12) & 0x3f);
          b[n++] = 0x80 | ((c >> 6) & 0x3f);
          b[n++] = 0x80 | (c & 0x3f);
        } else {
          b[n++] = 0xef;
          b[n++] = 0xbf;
          b[n++] = 0xbd;
        }
      } else {
        b[n++] = 0xe0 | (c >> 12);
        b[n++] = 0x80 | ((c >> 6) & 0x3f);
        b[n++] = 0x80 | (c & 0x3f);
      }
    }
    return n;
  }

  /** The rank of bytes[start, end), or NONE. */
  private pairRank(start: number, end: number): number {
    const r = this.table.rank(this.bytes, start, end);
    return r < 0 ? NONE : r;
  }

  /** tiktoken's merge loop over n bytes: O(n²), fastest for the short pieces that are nearly all text. */
  private flatMerge(n: number): number {
    const { bounds, pairRanks } = this;
    let parts = n;
    for (let i = 0; i <= n; i++) bounds[i] = i;
    for (let i = 0; i < n - 1; i++) pairRanks[i] = this.pairRank(i, i + 2);
    for (;;) {
      let min = NONE;
      let at = -1;
      for (let i = 0; i < parts - 1; i++) {
        if (pairRanks[i]! < min) {
          min = pairRanks[i]!;
          at = i;
        }
      }
      if (at < 0) return parts;
      // Merge parts at and at+1: drop boundary at+1.
      for (let i = at + 1; i < parts; i++) bounds[i] = bounds[i + 1]!;
      for (let i = at + 1; i < parts - 1; i++) pairRanks[i] = pairRanks[i + 1]!;
      parts--;
      pairRanks[at] = at + 1 < parts ? this.pairRank(bounds[at]!, bounds[at + 2]!) : NONE;
      if (at > 0) pairRanks[at - 1] = this.pairRank(bounds[at - 1]!, bounds[at + 1]!);
    }
  }

  /**
   * The same merge order with a linked list of parts (indexed by start byte) and a min-heap of
   * (rank, start) keys: the smallest key is the lowest rank, leftmost on a tie. A key whose rank is no
   * longer its part's current pair rank is stale and skipped.
   */
  private heapMerge(n: number): number {
    const next = new Int32Array(n);
    const prev = new Int32Array(n);
    const rankAt = new Int32Array(n);
    const heap = new MinHeap(n);
    for (let i = 0; i < n; i++) {
      next[i] = i + 1;
      prev[i] = i - 1;
      const r = i + 1 < n ? this.pairRank(i, i + 2) : NONE;
      rankAt[i] = r;
      if (r !== NONE) heap.push(r * KEY_SCALE + i);
    }
    let parts = n;
    while (heap.size > 0) {
      const key = heap.pop();
      const r = Math.floor(key / KEY_SCALE);
      const i = key - r * KEY_SCALE;
      if (rankAt[i] !== r) continue;
      const j = next[i]!;
      const k = next[j]!;
      next[i] = k;
      if (k < n) prev[k] = i;
      rankAt[j] = NONE;
      parts--;
      const after = k < n ? this.pairRank(i, next[k]!) : NONE;
      rankAt[i] = after;
      if (after !== NONE) heap.push(after * KEY_SCALE + i);
      const p = prev[i]!;
      if (p >= 0) {
        const before = this.pairRank(p, k);
        rankAt[p] = before;
        if (before !== NONE) heap.push(before * KEY_SCALE + p);
      }
    }
    return parts;
  }
}

/** Keys are rank * 2^32 + start byte: exact in a double for any rank below 2^21. */
const KEY_SCALE = 2 ** 32;

class MinHeap {
  private items: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Float64Array(Math.max(16, capacity));
  }

  push(key: number): void {
    if (this.size === this.items.length) {
      const grown = new Float64Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const a = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= key) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = key;
  }

  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a[--this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && a[child + 1]! < a[child]!) child++;
      if (a[child]! >= last) break;
      a[i] = a[child]!;
      i = child;
    }
    a[i] = last;
    return top;
  }
}
