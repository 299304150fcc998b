/**
 * Progress of a run: a bar redrawn in place on a terminal, plain lines in CI and logs. Retries and errors are
 * always printed as their own line, so none is hidden behind the bar.
 */
export interface Progress {
  start(total: number): void;
  caseDone(label: string, outcome: "answered" | "cached" | "error", ms?: number): void;
  note(line: string): void;
  finish(): void;
}

export function createProgress(stream: NodeJS.WritableStream, isTTY: boolean): Progress {
  let total = 0;
  let done = 0;
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write("\r\x1b[K");
    drawn = false;
  };
  const draw = () => {
    if (!isTTY || total === 0) return;
    const width = 24;
    const filled = Math.round((done / total) * width);
    stream.write(`\r\x1b[Ksmoke eval [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total}`);
    drawn = true;
  };
  return {
    start(n) {
      total = n;
      done = 0;
      if (!isTTY && n > 0) stream.write(`smoke eval: ${n} ${n === 1 ? "case" : "cases"} to run\n`);
      draw();
    },
    caseDone(label, outcome, ms) {
      done++;
      if (!isTTY) {
        const mark = outcome === "error" ? "error " : outcome === "cached" ? "cached" : "called";
        const extra = outcome === "answered" && ms !== undefined ? ` (${Math.round(ms)} ms)` : "";
        stream.write(`  ${mark} ${label}${extra}\n`);
      }
      draw();
    },
    note(line) {
      clear();
      stream.write(`${line}\n`);
      draw();
    },
    finish() {
      clear();
    },
  };
}
