/**
 * One engine per workspace folder: a rule registry (the built-in rules and the loader of the plugins its configs declare) and a
 * config resolver whose working folder is the folder, as if `promptvet` ran there. Files outside every
 * folder get the engine of their repository (or of their own folder). A reload drops them all, so the next
 * lint reads every config and plugin afresh.
 */
import path from "node:path";
import { RuleRegistry } from "../config/registry.js";
import { ConfigResolver } from "../config/resolve.js";
import { findRepoRoot } from "../files/git.js";
import { builtinRules } from "../../rules/index.js";

export interface Engine {
  root: string;
  registry: RuleRegistry;
  resolver: ConfigResolver;
}

export class Engines {
  private readonly byRoot = new Map<string, Engine>();
  private readonly looseRoots = new Map<string, string>();
  private folders: string[] = [];

  constructor(private explicitConfig: string | undefined) {}

  setFolders(folders: readonly string[]): void {
    // Innermost first, so a nested folder wins over the folder that contains it.
    this.folders = [...new Set(folders.map((f) => path.resolve(f)))].sort((a, b) => b.length - a.length);
    this.reset();
  }

  setExplicitConfig(file: string | undefined): void {
    if (file === this.explicitConfig) return;
    this.explicitConfig = file;
    this.reset();
  }

  /** Forgets every resolver and registry (configs or plugins changed). */
  reset(): void {
    this.byRoot.clear();
    this.looseRoots.clear();
  }

  forFile(filePath: string): Engine {
    const root = this.rootOf(filePath);
    let engine = this.byRoot.get(root);
    if (!engine) {
      const registry = new RuleRegistry(builtinRules);
      const explicitConfig = this.explicitConfig ? path.resolve(root, this.explicitConfig) : undefined;
      engine = { root, registry, resolver: new ConfigResolver({ cwd: root, registry, explicitConfig }) };
      this.byRoot.set(root, engine);
    }
    return engine;
  }

  private rootOf(filePath: string): string {
    const folder = this.folders.find((f) => filePath === f || filePath.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
    if (folder) return folder;
    const dir = path.dirname(filePath);
    let root = this.looseRoots.get(dir);
    if (!root) {
      root = findRepoRoot(dir) ?? dir;
      this.looseRoots.set(dir, root);
    }
    return root;
  }
}
