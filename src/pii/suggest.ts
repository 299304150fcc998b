/**
 * Same-shape placeholders for each finding: a reviewer sees the prompt keep its format, and the placeholder is
 * itself on the built-in allowlist so the suggestion never triggers the rule again.
 */
import type { PiiType } from "./types.js";
import { digitsOf } from "./text.js";

/** Writes `digits` into the digit positions of `shape`, right-aligned, keeping separators. */
function fillDigits(shape: string, digits: string): string {
  const count = digitsOf(shape).length;
  const source = digits.length >= count ? digits.slice(digits.length - count) : digits.padStart(count, "0");
  let k = 0;
  let out = "";
  for (const ch of shape) {
    if (ch >= "0" && ch <= "9") out += source[k++]!;
    else out += ch;
  }
  return out;
}

function phonePlaceholder(value: string): string {
  const digits = digitsOf(value);
  if (value.trim().startsWith("+")) {
    if (digits.startsWith("44")) return fillDigits(value, "447700900123");
    if (digits.startsWith("1") && digits.length === 11) return fillDigits(value, "12015550123");
    return "+1 201 555 0123";
  }
  if (digits.length === 10 && !digits.startsWith("0")) return fillDigits(value, "2015550123");
  if (digits.length === 11 && digits.startsWith("1")) return fillDigits(value, "12015550123");
  if (digits.startsWith("0") && digits.length === 11) return fillDigits(value, "07700900123");
  return "+1 201 555 0123";
}

function cardPlaceholder(value: string): string {
  const digits = digitsOf(value);
  if (digits.length === 15) return fillDigits(value, "378282246310005");
  if (digits.length === 16) return fillDigits(value, "4111111111111111");
  if (digits.length === 14) return fillDigits(value, "30569309025904");
  if (digits.length === 13) return fillDigits(value, "4222222222222");
  return "4111 1111 1111 1111";
}

function dobPlaceholder(value: string): string {
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(value)) return "1970-01-01";
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})$/.exec(value);
  if (m) return `01${m[2]}01${m[2]}${m[4]!.length === 2 ? "70" : "1970"}`;
  if (/^\d/.test(value)) return "1 January 1970";
  return "January 1, 1970";
}

export function placeholderFor(type: PiiType, value: string): string {
  switch (type) {
    case "email":
      return "jane.doe@example.com";
    case "phone":
      return phonePlaceholder(value);
    case "credit-card":
      return cardPlaceholder(value);
    case "iban":
      return /\s/.test(value) ? "DE89 3704 0044 0532 0130 00" : "DE89370400440532013000";
    case "us-ssn": {
      // Area 000 is never issued: clearly a placeholder, never a real number.
      const sep = /^\d{3}(\D)/.exec(value)?.[1] ?? "";
      return `000${sep}00${sep}0000`;
    }
    case "ip-address":
      return value.includes(":") ? "2001:db8::1" : "192.0.2.1";
    case "person-name":
      return value.trim().includes(" ") ? "Jane Doe" : "Jane";
    case "street-address":
      return "123 Example Street";
    case "date-of-birth":
      return dobPlaceholder(value);
  }
}
