import type { ProviderConfig } from "../config-schema.js";
import { ProviderError } from "../types.js";

/** The API key from the environment variable the config names; it is never logged, cached or written. */
export function apiKeyFrom(config: ProviderConfig, env: NodeJS.ProcessEnv): string | undefined {
  if (!config.apiKeyEnv) return undefined;
  const key = env[config.apiKeyEnv];
  if (!key) throw new ProviderError("auth", `the environment variable ${config.apiKeyEnv} (eval.provider.apiKeyEnv) is not set`);
  return key;
}

/** The key's value when it is set (for scrubbing error texts), without failing when it is not. */
export function knownKey(config: ProviderConfig, env: NodeJS.ProcessEnv): string[] {
  const key = config.apiKeyEnv ? env[config.apiKeyEnv] : undefined;
  return key ? [key] : [];
}
