/**
 * Which variables a template prints without a value. Only plain interpolations count: a missing value in a
 * condition or a loop is a legitimate "false"/"empty", and names inside `#each`/`#with`/sections refer to the
 * item, not to the top-level variables.
 */
import { loadHandlebars, loadMustache, loadNunjucksParser, type NunjucksNode } from "./engines.js";

export function isProvided(vars: Record<string, unknown>, root: string): boolean {
  return Object.prototype.hasOwnProperty.call(vars, root) && vars[root] !== undefined && vars[root] !== null;
}

/** `{{ name }}` / `{{ user.name }}` in plain text prompts. */
export const PLAIN_PLACEHOLDER = /\{\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\s*\}\}/g;

export function plainReferences(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(PLAIN_PLACEHOLDER)) names.add(m[1]!.split(".")[0]!);
  return [...names];
}

/**
 * Block helpers whose body resolves names against an item, not the top-level variables. Every other block
 * (`if`, `unless`, dotprompt's `role` and `section`, a custom helper calling `options.fn(this)`) keeps the
 * scope. The parser's variable list draws the same line (a test holds the two equal).
 */
const HBS_SCOPE_CHANGERS = new Set(["each", "with"]);

interface HbsNode {
  type: string;
  [key: string]: unknown;
}

/** Top-level names printed by a Handlebars template (and the partials it names, via `partialSource`). */
export function handlebarsReferences(template: string, helpers: Set<string>, partialSource: (name: string) => string | undefined): string[] {
  const hb = loadHandlebars();
  const names = new Set<string>();
  const seenPartials = new Set<string>();
  const visitPath = (p: HbsNode | undefined, inScope: boolean) => {
    if (!p || p.type !== "PathExpression") return;
    const parts = p.parts as string[];
    const original = p.original as string;
    if (p.data) {
      if (original.startsWith("@root.") && parts[0]) names.add(parts[0]);
      return;
    }
    if (!inScope || (p.depth as number) > 0 || p.this || parts.length === 0) return;
    names.add(parts[0]!);
  };
  const visitArgs = (node: HbsNode, inScope: boolean) => {
    for (const param of (node.params as HbsNode[] | undefined) ?? []) visitExpr(param, inScope);
    for (const pair of ((node.hash as { pairs?: { value: HbsNode }[] } | undefined)?.pairs ?? [])) visitExpr(pair.value, inScope);
  };
  const visitExpr = (e: HbsNode, inScope: boolean) => {
    if (e.type === "PathExpression") visitPath(e, inScope);
    else if (e.type === "SubExpression") visitArgs(e, inScope);
  };
  const visitProgram = (program: HbsNode | undefined, inScope: boolean) => {
    for (const stmt of ((program?.body as HbsNode[] | undefined) ?? [])) visitStatement(stmt, inScope);
  };
  const visitStatement = (s: HbsNode, inScope: boolean) => {
    const path = s.path as HbsNode | undefined;
    const head = path?.type === "PathExpression" ? (path.original as string) : undefined;
    switch (s.type) {
      case "MustacheStatement": {
        const hasArgs = ((s.params as unknown[]).length > 0) || !!s.hash;
        if (head && (helpers.has(head) || hasArgs)) visitArgs(s, inScope);
        else if (path) visitExpr(path, inScope);
        break;
      }
      case "BlockStatement": {
        // The block's own arguments (`#if x`, `#each items`) are conditions and lists: an empty one is legitimate.
        const sameScope = head === undefined || !HBS_SCOPE_CHANGERS.has(head);
        visitProgram(s.program as HbsNode, inScope && sameScope);
        visitProgram(s.inverse as HbsNode | undefined, inScope);
        break;
      }
      case "PartialStatement":
      case "PartialBlockStatement": {
        // `{{> footer order subtotal=(sum items)}}`: the context and hash values are read here.
        visitArgs(s, inScope);
        const name = (s.name as HbsNode).original as string | undefined;
        if (name && !seenPartials.has(name)) {
          seenPartials.add(name);
          const src = partialSource(name);
          if (src !== undefined) {
            try {
              visitProgram(hb.parse(src) as unknown as HbsNode, inScope);
            } catch {
              // the render reports the syntax error
            }
          }
        }
        break;
      }
    }
  };
  visitProgram(hb.parse(template) as unknown as HbsNode, true);
  return [...names];
}

/** Top-level names printed by a Mustache template. */
export function mustacheReferences(template: string): string[] {
  const Mustache = loadMustache();
  const names = new Set<string>();
  const visit = (tokens: unknown[][]) => {
    for (const t of tokens) {
      const [type, value] = t as [string, string];
      if ((type === "name" || type === "&") && value !== ".") names.add(value.split(".")[0]!);
      else if (type === "^") visit((t[4] as unknown[][]) ?? []);
    }
  };
  visit(Mustache.parse(template) as unknown[][]);
  return [...names];
}

const JINJA_BUILTINS = new Set(["loop", "super", "caller", "range", "cycler", "joiner", "varargs", "kwargs", "true", "false", "none", "True", "False", "None", "self"]);

/** Top-level names printed by a Jinja (Nunjucks) template, minus loop, set and macro locals. */
export function jinjaReferences(template: string): string[] {
  const root = loadNunjucksParser().parse(template);
  const printed = new Set<string>();
  const locals = new Set<string>();
  const addLocal = (n: unknown) => {
    if (!n || typeof n !== "object") return;
    const node = n as NunjucksNode;
    if (node.typename === "Symbol") locals.add(String(node.value));
    for (const c of (node.children as unknown[] | undefined) ?? []) addLocal(c);
    for (const f of node.fields ?? []) if (f !== "value") addLocal(node[f]);
  };
  const walk = (n: unknown, inOutput: boolean) => {
    if (!n || typeof n !== "object") return;
    if (Array.isArray(n)) {
      for (const c of n) walk(c, inOutput);
      return;
    }
    const node = n as NunjucksNode;
    if (!node.typename) return;
    switch (node.typename) {
      case "Symbol":
        if (inOutput) printed.add(String(node.value));
        return;
      case "For":
      case "AsyncEach":
      case "AsyncAll":
        addLocal(node.name);
        walk(node.body, inOutput);
        walk(node.else_, inOutput);
        return;
      case "Set":
        for (const t of (node.targets as unknown[]) ?? []) addLocal(t);
        walk(node.body, inOutput);
        return;
      case "Macro":
      case "Caller":
        addLocal(node.args);
        if (node.name) addLocal(node.name);
        walk(node.body, inOutput);
        return;
      case "Import":
      case "FromImport":
        addLocal(node.target);
        addLocal(node.names);
        return;
      case "Filter":
      case "FilterAsync":
        walk(node.args, inOutput);
        return;
      case "FunCall":
        walk(node.args, inOutput);
        return;
      case "LookupVal":
        walk(node.target, inOutput);
        return;
      case "If":
      case "IfAsync":
        walk(node.body, inOutput);
        walk(node.else_, inOutput);
        return;
      case "Output":
        for (const c of (node.children as unknown[]) ?? []) walk(c, true);
        return;
    }
    if (Array.isArray(node.children)) walk(node.children, inOutput);
    for (const f of node.fields ?? []) walk(node[f], inOutput);
  };
  walk(root, false);
  return [...printed].filter((n) => !locals.has(n) && !JINJA_BUILTINS.has(n));
}
