/** The VS Code extension starts the workspace's promptvet first, its own bundled copy otherwise. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { chooseServer } from "../../editors/vscode/src/server-command.js";
import { DEFAULT_SETTINGS } from "../../src/lsp/settings.js";

const made: string[] = [];

/** A folder with `node_modules/promptvet` installed in it. */
function withPromptvet(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-ext-"));
  made.push(dir);
  mkdirSync(path.join(dir, "node_modules", "promptvet", "bin"), { recursive: true });
  writeFileSync(path.join(dir, "node_modules", "promptvet", "package.json"), '{"name":"promptvet","version":"0.1.0"}\n');
  writeFileSync(path.join(dir, "node_modules", "promptvet", "bin", "promptvet.js"), "");
  return dir;
}

function empty(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-ext-"));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("chooseServer", () => {
  it("prefers the workspace's installed promptvet over the bundled one", () => {
    const workspace = withPromptvet();
    const extension = withPromptvet();
    expect(chooseServer({ workspaceFolders: [empty(), workspace], extensionDir: extension })).toEqual({
      launcher: path.join(workspace, "node_modules", "promptvet", "bin", "promptvet.js"),
      origin: "workspace",
    });
  });

  it("falls back to the copy bundled with the extension", () => {
    const extension = withPromptvet();
    expect(chooseServer({ workspaceFolders: [empty()], extensionDir: extension })).toEqual({
      launcher: path.join(extension, "node_modules", "promptvet", "bin", "promptvet.js"),
      origin: "bundled",
    });
  });

  it("uses promptvet.path when set (relative to the first folder), and nothing when it does not exist", () => {
    const workspace = withPromptvet();
    expect(chooseServer({ setting: "node_modules/promptvet/bin/promptvet.js", workspaceFolders: [workspace], extensionDir: empty() })).toEqual({
      launcher: path.join(workspace, "node_modules", "promptvet", "bin", "promptvet.js"),
      origin: "setting",
    });
    expect(chooseServer({ setting: "missing/promptvet.js", workspaceFolders: [workspace], extensionDir: withPromptvet() })).toBeUndefined();
  });

  it("finds nothing when neither the workspace nor the extension has promptvet", () => {
    expect(chooseServer({ workspaceFolders: [empty()], extensionDir: empty() })).toBeUndefined();
  });
});

describe("editor settings are documented", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const docs = readFileSync(path.join(root, "docs", "editors.md"), "utf8");

  it("every setting the VS Code extension contributes is in docs/editors.md", () => {
    const manifest = JSON.parse(readFileSync(path.join(root, "editors", "vscode", "package.json"), "utf8"));
    const keys = Object.keys(manifest.contributes.configuration.properties as Record<string, unknown>);
    expect(keys.length).toBeGreaterThanOrEqual(7);
    for (const key of keys) expect(docs, key).toContain(`\`${key}\``);
  });

  it("every server setting is in docs/editors.md and in the extension", () => {
    const manifest = JSON.parse(readFileSync(path.join(root, "editors", "vscode", "package.json"), "utf8"));
    for (const key of Object.keys(DEFAULT_SETTINGS)) {
      expect(docs, key).toContain(`| \`${key}\` |`);
      expect(manifest.contributes.configuration.properties, key).toHaveProperty([`promptvet.${key}`]);
    }
  });
});
