/** How token counts and money read in messages and tables. Approximate counts always carry "≈". */

// Written out rather than Intl.NumberFormat("en-US"), whose first use loads ICU locale data (~20–50 ms of
// a pre-commit run); same output: rounded half away from zero, comma-grouped thousands.
const integer = {
  format(n: number): string {
    if (!Number.isFinite(n)) return String(n);
    const rounded = Math.round(Math.abs(n));
    const digits = rounded.toFixed(0).replace(/\B(?=(\d{3})+$)/g, ",");
    return n < 0 && rounded !== 0 ? `-${digits}` : digits;
  },
};

/** Exported for tests. */
export const formatInteger = (n: number): string => integer.format(n);

export function formatTokens(n: number, exact: boolean): string {
  return `${exact ? "" : "≈"}${integer.format(n)}`;
}

/** `o200k_base` or `≈claude-2024` (an approximation). */
export function formatEncoding(tokenizer: string, exact: boolean): string {
  return exact ? tokenizer : `≈${tokenizer}`;
}

export function formatUsd(n: number): string {
  if (n === 0) return "$0";
  if (Math.abs(n) >= 100) return `$${integer.format(n)}`;
  if (Math.abs(n) >= 1) return `$${n.toFixed(2)}`;
  // Small per-call costs: keep three significant digits.
  return `$${Number(n.toPrecision(3))}`;
}

export function formatDelta(n: number, exact: boolean): string {
  const sign = n > 0 ? "+" : n < 0 ? "-" : "±";
  return `${sign}${formatTokens(Math.abs(n), exact)}`;
}

export function formatAssumed(assumed: Record<string, string> | undefined): string {
  if (!assumed) return "";
  const entries = Object.entries(assumed);
  if (entries.length === 0) return "";
  const shown = entries.slice(0, 4).map(([name, what]) => `${name} = ${what}`);
  if (entries.length > 4) shown.push(`${entries.length - 4} more`);
  return `assumed ${shown.join(", ")}`;
}
