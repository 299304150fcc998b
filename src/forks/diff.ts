/**
 * Line differences between a base prompt and a fork (Myers' O(ND) algorithm). Lines are compared with
 * trailing whitespace removed and blank lines left out, so reflowing paragraphs with empty lines does not
 * count as drift.
 */

export interface LineDiff {
  /** Lines only in the fork, not paired with a removed line. */
  added: number;
  /** Lines only in the base, not paired with an added line. */
  removed: number;
  /** Lines replaced: in each run of edits, min(removed, added). */
  changed: number;
  /** Lines the two share. */
  unchanged: number;
  /** Non-blank lines of the base and of the fork. */
  baseLines: number;
  forkLines: number;
}

/** Beyond this many edits the script is not worth computing: everything counts as changed. */
const MAX_EDITS = 1000;

export function contentLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = withoutTrailingBlanks(raw);
    if (line.trim() !== "") out.push(line);
  }
  return out;
}

/**
 * The line without its trailing spaces and tabs, by a scan from the end: `/[ \t]+$/` retries from every
 * blank of a run that does not end the line (a line of 80,000 spaces then a word took 18 s).
 */
function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** Edit script of `a` -> `b`: "=" keep, "-" delete from a, "+" insert from b; undefined past MAX_EDITS. */
function editScript(a: readonly string[], b: readonly string[]): string[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(next);
        return backtrack(trace, a.length, b.length, offset, d);
      }
    }
    v = next;
  }
  return undefined;
}

function backtrack(trace: Int32Array[], n: number, m: number, offset: number, dEnd: number): string[] {
  const ops: string[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push("=");
      x--;
      y--;
    }
    ops.push(x === prevX ? "+" : "-");
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push("=");
    x--;
    y--;
  }
  return ops.reverse();
}

export function diffLines(baseText: string, forkText: string): LineDiff {
  const a = contentLines(baseText);
  const b = contentLines(forkText);
  const result: LineDiff = { added: 0, removed: 0, changed: 0, unchanged: 0, baseLines: a.length, forkLines: b.length };
  const ops = editScript(a, b);
  if (!ops) {
    result.changed = Math.min(a.length, b.length);
    result.added = Math.max(0, b.length - a.length);
    result.removed = Math.max(0, a.length - b.length);
    return result;
  }
  let del = 0;
  let ins = 0;
  const flush = () => {
    const changed = Math.min(del, ins);
    result.changed += changed;
    result.removed += del - changed;
    result.added += ins - changed;
    del = 0;
    ins = 0;
  };
  for (const op of ops) {
    if (op === "=") {
      flush();
      result.unchanged++;
    } else if (op === "-") del++;
    else ins++;
  }
  flush();
  return result;
}

/** Share of the base's lines the fork differs in: (added + removed + changed) / base lines, in percent. */
export function lineDriftPercent(diff: LineDiff): number {
  const touched = diff.added + diff.removed + diff.changed;
  if (diff.baseLines === 0) return touched === 0 ? 0 : 100;
  return (touched / diff.baseLines) * 100;
}
