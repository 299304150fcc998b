import { beforeAll, describe, expect, it } from "vitest";
import { compileAllowlist, detectPii, placeholderFor, preloadPiiDependencies, PII_TYPES, type PiiType } from "../../src/pii/index.js";
import { detectStreetAddresses } from "../../src/pii/street-address.js";

beforeAll(async () => {
  await preloadPiiDependencies(PII_TYPES);
});

const values = (text: string, type: PiiType, options = {}) => detectPii(text, { types: [type], ...options }).map((m) => m.value);

describe("offsets", () => {
  it("point at the value in the text", () => {
    const text = "Reach maria.lopez84@gmail.com or (415) 867-5309.";
    for (const m of detectPii(text)) expect(text.slice(m.start, m.end)).toBe(m.value);
    expect(detectPii(text).map((m) => m.type)).toEqual(["email", "phone"]);
  });
});

describe("credit cards", () => {
  it("need a valid Luhn checksum and a known issuer", () => {
    expect(values("4539 1488 0343 6467", "credit-card")).toEqual(["4539 1488 0343 6467"]);
    expect(values("4539 1488 0343 6468", "credit-card")).toEqual([]);
    expect(values("9539 1488 0343 6460", "credit-card")).toEqual([]);
  });
  it("skip documented test numbers unless the built-in allowlist is off", () => {
    expect(values("4111 1111 1111 1111", "credit-card")).toEqual([]);
    expect(values("4111 1111 1111 1111", "credit-card", { builtinAllowlist: false })).toEqual(["4111 1111 1111 1111"]);
  });
});

describe("SSNs", () => {
  it("reject never-issued areas, groups and serials", () => {
    for (const bad of ["000-22-1847", "666-22-1847", "936-22-1847", "536-00-1847", "536-22-0000"]) expect(values(`SSN ${bad}`, "us-ssn")).toEqual([]);
    expect(values("SSN 536-22-1847", "us-ssn")).toEqual(["536-22-1847"]);
  });
});

describe("IBANs", () => {
  it("check the country length and mod-97", () => {
    expect(values("IBAN DE44 5001 0517 5407 3249 31", "iban")).toEqual(["DE44 5001 0517 5407 3249 31"]);
    expect(values("IBAN DE45 5001 0517 5407 3249 31", "iban")).toEqual([]);
    expect(values("IBAN DE44 5001 0517 5407 3249 3", "iban")).toEqual([]);
  });
});

describe("IP addresses", () => {
  it("skip non-public and documentation ranges by default", () => {
    const text = "10.1.2.3 172.20.0.1 192.168.0.9 100.64.1.1 169.254.3.3 224.0.0.251 198.51.100.4 fc00::1 fe80::1:2:3 2001:db8:1::2 3fff:1::2";
    expect(values(text, "ip-address")).toEqual([]);
    expect(values(text, "ip-address", { includeNonPublicIps: true }).length).toBeGreaterThanOrEqual(9);
  });
  it("report public v4 and v6 addresses, including v4-mapped ones once", () => {
    expect(values("from 73.162.44.201 and ::ffff:81.2.69.160", "ip-address")).toEqual(["73.162.44.201", "::ffff:81.2.69.160"]);
  });
});

describe("phones", () => {
  it("validate with libphonenumber and skip fictional ranges", () => {
    expect(values("call (415) 867-5309", "phone")).toEqual(["(415) 867-5309"]);
    expect(values("call (415) 555-0132 or 07700 900123 or +61 491 570 156", "phone")).toEqual([]);
    expect(values("call +44 161 496 0732", "phone")).toEqual(["+44 161 496 0732"]);
    expect(values("call (123) 456-7890", "phone")).toEqual([]);
  });
  it("recognise national formats of the configured regions, and of common countries after a phone cue", () => {
    expect(values("Codes 089 1234567", "phone")).toEqual([]);
    expect(values("Codes 089 1234567", "phone", { regions: ["DE"] })).toEqual(["089 1234567"]);
    expect(values("Telefon 089 1234567", "phone")).toEqual(["089 1234567"]);
    expect(values("driver's licence number 089 1234567", "phone", { regions: ["DE"] })).toEqual([]);
  });
  it("check +CC numbers in their own region, a (0) trunk prefix included", () => {
    expect(values("tel. +46 (0)8 123 45 67", "phone")).toEqual(["+46 (0)8 123 45 67"]);
    expect(values("WhatsApp +57 310 456 7821", "phone")).toEqual(["+57 310 456 7821"]);
  });
  it("take a number no numbering plan has when a phone label sits right before or after it", () => {
    expect(values("Fax: 001-420-335-7509", "phone")).toEqual(["001-420-335-7509"]);
    expect(values("reception desk\n642-913-0184 office", "phone")).toEqual(["642-913-0184"]);
    expect(values("Backup 642-913-0184x12-Fax", "phone")).toEqual(["642-913-0184"]);
    // No label: an unassigned area code stays out, as do bare digit runs and fictional 555 numbers with one.
    expect(values("Batch 642-913-0184 shipped", "phone")).toEqual([]);
    expect(values("6429130184 office", "phone")).toEqual([]);
    expect(values("Fax: 212-555-0147", "phone")).toEqual([]);
    expect(values("Fax: 001-212-555-0147", "phone")).toEqual([]);
  });
});

describe("emails", () => {
  it("skip reserved, documentation and placeholder addresses", () => {
    const text = "a.b@example.com x@corp.example me@site.test HANDLE@gmail.com yourname@gmail.com j@contoso.com {{email}}@acme.io";
    expect(values(text, "email")).toEqual([]);
    expect(values("write to priya.raman.91@outlook.com", "email")).toEqual(["priya.raman.91@outlook.com"]);
  });
});

describe("dates of birth", () => {
  it("need a birth cue and a real date", () => {
    expect(values("DOB: 02/29/1988", "date-of-birth")).toEqual(["02/29/1988"]);
    expect(values("DOB: 02/29/1989", "date-of-birth")).toEqual([]);
    expect(values("Shipped 02/28/1989", "date-of-birth")).toEqual([]);
  });
});

describe("person names", () => {
  it("use cues in prose and full names in dialogue", () => {
    expect(values("Please summarise the ticket from Maria.", "person-name")).toEqual([]);
    expect(values("Please summarise the ticket from Maria.", "person-name", { textKind: "dialogue" })).toEqual(["Maria"]);
    expect(values("Please summarise the ticket from Maria Lopez.", "person-name")).toEqual(["Maria Lopez"]);
    expect(values("Write it as if you were Maria Lopez.", "person-name")).toEqual([]);
    expect(values("Customer name: Daniel Okafor", "person-name")).toEqual(["Daniel Okafor"]);
  });
  it("read a title written in lower case as a title, not the end of a number with a unit", () => {
    expect(values("i spoke to mrs. Okonkwo on tuesday", "person-name", { textKind: "dialogue" })).toEqual(["Okonkwo"]);
    expect(values("Every hop costs 300ms. Maximum two hops.", "person-name", { textKind: "dialogue" })).toEqual([]);
  });
});

describe("allowlists", () => {
  it("match values after normalising and patterns on the raw value", () => {
    const allowed = compileAllowlist({ values: ["+1 (415) 867-5309", "Maria LOPEZ"], patterns: ["^DE44"] });
    expect(allowed("phone", "415-867-5309")).toBe(false);
    expect(allowed("phone", "+1 415 867 5309")).toBe(true);
    expect(allowed("person-name", "maria  lopez")).toBe(true);
    expect(allowed("iban", "DE44 5001")).toBe(true);
    expect(() => compileAllowlist({ patterns: ["("] })).toThrow(/Invalid allowlist pattern/);
  });
});

describe("placeholders", () => {
  it("are never reported themselves", () => {
    const samples: [PiiType, string][] = [
      ["email", "maria@gmail.com"], ["phone", "(415) 867-5309"], ["phone", "+44 7911 123456"], ["phone", "0161 702 5583"],
      ["credit-card", "4539 1488 0343 6467"], ["credit-card", "3782 398259 79196"], ["iban", "DE44 5001 0517 5407 3249 31"],
      ["us-ssn", "536-22-1847"], ["ip-address", "73.162.44.201"], ["ip-address", "2a02:c7e::3e07"],
      ["street-address", "77 Harbor View Road"], ["date-of-birth", "1987-03-14"], ["date-of-birth", "March 3, 1979"],
    ];
    for (const [type, value] of samples) {
      const placeholder = placeholderFor(type, value);
      const cue = type === "date-of-birth" ? "DOB " : type === "street-address" ? "ship to " : type === "us-ssn" ? "SSN " : "call ";
      expect(values(`${cue}${placeholder}`, type), `${type} placeholder ${placeholder}`).toEqual([]);
    }
    expect(placeholderFor("phone", "(415) 867-5309")).toBe("(201) 555-0123");
    expect(placeholderFor("credit-card", "4539-1488-0343-6467")).toBe("4111-1111-1111-1111");
  });
});

describe("street addresses: the suffix pre-check", () => {
  const found = (text: string, textKind: "prose" | "dialogue" = "prose") => detectStreetAddresses({ text, options: { textKind } }).map((m) => m.value);
  it("finds lower- and upper-case suffixes after a cue", () => {
    expect(found("Please ship to 42 willow lane, springfield")).toEqual(["42 willow lane, springfield"]);
    expect(found("Ship to 42 WILLOW LANE")).toEqual(["42 WILLOW LANE"]);
  });
  it("reports nothing when no street suffix occurs, however many house numbers there are", () => {
    expect(found(`Ship to ${"42 Willow ".repeat(2000)}`, "dialogue")).toEqual([]);
  });
});

describe("phones of the text's own countries", () => {
  it("reads national numbers in the countries of the text's +CC numbers, and only there", () => {
    const au = "Tenant (02) 9518 4476 reports a leak. Best on 0412 775 309. Text me +61 433 018 662.";
    expect(values(au, "phone")).toEqual(["(02) 9518 4476", "0412 775 309", "+61 433 018 662"]);
    // Without an Australian number in the text, the national forms are not Australian (US/GB by default).
    expect(values("Best on 0412 775 309.", "phone")).toEqual([]);
  });
  it("reads the countries in the whole document when a segment has none", () => {
    const source = "Contact: +49 (0)30 4435 6612\n\nOr mobil 0176 2281 4409.";
    expect(values("Or mobil 0176 2281 4409.", "phone", { documentSource: source })).toEqual(["0176 2281 4409"]);
  });
  it("keeps a public-contact cue to the value's own sentence", () => {
    expect(values("Lekki branch. You can call me on +234 909 118 2204.", "phone", { textKind: "dialogue" })).toEqual(["+234 909 118 2204"]);
    expect(values("Our branch line is +234 909 118 2204.", "phone", { textKind: "dialogue" })).toEqual([]);
  });
});

describe("street addresses: sentence ends and other forms", () => {
  it("stops at a full stop after the town, not at an abbreviation", () => {
    expect(values("She lives at 45 Calle Mayor, Madrid. The rest is fine.", "street-address")).toEqual(["45 Calle Mayor, Madrid"]);
    expect(values("Mi dirección es Calle Durango 123, Col. Roma Norte, 06700 Ciudad de México y", "street-address")).toEqual(["Calle Durango 123, Col. Roma Norte, 06700 Ciudad de México"]);
  });
  it("reads Greek street words, bis numbers, a comma after the number, and a name, number and postcode", () => {
    expect(values("Address: Leoforos Kifisias 124, 115 26 Athens", "street-address")).toEqual(["Leoforos Kifisias 124, 115 26 Athens"]);
    expect(values("chez moi,\n14 bis rue des Tanneurs, 67000 Strasbourg.", "street-address")).toEqual(["14 bis rue des Tanneurs, 67000 Strasbourg"]);
    expect(values("My address is Plot 17, Admiralty Way, Lekki.", "street-address")).toHaveLength(1);
    expect(values("deliver to my cousin, Tsimiski 45, 546 23 Thessaloniki.", "street-address")).toEqual(["Tsimiski 45, 546 23 Thessaloniki"]);
  });
});

describe("person names: other phrasings", () => {
  const names = (text: string, options = {}) => values(text, "person-name", options);
  it("reads turns after a timestamp and more speaker roles", () => {
    expect(names("[00:00:07] CALLER: Hiya, it's Priyanka Raghunathan, I'm ringing about a charge.")).toEqual(["Priyanka Raghunathan"]);
    expect(names("REQUEST: G'day, it's Tran Thi Hoa, the flyscreen is torn.")).toEqual(["Tran Thi Hoa"]);
  });
  it("reads forms of address of other languages and Japanese honorific suffixes", () => {
    expect(names("Paket für Herrn Lukas Brandstätter, bitte nicht vor 10 Uhr.")).toEqual(["Lukas Brandstätter"]);
    expect(names("Bitte bei Familie Schäfer-Öztürk klingeln.")).toEqual(["Schäfer-Öztürk"]);
    expect(names('reply: "Thank you, Sato-san. The receipt will be posted."')).toEqual(["Sato-san"]);
  });
  it("reads greetings of other languages in quoted messages", () => {
    expect(names("> Buenos días, Lucía. Su receta estará lista mañana.")).toEqual(["Lucía"]);
    expect(names('"Hi, Stavros again — same as last week."')).toEqual(["Stavros"]);
  });
});

describe("dates of birth: the answer in the next turn", () => {
  it("reads a date at the start of the turn that answers a question for it", () => {
    const text = "[00:00:40] AGENT: Date of birth, please?\n[00:00:42] CALLER: 30/11/1978.";
    expect(values(text, "date-of-birth")).toEqual(["30/11/1978"]);
    expect(values("Bot: What is your DOB?\nUser: 1990-02-03", "date-of-birth")).toEqual(["1990-02-03"]);
    // Not a date two turns later, nor the timestamp.
    expect(values("AGENT: Date of birth?\nCALLER: one sec\nCALLER: 30/11/1978", "date-of-birth")).toEqual([]);
  });
});

describe("precision guards of the wider reading", () => {
  it("never reads a spaced IBAN's digits as a phone of the text's country", () => {
    expect(values("Mobile: +47 412 34 567. Salary account: NO92 3012 2345 678", "phone")).toEqual(["+47 412 34 567"]);
  });
  it("leaves an office address named in its own sentence alone", () => {
    expect(values("Do not include the office address (Stationsplein 1, Utrecht) in reminders.", "street-address")).toEqual([]);
    expect(values("My office is closed, send it to my home at 12 Main Street, Springfield.", "street-address")).toEqual(["12 Main Street, Springfield"]);
  });
  it("does not take an Assistant: speaker label for a persona", () => {
    expect(values("ASSISTANT: Done, Chidi — the driver will call on arrival.", "person-name")).toEqual(["Chidi"]);
    expect(values("ASSISTANT: Done, Python — not a name.", "person-name")).toEqual([]);
  });
  it("reads self-introductions of other languages as a strong cue", () => {
    expect(values("Bonjour, je m'appelle Camille Lefèvre-Nguyen, née le 17 août 1983.", "person-name")).toEqual(["Camille Lefèvre-Nguyen"]);
  });
});
