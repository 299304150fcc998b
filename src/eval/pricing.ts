/**
 * Prices (USD per million tokens) of the eval's model: `eval.pricing`, else the model registry the config
 * resolves to (data/models.json and the config's `registry` entries, read by src/tokens/registry.ts, the one
 * reader of that file). An unknown model has no price: the summary then says "cost unknown" rather than guessing.
 */
import type { ModelRegistry } from "../tokens/registry.js";

export interface Price {
  input: number;
  output: number;
}

export function lookupPrice(model: string, configured: Price | undefined, registry: ModelRegistry): Price | undefined {
  if (configured) return configured;
  const price = registry.resolve(model)?.price;
  return price?.input !== undefined && price.output !== undefined ? { input: price.input, output: price.output } : undefined;
}
