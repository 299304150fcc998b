/** The kinds of personal data promptvet looks for; each has a rule `pii/<type>`. */
export type PiiType =
  | "email"
  | "phone"
  | "credit-card"
  | "iban"
  | "us-ssn"
  | "ip-address"
  | "person-name"
  | "street-address"
  | "date-of-birth";

export const PII_TYPES: readonly PiiType[] = [
  "email",
  "phone",
  "credit-card",
  "iban",
  "us-ssn",
  "ip-address",
  "person-name",
  "street-address",
  "date-of-birth",
];

/** One finding; `start`/`end` are UTF-16 offsets into the scanned text, end exclusive. */
export interface PiiMatch {
  type: PiiType;
  start: number;
  end: number;
  value: string;
  /** 0..1: how sure the detector is (validated numbers ~0.9+, NLP-only names lower). */
  confidence?: number;
}

/** Values the user declares harmless: exact values (compared normalised) and regular expressions. */
export interface PiiAllowConfig {
  values?: readonly string[];
  /** Regular expressions (JavaScript syntax) tested against the found value; anchor them to match whole values. */
  patterns?: readonly string[];
}

/** Where the text comes from, so detectors that depend on context (names) can be stricter or looser. */
export type PiiTextKind = "dialogue" | "prose";

export interface PiiOptions {
  /** Which detectors run (all when omitted). */
  types?: readonly PiiType[];
  /** Regions whose national phone formats are recognised (ISO 3166-1 alpha-2); international `+` numbers always are. */
  regions?: readonly string[];
  /** Extra harmless values. */
  allow?: PiiAllowConfig;
  /** Turn off the built-in allowlists (documentation ranges, test cards, example domains, placeholders...). */
  builtinAllowlist?: boolean;
  /** Also report private, loopback and other non-routable IP addresses. */
  includeNonPublicIps?: boolean;
  /** Also report role mailboxes such as support@ or noreply@ (not personal data on their own). */
  includeRoleEmails?: boolean;
  /**
   * `dialogue`: the text is a conversation or example (user/assistant turns, few-shot traces), where any full
   * personal name is likely a real person's; `prose` (default): names are reported only with a personal cue
   * ("my name is", "Name:", "Dear", a signature), or on dialogue lines ("Customer: ...").
   */
  textKind?: PiiTextKind;
  /**
   * The name of the data field whose value the text is (`date_of_birth`, `guest`, `address` in YAML or JSON): a
   * label as telling as one written before the value ("Date of birth: ..."). Structural keys (`content`, `text`,
   * `input`...) are not fields.
   */
  field?: string;
  /**
   * Source text right before the text (the previous paragraph or list item, a few hundred characters): lead-ins
   * there ("All addresses below are shops", "Best regards,") count as they would inside the text.
   */
  before?: string;
  /**
   * The whole document's source (a file whose segments are scanned one by one): the phone detector reads the
   * countries of its `+CC` numbers there, so "+61 433 …" in one paragraph lets "0412 …" in another be Australian.
   */
  documentSource?: string;
}

/** What each detector receives. */
export interface DetectorContext {
  text: string;
  options: PiiOptions;
}

export type Detector = (ctx: DetectorContext) => PiiMatch[];
