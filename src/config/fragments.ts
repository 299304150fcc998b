/**
 * Config keys contributed by capabilities (token budgets, smoke eval, ...). Each fragment lists top-level
 * keys with their JSON Schema; they are accepted at the top level and inside overrides.
 */
import { evalConfigSchema } from "../eval/config-schema.js";
import { tokensConfigProperties } from "../tokens/config-schema.js";

export interface ConfigFragment {
  properties: Record<string, object>;
}

export const configFragments: ConfigFragment[] = [
  { properties: tokensConfigProperties },
  { properties: { eval: evalConfigSchema } },
];
