/**
 * Mustache / Handlebars tags (also the body of dotprompt files): variables with name ranges, block tags
 * for balance checks, comments, partials, and dotprompt's `{{role "..."}}` markers. A linear scan:
 * every search for a closing delimiter goes through a memoising `Finder`.
 */
import type { Range, SegmentRole, TemplateVariable, VariableSyntax } from "../model/document.js";
import type { DocumentBuilder } from "./builder.js";
import { Finder } from "./scan-util.js";

export interface TemplateScan {
  /** Ranges that are not prose: comments and role markers. */
  cuts: Range[];
  /** Role changes: prose after `range` has `role`. */
  roleMarkers: { range: Range; role: SegmentRole }[];
}

/** Handlebars built-in block helpers and dotprompt helpers: not variables. */
const BLOCK_HELPERS = new Set(["if", "unless", "each", "with", "lookup", "log", "ifEquals", "unlessEquals"]);
const SCOPE_HELPERS = new Set(["each", "with"]);
const DOTPROMPT_HELPERS = new Set(["role", "history", "section", "media", "json", "ifEquals", "unlessEquals"]);
const DATA_LOCALS = new Set(["@index", "@key", "@first", "@last", "this", "."]);

const DOTPROMPT_ROLES: Record<string, SegmentRole> = { system: "system", user: "user", model: "assistant", assistant: "assistant", tool: "tool" };

interface Token {
  text: string;
  start: number;
  /** `helper`: the name right after `(`, a sub-expression's helper, not a variable. */
  kind: "path" | "string" | "number" | "hash" | "helper" | "other";
  /** For `key=value` hash pairs: the value token. */
  value?: Token;
}

/** Splits a tag's expression into tokens with offsets (strings, paths, `key=value`, sub-expressions flattened). */
function tokenize(source: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let pendingHash: Token | undefined;
  const push = (token: Token) => {
    if (pendingHash) {
      pendingHash.value = token;
      pendingHash = undefined;
    } else tokens.push(token);
  };
  let i = start;
  let subexpressionHead = false;
  while (i < end) {
    const c = source[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "(" || c === ")" || c === "|") {
      if (c === "(") subexpressionHead = true;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < end && source[j] !== c) j += source[j] === "\\" ? 2 : 1;
      push({ text: source.slice(i + 1, Math.min(j, end)), start: i + 1, kind: "string" });
      subexpressionHead = false;
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < end) {
      const d = source[j]!;
      if (d === " " || d === "\t" || d === "\n" || d === "\r" || d === "(" || d === ")" || d === "=" || d === "|" || d === '"' || d === "'") break;
      if (d === "[") {
        // Segment literal `a.[b c]`.
        const close = source.indexOf("]", j);
        j = close === -1 || close >= end ? end : close + 1;
        continue;
      }
      j++;
    }
    if (j === i) {
      i++;
      continue;
    }
    const text = source.slice(i, j);
    let kind: Token["kind"] = /^-?\d/.test(text) ? "number" : text === "true" || text === "false" || text === "null" || text === "undefined" ? "other" : "path";
    if (subexpressionHead && kind === "path") kind = "helper";
    subexpressionHead = false;
    const token: Token = { text, start: i, kind };
    i = j;
    if (source[j] === "=") {
      token.kind = "hash";
      tokens.push(token);
      pendingHash = token;
      i = j + 1;
      continue;
    }
    push(token);
  }
  return tokens;
}

interface Scope {
  keyword: string;
  /** Bare names resolve against the item (`each`, `with`): they are loop-locals. */
  changesContext: boolean;
  locals: Set<string>;
}

export interface HandlebarsOptions {
  syntax: Extract<VariableSyntax, "mustache" | "handlebars">;
  /** Dotprompt: `{{role "x"}}` markers split roles; its helpers are not variables. */
  dotprompt?: boolean;
}

export function scanHandlebars(builder: DocumentBuilder, range: Range, options: HandlebarsOptions): TemplateScan {
  const source = builder.source;
  const [start, end] = range;
  const finder = new Finder(source, end);
  const scan: TemplateScan = { cuts: [], roleMarkers: [] };
  const scopes: Scope[] = [];
  const syntax = options.syntax;
  let currentRange: Range = [start, start];
  let i = start;
  while (i < end) {
    const open = finder.indexOf("{{", i);
    if (open === -1) break;
    // Comments first: `{{!-- ... --}}` may contain `}}`.
    let innerStart = open + 2;
    let closeToken = "}}";
    if (source.startsWith("{{{", open)) {
      innerStart = open + 3;
      closeToken = "}}}";
    }
    if (source[innerStart] === "~") innerStart++;
    if (source.startsWith("!--", innerStart)) {
      const close = finder.indexOf("--}}", innerStart + 3);
      const tagEnd = close === -1 ? end : close + 4;
      if (close === -1) builder.problem("template", "Unclosed comment: expected `--}}`", [open, Math.min(end, open + 5)]);
      addComment(builder, scan, [open, tagEnd], [innerStart + 3, close === -1 ? end : close]);
      i = tagEnd;
      continue;
    }
    const close = finder.indexOf(closeToken, innerStart);
    if (close === -1) {
      builder.problem("template", `Unclosed tag: expected \`${closeToken}\``, [open, open + (closeToken.length === 3 ? 3 : 2)]);
      i = open + 2;
      continue;
    }
    let innerEnd = close;
    const tagEnd = close + closeToken.length;
    if (source[innerEnd - 1] === "~" && innerEnd - 1 >= innerStart) innerEnd--;
    const tagRange: Range = [open, tagEnd];
    currentRange = tagRange;
    i = tagEnd;
    const sigil = source[innerStart];
    if (closeToken === "}}}") {
      handleExpression(innerStart, innerEnd, "variable");
      continue;
    }
    if (sigil === "!") {
      addComment(builder, scan, tagRange, [innerStart + 1, innerEnd]);
      continue;
    }
    if (sigil === "=") {
      builder.problem("template", "Set-delimiter tags (`{{=<% %>=}}`) are not supported; tags after it are not checked", tagRange);
      break;
    }
    if (sigil === "#" || sigil === "^") {
      let s = innerStart + 1;
      if (source[s] === ">" || source[s] === "*") s++; // partial block / inline partial
      const tokens = tokenize(source, s, innerEnd);
      const head = tokens[0];
      if (!head) {
        if (sigil === "^") builder.tags.push({ syntax, type: "middle", keyword: "else", range: tagRange });
        else builder.problem("template", "Empty block tag", tagRange);
        continue;
      }
      builder.tags.push({ syntax, type: "open", keyword: head.text, range: tagRange });
      if (options.dotprompt && head.text === "role") {
        // Block form `{{#role "system"}}...{{/role}}`.
        scan.roleMarkers.push({ range: tagRange, role: DOTPROMPT_ROLES[tokens[1]?.text ?? ""] ?? "user" });
        scan.cuts.push(tagRange);
      }
      const locals = new Set<string>();
      let argsEnd = innerEnd;
      const asIndex = source.slice(s, innerEnd).indexOf(" as |");
      if (asIndex !== -1) {
        argsEnd = s + asIndex;
        const paramsStart = argsEnd + 5;
        const paramsEnd = source.indexOf("|", paramsStart);
        if (paramsEnd !== -1 && paramsEnd < innerEnd) {
          for (const name of source.slice(paramsStart, paramsEnd).split(/\s+/)) if (name) locals.add(name);
        }
      }
      const isHelper = syntax === "handlebars" && (BLOCK_HELPERS.has(head.text) || tokens.length > 1);
      const args = isHelper ? tokens.slice(1) : [head];
      // Arguments are evaluated in the enclosing scope, before the block opens its own.
      for (const token of args) if (token.start < argsEnd) addToken(token, "section");
      scopes.push({ keyword: head.text, changesContext: syntax === "handlebars" && SCOPE_HELPERS.has(head.text), locals });
      continue;
    }
    if (sigil === "/") {
      const name = source.slice(innerStart + 1, innerEnd).trim();
      builder.tags.push({ syntax, type: "close", keyword: name, range: tagRange });
      if (options.dotprompt && name === "role") scan.cuts.push(tagRange);
      for (let k = scopes.length - 1; k >= 0; k--) {
        if (scopes[k]!.keyword === name) {
          scopes.length = k;
          break;
        }
      }
      continue;
    }
    if (sigil === ">") {
      const tokens = tokenize(source, innerStart + 1, innerEnd);
      const head = tokens[0];
      builder.tags.push({ syntax, type: "single", keyword: "partial", range: tagRange });
      if (head) {
        builder.variables.push(variable(head.text, head.text, head.start, tagRange, "partial"));
        for (const token of tokens.slice(1)) addToken(token, "variable");
      }
      continue;
    }
    if (sigil === "&") {
      handleExpression(innerStart + 1, innerEnd, "variable");
      continue;
    }
    const inner = source.slice(innerStart, innerEnd).trim();
    if (inner === "else" || inner.startsWith("else ")) {
      builder.tags.push({ syntax, type: "middle", keyword: "else", range: tagRange });
      const tokens = tokenize(source, innerStart, innerEnd).slice(1);
      if (tokens[0] && syntax === "handlebars") tokens.shift(); // `else if x`: the helper name
      for (const token of tokens) addToken(token, "section");
      continue;
    }
    handleExpression(innerStart, innerEnd, "variable");
  }
  return scan;

  function handleExpression(s: number, e: number, kind: TemplateVariable["kind"]) {
    const tokens = tokenize(source, s, e);
    const head = tokens[0];
    const range = currentRange;
    if (!head) {
      builder.problem("template", "Empty tag", range);
      return;
    }
    if (options.dotprompt && head.kind === "path" && DOTPROMPT_HELPERS.has(head.text)) {
      builder.tags.push({ syntax, type: "single", keyword: head.text, range });
      if (head.text === "role") {
        const roleName = tokens[1]?.text ?? "";
        scan.roleMarkers.push({ range, role: DOTPROMPT_ROLES[roleName] ?? "user" });
        scan.cuts.push(range);
        return;
      }
      if (head.text === "history") {
        scan.cuts.push(range);
        return;
      }
      for (const token of tokens.slice(1)) addToken(token, kind);
      return;
    }
    if (tokens.length > 1 && syntax === "handlebars") {
      for (const token of tokens.slice(1)) addToken(token, kind);
      return;
    }
    addToken(head, kind);
  }

  function addToken(token: Token, kind: TemplateVariable["kind"]) {
    const t = token.kind === "hash" ? token.value : token;
    if (!t || t.kind !== "path") return;
    let path = t.text;
    let nameStart = t.start;
    const range = currentRange;
    let local = false;
    let root = false;
    if (path.startsWith("@root.")) {
      path = path.slice(6);
      nameStart += 6;
      root = true;
    } else if (path.startsWith("this.") || path.startsWith("./")) {
      const cut = path.startsWith("this.") ? 5 : 2;
      path = path.slice(cut);
      nameStart += cut;
      local = scopes.some((sc) => sc.changesContext);
    } else if (path.startsWith("../")) {
      let depth = 0;
      while (path.startsWith("../")) {
        path = path.slice(3);
        nameStart += 3;
        depth++;
      }
      const contextScopes = scopes.filter((sc) => sc.changesContext).length;
      local = contextScopes - depth > 0;
    }
    const dot = path.search(/[.\/\[]/);
    const name = dot === -1 ? path : path.slice(0, dot);
    if (!name) return;
    if (!root) {
      if (DATA_LOCALS.has(name) || name.startsWith("@") || path === "this") local = true;
      else if (scopes.some((sc) => sc.locals.has(name))) local = true;
      else if (scopes.some((sc) => sc.changesContext)) local = true;
    }
    builder.variables.push(variable(name, path, nameStart, range, local ? "loop-local" : kind));
  }

  function variable(name: string, path: string, nameStart: number, range: Range, kind: TemplateVariable["kind"]): TemplateVariable {
    return { name, path, syntax, range, nameRange: [nameStart, nameStart + name.length], kind };
  }
}

function addComment(builder: DocumentBuilder, scan: TemplateScan, range: Range, inner: Range) {
  builder.comments.push({ value: builder.source.slice(inner[0], inner[1]).trim(), range, syntax: "handlebars" });
  scan.cuts.push(range);
}
