/** The server's settings (`promptvet.*` in the editor), from initialization options or the client's configuration. */
export interface ServerSettings {
  /** Lint at all. */
  enable: boolean;
  /** Lint as the user types, or only when a document is opened or saved. */
  run: "onType" | "onSave";
  /**
   * Milliseconds of typing pause before a lint (later edits restart the wait). Without one, edits made while a
   * lint runs are still coalesced into one lint of the newest text, so a fast typist never queues stale lints.
   */
  lintDelay: number;
  /** A config file to use for every document (`--config`), relative to the workspace folder. */
  configFile?: string;
}

export const DEFAULT_SETTINGS: ServerSettings = { enable: true, run: "onType", lintDelay: 0, configFile: undefined };

const MAX_DELAY_MS = 10_000;

/** Reads what the client sent, keeping `previous` for every missing or invalid value. */
export function readSettings(raw: unknown, previous: ServerSettings): ServerSettings {
  if (!raw || typeof raw !== "object") return previous;
  const r = raw as Record<string, unknown>;
  const next = { ...previous };
  if (typeof r.enable === "boolean") next.enable = r.enable;
  if (r.run === "onType" || r.run === "onSave") next.run = r.run;
  if (typeof r.lintDelay === "number" && Number.isFinite(r.lintDelay) && r.lintDelay >= 0) next.lintDelay = Math.min(r.lintDelay, MAX_DELAY_MS);
  if (typeof r.configFile === "string") next.configFile = r.configFile.trim() === "" ? undefined : r.configFile;
  else if (r.configFile === null) next.configFile = undefined;
  return next;
}
