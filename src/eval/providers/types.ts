import type { ProviderRequest, ProviderUsage } from "../types.js";
import type { RequestLimits } from "./http.js";

/** What one attempt returns; retries, caching and timing are handled around it. */
export interface ProviderAnswer {
  output: string;
  usage?: ProviderUsage;
  model?: string;
}

export interface Provider {
  /** Identity for the cache: type and endpoint, never a key. */
  readonly id: string;
  send(request: ProviderRequest, limits: RequestLimits): Promise<ProviderAnswer>;
  /** Secret values the provider holds (its API key), scrubbed from every error text before it is shown. */
  knownSecrets?(): string[];
}
