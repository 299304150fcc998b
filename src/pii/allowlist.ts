/**
 * Built-in allowlists: values that look like personal data but are reserved for documentation, fiction or
 * testing, plus the user's own allowlist. Keeping these out is what lets teams leave the rules on.
 */
import type { PiiAllowConfig, PiiType } from "./types.js";
import { digitsOf } from "./text.js";

/** RFC 2606 / RFC 6761 reserved names: example.com/.net/.org, *.example, .test, .invalid, .localhost, localhost. */
export function isReservedDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, "");
  if (d === "localhost") return true;
  const labels = d.split(".");
  const tld = labels[labels.length - 1]!;
  if (tld === "example" || tld === "test" || tld === "invalid" || tld === "localhost" || tld === "local") return true;
  const last2 = labels.slice(-2).join(".");
  if (last2 === "example.com" || last2 === "example.net" || last2 === "example.org" || last2 === "example.edu") return true;
  return isPlaceholderDomain(labels);
}

/**
 * Domains that only ever appear in documentation: the fictitious companies of Microsoft's documentation
 * (Contoso, Fabrikam, Northwind Traders...), "Acme", generic stand-ins (company.com, domain.com), tenants written
 * as "yourtenant"/"yourcompany", and any label that says it is a sample, demo, dummy or fake.
 */
const DOC_COMPANIES = new Set([
  "contoso", "fabrikam", "northwindtraders", "northwind", "adventure-works", "adventureworks", "wideworldimporters",
  "tailspintoys", "wingtiptoys", "woodgrovebank", "woodgrove", "litwareinc", "litware", "proseware", "fourthcoffee",
  "alpineskihouse", "treyresearch", "cohowinery", "cohovineyard", "margiestravel", "lucernepublishing", "relecloud",
  "acme", "acmecorp", "acme-corp", "company", "yourcompany", "mycompany", "domain", "yourdomain", "mydomain",
  "somewhere", "somedomain", "website", "yoursite", "mysite", "email", "mail-provider", "foo", "bar", "foobar",
]);

function isPlaceholderDomain(labels: string[]): boolean {
  const registrable = labels.length >= 2 ? labels[labels.length - 2]! : "";
  if (DOC_COMPANIES.has(registrable)) return true;
  return labels.some((l) => /^your|^my-?(?:tenant|org|company|domain)|sample|example|dummy|fake|placeholder|noreply|no-reply/.test(l));
}

/**
 * Fictional phone ranges, as E.164 digits without `+`:
 * - NANP: the whole 555 exchange. Only 555-0100..0199 is formally fictional, but the rest of the exchange is
 *   unassigned apart from directory services (555-1212, 555-4334), so no 555 number is a person's line.
 * - UK: Ofcom's drama mobile range 07700 900xxx, the placeholder promptvet suggests for UK numbers. Ofcom's other
 *   drama ranges (geographic, freephone and premium: 0161 496 0xxx, 020 7946 0xxx ...) are reported: they are
 *   valid numbers of the UK plan that a reader cannot tell from a person's line, and prompts use them as such.
 * - Australia: ACMA's fictitious ranges.
 */
export function isFictionalPhone(e164Digits: string): boolean {
  if (/^1(?:[2-9]\d{2}555\d{4}|555\d{7})$/.test(e164Digits)) return true;
  if (e164Digits.startsWith("44")) {
    const n = e164Digits.slice(2);
    return n.startsWith(UK_DRAMA_MOBILE);
  }
  if (e164Digits.startsWith("61")) {
    const n = e164Digits.slice(2);
    return /^491570\d{3}$/.test(n) || /^4915(7[0-9])\d{3}$/.test(n) || /^[2378](5550|7010)\d{4}$/.test(n);
  }
  return false;
}

/** Ofcom's drama mobile range without the trunk 0 (07700 900000-900999). */
const UK_DRAMA_MOBILE = "7700900";

/** Documented test card numbers (Stripe, Braintree, Adyen, PayPal sandbox and card-network samples). */
const TEST_CARDS = new Set([
  "4111111111111111", "4242424242424242", "4000056655665556", "4012888888881881", "4222222222222", "4005519200000004",
  "4009348888881881", "4012000033330026", "4012000077777777", "4217651111111119", "4500600000000061", "4000000000000002",
  "4000000000009995", "4000000000000077", "4000002500003155", "4000000000003220", "4000000760000002", "4000001240000000",
  "4000000000000101", "4000000000000341", "4000000000000069", "4000000000000127", "4000000000000119",
  "5555555555554444", "2223003122003222", "5200828282828210", "5105105105105100", "5431111111111111", "5500000000000004",
  "5454545454545454", "2222400010000008", "5100000000000008",
  "378282246310005", "371449635398431", "378734493671000", "340000000000009", "370000000000002",
  "6011111111111117", "6011000990139424", "6011000400000000", "6011981111111113", "6011601160116611", "6445644564456445",
  "3056930009020004", "36227206271667", "30569309025904", "38520000023237", "36006666333344", "36148900647913",
  "3566002020360505", "3530111333300000", "3566111111111113", "3528000000000007",
  "6200000000000005", "6205500000000000004", "6250946000000016", "6304000000000000", "6759649826438453",
]);

/**
 * A documented test card, or an obvious dummy: fewer than four distinct digits (4111..., 4242..., 5555...4444,
 * 4000 0000 0000 0002). Real card numbers almost never repeat so few digits.
 */
export function isTestCard(digits: string): boolean {
  if (TEST_CARDS.has(digits)) return true;
  return new Set(digits).size < 4;
}

/** IBANs printed in standards, bank documentation and library READMEs. */
const EXAMPLE_IBANS = new Set([
  "DE89370400440532013000", "DE75512108001245126199", "DE02120300000000202051", "DE02500105170137075030",
  "DE12500105170648489890", "GB82WEST12345698765432", "GB29NWBK60161331926819", "GB33BUKB20201555555555",
  "GB94BARC10201530093459", "FR1420041010050500013M02606", "FR7630006000011234567890189", "NL91ABNA0417164300",
  "NL02ABNA0123456789", "ES9121000418450200051332", "IT60X0542811101000000123456", "CH9300762011623852957",
  "BE68539007547034", "AT611904300234573201", "PL61109010140000071219812874", "SE4550000000058398257466",
  "DK5000400440116243", "FI2112345600000785", "NO9386011117947", "IE29AIBK93115212345678", "LU280019400644750000",
  "PT50000201231234567890154", "CZ6508000000192000145399", "GR1601101250000000012300695", "SA0380000000608010167519",
  "AE070331234567890123456", "BR1800360305000010009795493C1", "MT84MALT011000012345MTLCAST001S",
]);

export function isExampleIban(compact: string): boolean {
  return EXAMPLE_IBANS.has(compact.toUpperCase());
}

/** Widely published sample SSNs (Woolworth's wallet card, advertising and textbook numbers). */
const EXAMPLE_SSNS = new Set(["078051120", "219099999", "123456789", "111223333", "012345678", "457555462"]);

export function isExampleSsn(digits: string): boolean {
  return EXAMPLE_SSNS.has(digits);
}

/**
 * Public resolvers and well-known service addresses (a prompt that says "use 8.8.8.8" names infrastructure,
 * not a person), and the counting placeholders everyone writes (1.2.3.4, 5.6.7.8).
 */
const PUBLIC_SERVICE_IPS = new Set([
  "8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9", "149.112.112.112", "208.67.222.222", "208.67.220.220",
  "4.2.2.2", "4.2.2.1", "1.2.3.4", "5.6.7.8", "4.3.2.1", "2.3.4.5", "6.7.8.9", "9.8.7.6", "1.1.1.2", "2001:4860:4860::8888", "2001:4860:4860::8844", "2606:4700:4700::1111", "2606:4700:4700::1001",
]);

export function isPublicServiceIp(ip: string): boolean {
  return PUBLIC_SERVICE_IPS.has(ip.toLowerCase());
}

/**
 * Placeholder personal names used in documentation and examples. Alice/Bob/Carol/Eve/Mallory are included only
 * as full names with a placeholder surname ("Alice Example"), or alone: alone they are the cryptography cast and
 * carry no identity. "Jane Doe", "John Smith" and friends are the classic stand-ins.
 */
const PLACEHOLDER_NAMES = new Set([
  "jane doe", "john doe", "jane", "john", "joe bloggs", "jane smith", "john smith", "john q. public", "john q public",
  "richard roe", "mary major", "max mustermann", "erika mustermann", "juan pérez", "juan perez", "mario rossi",
  "jean dupont", "alice", "bob", "carol", "dave", "eve", "mallory", "trent", "peggy", "victor", "alice smith",
  "bob smith", "alice example", "bob example", "test user", "sample user", "foo bar", "jane q. public", "j. doe",
  "baby doe", "john roe", "jane roe",
  // Other languages' stand-ins: Norway, Poland, Czechia, the Netherlands, Finland, Sweden, Denmark, Switzerland,
  // Spain and Latin America, Brazil.
  "ola nordmann", "kari nordmann", "jan kowalski", "anna kowalska", "jan novák", "jan novak", "jan jansen",
  "piet jansen", "matti meikäläinen", "maija meikäläinen", "sven svensson", "medel svensson", "jens hansen",
  "hans muster", "max muster", "fulano de tal", "fulano", "mengano", "zutano", "beltrano", "ciclano",
  "maría pérez", "maria perez", "josé da silva", "jose da silva", "marie dupont", "pierre dupont", "mario bianchi",
  "john q. doe", "jane q. doe", "a. n. other", "tommy atkins", "john citizen", "jane citizen", "joe public",
  // The stand-ins' surnames alone, as a form's last-name field holds them.
  "doe", "roe", "bloggs", "mustermann", "musterfrau", "nordmann", "meikäläinen",
]);

export function isPlaceholderName(name: string): boolean {
  return PLACEHOLDER_NAMES.has(name.toLowerCase().replace(/\s+/g, " ").trim());
}

/**
 * Public figures a prompt may mention as a topic ("write like Shakespeare", "a quote by Einstein"). Heuristic:
 * a name in this list is never reported, because in prompts these people are subjects, not customers. Kept short
 * on purpose: add your own through the allowlist.
 */
const PUBLIC_FIGURES = new Set([
  "albert einstein", "einstein", "isaac newton", "marie curie", "charles darwin", "nikola tesla", "ada lovelace",
  "alan turing", "grace hopper", "william shakespeare", "shakespeare", "jane austen", "leo tolstoy", "mark twain",
  "ernest hemingway", "george orwell", "agatha christie", "stephen king", "j.k. rowling", "jk rowling",
  "barack obama", "donald trump", "joe biden", "kamala harris", "abraham lincoln", "george washington",
  "winston churchill", "martin luther king", "martin luther king jr", "nelson mandela", "mahatma gandhi",
  "elon musk", "bill gates", "steve jobs", "mark zuckerberg", "jeff bezos", "sam altman", "satya nadella",
  "sundar pichai", "tim cook", "warren buffett", "linus torvalds", "dario amodei", "demis hassabis", "andrej karpathy",
  "geoffrey hinton", "yann lecun", "taylor swift", "beyonce", "oprah winfrey", "leonardo da vinci", "pablo picasso",
  "vincent van gogh", "wolfgang amadeus mozart", "ludwig van beethoven", "sigmund freud", "carl jung", "socrates",
  "plato", "aristotle", "confucius", "napoleon bonaparte", "julius caesar", "cleopatra", "queen elizabeth",
  "king charles", "pope francis", "lionel messi", "cristiano ronaldo", "michael jordan", "lebron james",
  "serena williams", "dr. seuss", "richard feynman", "carl sagan", "stephen hawking", "neil degrasse tyson",
  "jensen huang", "paul graham", "peter thiel", "kent beck", "martin fowler", "robert c. martin", "uncle bob",
  "donald knuth", "edsger dijkstra", "dan abramov", "guido van rossum", "brendan eich", "anders hejlsberg",
  // Characters of fiction that prompts quote and play.
  "romeo", "juliet", "hamlet", "macbeth", "sherlock holmes", "dr. watson", "harry potter", "hermione granger",
  "frodo baggins", "luke skywalker", "leia organa", "darth vader", "james bond", "mr. data", "data",
]);

export function isPublicFigure(name: string): boolean {
  return PUBLIC_FIGURES.has(name.toLowerCase().replace(/\s+/g, " ").trim());
}

/**
 * Template placeholders and redactions: `{{email}}`, `{name}`, `<EMAIL>`, `[NAME]`, `XXX-XX-XXXX`, `***`,
 * `[redacted]`. Detectors skip any value that contains one.
 */
export function isTemplatePlaceholder(value: string): boolean {
  if (/[{}<>[\]]/.test(value)) return true;
  if (/(?:^|[^A-Za-z])(?:x{2,}|X{2,}|\*{2,}|#{3,}|_{3,})(?:$|[^A-Za-z])/.test(value)) return true;
  return /redacted|placeholder|lorem ipsum/i.test(value);
}

/** Built-in + user allowlist check for one finding. */
export type AllowCheck = (type: PiiType, value: string) => boolean;

const NUMERIC_TYPES: ReadonlySet<PiiType> = new Set(["phone", "credit-card", "us-ssn"]);

function normalise(type: PiiType, value: string): string {
  if (NUMERIC_TYPES.has(type)) return digitsOf(value);
  if (type === "iban") return value.replace(/\s+/g, "").toUpperCase();
  return value.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Thrown when an allowlist pattern is not a valid regular expression. */
export class AllowlistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AllowlistError";
  }
}

/** Compiles user allowlists (rule options and shared settings) into one check; patterns are compiled once. */
export function compileAllowlist(...configs: (PiiAllowConfig | undefined)[]): AllowCheck {
  const values: string[] = [];
  const patterns: RegExp[] = [];
  for (const config of configs) {
    if (!config) continue;
    for (const v of config.values ?? []) values.push(v);
    for (const p of config.patterns ?? []) {
      try {
        patterns.push(new RegExp(p, "u"));
      } catch (error) {
        throw new AllowlistError(`Invalid allowlist pattern ${JSON.stringify(p)}: ${(error as Error).message}`);
      }
    }
  }
  if (values.length === 0 && patterns.length === 0) return () => false;
  const byType = new Map<PiiType, Set<string>>();
  return (type, value) => {
    let set = byType.get(type);
    if (!set) {
      set = new Set(values.map((v) => normalise(type, v)).filter((v) => v !== ""));
      byType.set(type, set);
    }
    if (set.has(normalise(type, value))) return true;
    return patterns.some((re) => re.test(value));
  };
}
