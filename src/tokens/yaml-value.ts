import type { Fix } from "../rule-api/types.js";
import type { Range } from "../model/document.js";

/** A fix that replaces a YAML scalar's value, keeping its quotes when it had them. */
export function replaceScalar(source: string, range: Range, value: string): Fix {
  const raw = source.slice(range[0], range[1]);
  const quote = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0] ? raw[0] : "";
  return { range: [range[0], range[1]], text: `${quote}${value}${quote}` };
}
