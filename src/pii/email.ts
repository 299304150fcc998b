/**
 * Email addresses. Scans from each `@` outwards (linear on any input), then validates the shape: a local part,
 * a dotted domain and an alphabetic top-level label.
 */
import { isReservedDomain, isTemplatePlaceholder } from "./allowlist.js";
import { isPublicContact } from "./public-context.js";
import type { DetectorContext, PiiMatch } from "./types.js";
import { isAsciiLetterCode, isDigitCode } from "./text.js";

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isLocalChar(c: number): boolean {
  // A-Z a-z 0-9 . _ % + - '
  return isAsciiLetterCode(c) || isDigitCode(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39;
}

function isDomainChar(c: number): boolean {
  return isAsciiLetterCode(c) || isDigitCode(c) || c === 46 || c === 45;
}

/** Mailboxes of a function, not a person (support@, noreply@...): reported only with `includeRoleEmails`. */
const ROLE_LOCAL_PARTS = new Set([
  "support", "help", "helpdesk", "info", "contact", "sales", "noreply", "no-reply", "donotreply", "do-not-reply",
  "admin", "administrator", "webmaster", "postmaster", "hostmaster", "abuse", "security", "privacy", "legal", "press",
  "media", "team", "hello", "hi", "billing", "careers", "jobs", "feedback", "hr", "marketing", "office", "service",
  "customerservice", "customer-service", "customercare", "care", "enquiries", "inquiries", "notifications", "alerts",
  "news", "newsletter", "dev", "developers", "devrel", "ops", "it", "root", "mail", "dpo", "compliance", "partners",
  "accounts", "accounting", "finance", "orders", "returns", "refunds", "shipping", "bugs", "git", "github",
  "opensource", "community", "events", "investors", "ir", "copyright", "dmca", "trust", "safety", "reports", "report",
  "licensing", "api", "bot", "noc", "status", "example", "test", "demo", "oss", "maintainers", "oncall", "on-call",
]);

/** Local parts that are placeholders even at a real domain ("yourname@gmail.com"). */
const PLACEHOLDER_LOCAL = /^(?:user(?:name)?|some(?:one|body)|name|email|e-mail|your[._-]?(?:name|email|address)?|my[._-]?(?:name|email)|first[._-]?(?:name)?[._-]?last(?:name)?|firstname|lastname|first|last|john(?:[._-]?doe)?|jane(?:[._-]?doe)?|j[._-]?doe|foo|bar|foobar|me|you|anyone|nobody|x+|a+|abc|xyz|address|mailbox|recipient|sender|customer|client|person|test[\w.-]*|demo[\w.-]*|sample[\w.-]*|dummy[\w.-]*|fake[\w.-]*)$/i;

/** Top-level labels that are really file extensions (`logo@2x.png`, `module@1.0.js`). */
const FILE_EXTENSIONS = new Set([
  "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "js", "mjs", "cjs", "ts", "tsx", "jsx", "css", "scss",
  "json", "md", "mdx", "yaml", "yml", "py", "rb", "go", "rs", "java", "kt", "txt", "html", "htm", "xml", "lock",
  "vue", "svelte", "php", "sh", "zip", "gz", "tar", "pdf", "csv", "toml", "ini", "cfg", "conf", "env", "local",
]);

export function detectEmails({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const builtin = options.builtinAllowlist !== false;
  let searchFrom = 0;
  while (true) {
    const at = text.indexOf("@", searchFrom);
    if (at === -1) break;
    searchFrom = at + 1;
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
    while (start < at && (text[start] === "." || text[start] === "'")) start++;
    if (start === at) continue;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text[end - 1] === "." || text[end - 1] === "-")) end--;
    const domain = text.slice(at + 1, end);
    const labels = domain.split(".");
    if (labels.length < 2 || labels.some((l) => l === "" || l.startsWith("-") || l.endsWith("-"))) continue;
    const tld = labels[labels.length - 1]!;
    // Real top-level labels are written in one case; `V1.FormattedValue` is an annotation, not a domain.
    if (!/^(?:[a-z]{2,24}|[A-Z]{2,24})$/.test(tld)) continue;
    // Glued to more address-like text on either side: part of a URL path, a longer token or a quoted string.
    const before = text[start - 1];
    if (before !== undefined && /[\w/@]/.test(before)) continue;
    if (text[end] === "@") continue;
    // Credentials in a URL (postgres://app:secret@db): the "local part" is a password.
    const head = text.slice(Math.max(0, start - 200), start);
    const tokenStart = Math.max(head.lastIndexOf(" "), head.lastIndexOf("\n"));
    if (head.slice(tokenStart + 1).includes("://")) continue;
    const local = text.slice(start, at);
    const value = text.slice(start, end);
    if (builtin) {
      if (isReservedDomain(domain)) continue;
      if (FILE_EXTENSIONS.has(tld.toLowerCase())) continue;
      if (PLACEHOLDER_LOCAL.test(local) || isTemplatePlaceholder(value)) continue;
      // HANDLE@gmail.com, USER_EMAIL@corp.com: an upper-case local part is a placeholder; a@b.com is a sketch.
      if (/^[A-Z][A-Z_]{2,}$/.test(local)) continue;
      if (local.length === 1 && labels[labels.length - 2]!.length === 1) continue;
      if (!options.includeRoleEmails && ROLE_LOCAL_PARTS.has(local.toLowerCase())) continue;
      if (!options.includeRoleEmails && isPublicContact(text, options.before, start, end)) continue;
    }
    out.push({ type: "email", start, end, value, confidence: 0.95 });
    searchFrom = end;
  }
  return out;
}
