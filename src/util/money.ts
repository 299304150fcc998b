/**
 * An amount in USD as reports carry it: binary floating point turns 68 tokens at $0.15 per million into
 * 0.000010199999999999999; twelve significant digits keep every real digit of a price and drop that noise.
 */
export function roundUsd(amount: number): number {
  return Number.isFinite(amount) ? Number(amount.toPrecision(12)) : amount;
}
