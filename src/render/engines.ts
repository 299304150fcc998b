/**
 * Template engines, loaded on first use (synchronously through `require`, so `renderPrompt` stays a plain
 * function) and never on a lint run that renders nothing.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export type HandlebarsModule = typeof import("handlebars");
/** The part of Mustache's API used here (its types resolve to the ESM default export under NodeNext). */
export interface MustacheModule {
  render(template: string, view: unknown, partials?: (name: string) => string | undefined, config?: { escape?: (s: string) => string }): string;
  parse(template: string): unknown[];
}
export type NunjucksModule = typeof import("nunjucks");

let handlebars: HandlebarsModule | undefined;
let mustache: MustacheModule | undefined;
let nunjucks: NunjucksModule | undefined;

export function loadHandlebars(): HandlebarsModule {
  handlebars ??= require("handlebars") as HandlebarsModule;
  return handlebars;
}

export function loadMustache(): MustacheModule {
  mustache ??= require("mustache") as MustacheModule;
  return mustache;
}

export function loadNunjucks(): NunjucksModule {
  nunjucks ??= require("nunjucks") as NunjucksModule;
  return nunjucks;
}

/** Nunjucks' parser (not part of its typed API). */
export function loadNunjucksParser(): { parse(src: string, extensions?: unknown[], opts?: unknown): NunjucksNode } {
  return require("nunjucks/src/parser") as { parse(src: string): NunjucksNode };
}

export interface NunjucksNode {
  typename: string;
  fields: string[];
  value?: unknown;
  [field: string]: unknown;
}
