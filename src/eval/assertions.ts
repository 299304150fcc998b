/**
 * Checks one model answer against a case's assertions. Messages say what was expected and what was found;
 * any excerpt of the answer shown in a message has its secrets and personal data masked first.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { maskValue } from "../rule-api/mask.js";
import { maskSensitiveText } from "./redact.js";
import { execRegex, REGEX_TIMEOUT_MS } from "./regex-runner.js";
import type { Assertion, ChatTurn, ProviderUsage } from "./types.js";

export interface AssertionContext {
  caseName: string;
  vars: Record<string, unknown>;
  messages: ChatTurn[];
  latencyMs: number;
  usage?: ProviderUsage;
  model: string;
  promptPath: string;
  /** Folder that relative `javascript:` paths resolve from (the cases file's folder). */
  baseDir: string;
}

export interface AssertionOutcome {
  pass: boolean;
  /** Why it failed (undefined when it passed). */
  message?: string;
  /** The failure message mentions masked personal data. */
  sensitive?: boolean;
}

let piiReady: Promise<typeof import("../pii/index.js")> | undefined;

async function pii(): Promise<typeof import("../pii/index.js")> {
  piiReady ??= (async () => {
    const mod = await import("../pii/index.js");
    await mod.preloadPiiDependencies(mod.PII_TYPES);
    return mod;
  })();
  return piiReady;
}

/**
 * The answer cut to a short excerpt, with secrets and personal data masked as lint masks them. The whole
 * answer is masked before it is cut, so a key that straddles the cut is still recognised as one.
 */
export async function safeExcerpt(text: string, max = 80): Promise<string> {
  const masked = await maskSensitiveText(text.length > 64 * 1024 ? text.slice(0, 64 * 1024) : text);
  const oneLine = masked.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * What identifies an assertion's outcome on a given answer: its type and value, and for `javascript:` the
 * content of the module (an edited module must not be answered from a cached verdict).
 */
export function assertionDigest(assertion: Assertion, baseDir: string): string {
  const hash = createHash("sha256").update(JSON.stringify([assertion.type, "value" in assertion ? assertion.value : null]));
  if (assertion.type === "javascript") {
    try {
      hash.update(readFileSync(path.resolve(baseDir, assertion.value)));
    } catch {
      hash.update("\0missing");
    }
  }
  return hash.digest("hex").slice(0, 32);
}

export async function checkAssertion(assertion: Assertion, output: string, ctx: AssertionContext): Promise<AssertionOutcome> {
  switch (assertion.type) {
    case "contains":
      return output.includes(assertion.value) ? ok() : fail(`Expected the answer to contain ${q(assertion.value)}, found no match`);
    case "icontains":
      return output.toLowerCase().includes(assertion.value.toLowerCase())
        ? ok()
        : fail(`Expected the answer to contain ${q(assertion.value)} (any case), found no match`);
    case "not-contains": {
      const at = output.indexOf(assertion.value);
      return at === -1 ? ok() : fail(`Unexpected ${q(assertion.value)} in the answer at character ${at + 1}, expected it absent`);
    }
    case "not-icontains": {
      const at = output.toLowerCase().indexOf(assertion.value.toLowerCase());
      return at === -1 ? ok() : fail(`Unexpected ${q(assertion.value)} (any case) in the answer at character ${at + 1}, expected it absent`);
    }
    case "equals":
      return output.trim() === assertion.value.trim()
        ? ok()
        : fail(`Expected the answer to equal ${q(assertion.value)}, got ${q(await safeExcerpt(output))}`, true);
    case "regex":
    case "not-regex": {
      const found = await execRegex(assertion.value, "u", output);
      if ("timedOut" in found) {
        return fail(`The regex /${assertion.value}/ ran longer than ${REGEX_TIMEOUT_MS} ms on the answer (catastrophic backtracking?) and was stopped; rewrite it without nested repetition`);
      }
      if ("error" in found) return fail(`The regex /${assertion.value}/ could not run: ${found.error}`);
      if (assertion.type === "regex") return found.index >= 0 ? ok() : fail(`Expected the answer to match /${assertion.value}/, found no match`);
      return found.index >= 0 ? fail(`Unexpected match of /${assertion.value}/ at character ${found.index + 1}, expected none`) : ok();
    }
    case "is-json": {
      const parsed = parseJsonAnswer(output);
      return parsed.ok ? ok() : fail(`Expected a JSON answer, got invalid JSON: ${parsed.error}`);
    }
    case "json-schema":
      return checkJsonSchema(assertion.value, output);
    case "max-words": {
      const words = output.split(/\s+/).filter(Boolean).length;
      return words <= assertion.value ? ok() : fail(`Expected at most ${assertion.value} words, got ${words}`);
    }
    case "max-chars":
      return output.length <= assertion.value ? ok() : fail(`Expected at most ${assertion.value} characters, got ${output.length}`);
    case "max-output-tokens": {
      const tokens = ctx.usage?.output ?? (await estimateTokens(output));
      return tokens <= assertion.value ? ok() : fail(`Expected at most ${assertion.value} output tokens, got ${tokens}`);
    }
    case "max-latency-ms":
      return ctx.latencyMs <= assertion.value ? ok() : fail(`Expected an answer within ${assertion.value} ms, took ${Math.round(ctx.latencyMs)} ms`);
    case "no-pii":
      return checkNoPii(assertion.value, output);
    case "javascript":
      return checkJavascript(assertion.value, output, ctx);
  }
}

function ok(): AssertionOutcome {
  return { pass: true };
}

function fail(message: string, sensitive = false): AssertionOutcome {
  return { pass: false, message, sensitive: sensitive || undefined };
}

function q(text: string): string {
  return JSON.stringify(text);
}

/** JSON answer, accepting one surrounding ```json fence (models add it often). */
export function parseJsonAnswer(output: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const fenced = /^\s*```(?:json)?[ \t]*\r?\n([\s\S]*?)\r?\n```\s*$/.exec(output);
  const text = fenced ? fenced[1]! : output;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

async function checkJsonSchema(schema: Record<string, unknown> | boolean, output: string): Promise<AssertionOutcome> {
  const parsed = parseJsonAnswer(output);
  if (!parsed.ok) return fail(`Expected a JSON answer valid against the schema, got invalid JSON: ${parsed.error}`);
  const { compileSchema } = await import("./validate.js");
  let validate;
  try {
    validate = compileSchema(schema);
  } catch (error) {
    return fail(`The json-schema assertion holds an invalid schema: ${(error as Error).message}`);
  }
  if (validate(parsed.value)) return ok();
  const first = validate.errors?.[0];
  const where = first?.instancePath || "(root)";
  return fail(`Expected the JSON answer to match the schema, found ${where} ${first?.message ?? "invalid"}`);
}

async function checkNoPii(types: true | string[], output: string): Promise<AssertionOutcome> {
  const mod = await pii();
  const wanted = types === true ? undefined : (types.filter((t) => (mod.PII_TYPES as readonly string[]).includes(t)) as (typeof mod.PII_TYPES)[number][]);
  const found = mod.detectPii(output, wanted ? { types: wanted } : {});
  if (found.length === 0) return ok();
  const first = found[0]!;
  const more = found.length > 1 ? ` and ${found.length - 1} more` : "";
  return fail(`Unexpected ${first.type} ${maskValue(first.value)} in the answer at character ${first.start + 1}${more}, expected no personal data`, true);
}

async function checkJavascript(modulePath: string, output: string, ctx: AssertionContext): Promise<AssertionOutcome> {
  const abs = path.resolve(ctx.baseDir, modulePath);
  let fn: unknown;
  try {
    const mod = (await import(pathToFileURL(abs).href)) as { default?: unknown; assert?: unknown };
    fn = mod.default ?? mod.assert;
  } catch (error) {
    return fail(`Cannot load the javascript assertion ${modulePath}: ${(error as Error).message}`);
  }
  if (typeof fn !== "function") return fail(`Expected ${modulePath} to export a function (default export), found ${typeof fn}`);
  let result: unknown;
  try {
    result = await (fn as (o: string, c: unknown) => unknown)(output, {
      caseName: ctx.caseName,
      vars: ctx.vars,
      messages: ctx.messages,
      latencyMs: ctx.latencyMs,
      usage: ctx.usage,
      model: ctx.model,
      promptPath: ctx.promptPath,
    });
  } catch (error) {
    return fail(`The javascript assertion ${modulePath} threw: ${(error as Error).message}`);
  }
  if (typeof result === "boolean") return result ? ok() : fail(`The javascript assertion ${modulePath} returned false`);
  if (result && typeof result === "object" && "pass" in result) {
    const r = result as { pass: unknown; reason?: unknown };
    if (r.pass === true) return ok();
    return fail(`The javascript assertion ${modulePath} failed${typeof r.reason === "string" && r.reason ? `: ${r.reason}` : ""}`);
  }
  return fail(`Expected ${modulePath} to return a boolean or { pass, reason }, got ${typeof result}`);
}

/** Token count of an answer when the provider reports no usage (o200k_base). */
export async function estimateTokens(text: string): Promise<number> {
  const [{ loadCounter }, { builtinRegistryData }] = await Promise.all([import("../tokens/tokenizer.js"), import("../tokens/registry.js")]);
  try {
    // Special-token text such as <|endoftext|> in an answer is ordinary text here, as in every promptvet count.
    return (await loadCounter("o200k_base", builtinRegistryData().tokenizers)).count(text);
  } catch {
    return Math.ceil(text.length / 4);
  }
}
