import os from "node:os";
import path from "node:path";

/**
 * The user's cache folder: XDG_CACHE_HOME, else LOCALAPPDATA (Windows), else ~/.cache; undefined when there is
 * none. The launcher (bin/launch-plan.js) keeps its compile cache under the same folder; a test holds them equal.
 */
export function userCacheFolder(env: NodeJS.ProcessEnv, homedir: string = os.homedir()): string | undefined {
  if (env.XDG_CACHE_HOME) return env.XDG_CACHE_HOME;
  if (env.LOCALAPPDATA) return env.LOCALAPPDATA;
  return homedir ? path.join(homedir, ".cache") : undefined;
}
