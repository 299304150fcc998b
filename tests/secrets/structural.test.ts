/**
 * The detectors that judge more than a shape: JWTs (decoded header and payload), private key blocks (body),
 * AWS secret keys (evidence nearby), and the placeholder filter every finding passes.
 */
import { describe, expect, it } from "vitest";
import { findAwsSecretKeys } from "../../src/secrets/aws-secret.js";
import { findJwts, isCredentialJwt } from "../../src/secrets/jwt.js";
import { findPrivateKeys, isPlaceholderKeyBlock } from "../../src/secrets/pem.js";
import { isPlaceholderPassword, isPlaceholderSecret } from "../../src/secrets/placeholder.js";
import { DOCUMENTED_SAMPLE_COUNT, isDocumentedSample } from "../../src/secrets/samples.js";
import { scanSecrets } from "../../src/secrets/scan.js";
import { BASE64, fake, randomString, URLSAFE } from "../fixtures/secrets/fake.js";

const b64url = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const ranges = (found: Iterable<readonly [number, number]>) => [...found].map(([s, e]) => [s, e]);

describe("JWT", () => {
  const signature = randomString(43, URLSAFE, 9);

  it("reports a token whose header names a signing algorithm and whose payload decodes", () => {
    const token = fake.jwt();
    const text = `Authorization: Bearer ${token}.`;
    expect(ranges(findJwts(text))).toEqual([[22, 22 + token.length]]);
  });

  it("reports RS256, ES256 and PS512 tokens and a token after `=` in a URL", () => {
    for (const alg of ["RS256", "ES256", "PS512"]) expect(ranges(findJwts(fake.jwt(5, alg)))).toHaveLength(1);
    const token = fake.jwt(6);
    expect(ranges(findJwts(`https://x.test/cb?access_token=${token}&x=1`))).toEqual([[31, 31 + token.length]]);
  });

  it("ignores alg none, a missing or placeholder signature, and a payload that is not JSON", () => {
    const header = b64url({ alg: "HS256", typ: "JWT" });
    const payload = b64url({ sub: "42" });
    expect(isCredentialJwt([b64url({ alg: "none" }), payload, ""])).toBe(false);
    expect(isCredentialJwt([b64url({ alg: "None" }), payload, signature])).toBe(false);
    expect(isCredentialJwt([header, payload, ""])).toBe(false);
    expect(isCredentialJwt([header, payload, "signature"])).toBe(false);
    expect(isCredentialJwt([header, payload, "x".repeat(43)])).toBe(false);
    expect(isCredentialJwt([header, b64url("not json"), signature])).toBe(false);
    expect(isCredentialJwt([b64url({ typ: "JWT" }), payload, signature])).toBe(false);
    expect(isCredentialJwt([header, payload, signature])).toBe(true);
  });

  it("reports an encrypted token (five parts, header with alg and enc)", () => {
    const parts = [b64url({ alg: "RSA-OAEP", enc: "A256GCM" }), randomString(40, URLSAFE, 1), randomString(16, URLSAFE, 2), randomString(60, URLSAFE, 3), randomString(22, URLSAFE, 4)];
    expect(ranges(findJwts(parts.join(".")))).toHaveLength(1);
  });

  it("does not start a token inside a word or a base64 run", () => {
    const token = fake.jwt(7);
    expect(ranges(findJwts(`key${token}`))).toEqual([]);
    expect(ranges(findJwts(`they said ${"hey".repeat(3)}`))).toEqual([]);
  });

  it("jwt.io's default token is a documented sample, not a finding", async () => {
    const sample = [
      b64url({ alg: "HS256", typ: "JWT" }),
      "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ",
      "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    ].join(".");
    expect(ranges(findJwts(sample))).toHaveLength(1);
    expect(await scanSecrets(`token: ${sample}\n`, "/a.md")).toEqual([]);
  });

  it("stays linear on a long run of `ey` and dots", () => {
    const t0 = performance.now();
    for (const line of ["ey".repeat(50_000), "eyJ.".repeat(25_000), ` ey${"a".repeat(100_000)}`, ` eyJhbGciOiJIUzI1NiJ9.eyJ${".".repeat(100_000)}`]) [...findJwts(line)];
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe("private key blocks", () => {
  const block = (type: string, body: string) => `-----BEGIN ${type}PRIVATE KEY-----\n${body}\n-----END ${type}PRIVATE KEY-----`;

  it("reports every key type with a real body, however short", () => {
    for (const type of ["", "RSA ", "EC ", "DSA ", "OPENSSH ", "ENCRYPTED "]) {
      const text = block(type, randomString(64, BASE64, type.length + 1));
      expect(ranges(findPrivateKeys(text)), type).toEqual([[0, text.length]]);
    }
    expect(ranges(findPrivateKeys(fake.ed25519()))).toHaveLength(1);
  });

  it("skips armour headers: legacy encrypted PEM and PGP blocks", () => {
    const encrypted = block("RSA ", `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${randomString(32, "0123456789ABCDEF", 2)}\n\n${randomString(128, BASE64, 3)}`);
    expect(ranges(findPrivateKeys(encrypted))).toHaveLength(1);
    const pgp = `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n${randomString(64, BASE64, 4)}\n=${randomString(4, BASE64, 5)}\n-----END PGP PRIVATE KEY BLOCK-----`;
    expect(ranges(findPrivateKeys(pgp))).toEqual([[0, pgp.length]]);
  });

  it("reads a key written inside a JSON string, with `\\n` escapes", () => {
    const text = `{"private_key": "-----BEGIN PRIVATE KEY-----\\n${randomString(64, BASE64, 6)}\\n${randomString(40, BASE64, 7)}\\n-----END PRIVATE KEY-----\\n"}`;
    expect(ranges(findPrivateKeys(text))).toHaveLength(1);
  });

  it("reports a pasted key without its END line when enough body follows", () => {
    const body = `${randomString(64, BASE64, 8)}\n${randomString(64, BASE64, 9)}\n${randomString(64, BASE64, 10)}`;
    const text = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n\nThanks!`;
    expect(ranges(findPrivateKeys(text))).toEqual([[0, text.indexOf("\n\nThanks")]]);
    expect(ranges(findPrivateKeys(`-----BEGIN RSA PRIVATE KEY-----\n${randomString(64, BASE64, 11)}\n\nrest`))).toEqual([]);
  });

  it("ignores placeholder bodies", () => {
    for (const body of ["", "anything", "...", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC...", "<your private key>", "x".repeat(64), "A".repeat(80), "REDACTED", "[paste your key here]"]) {
      const text = block("RSA ", body);
      expect(ranges(findPrivateKeys(text)), body).toEqual([]);
      expect(isPlaceholderKeyBlock(text), body).toBe(true);
    }
    expect(ranges(findPrivateKeys("-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----"))).toEqual([]);
  });

  it("stays linear with many BEGIN lines and no END", () => {
    const text = "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n".repeat(3_000);
    const t0 = performance.now();
    [...findPrivateKeys(text)];
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe("AWS secret access keys", () => {
  const secret = fake.awsSecret();

  it("needs an access key ID within five lines, or an aws/secret cue on its line or the line above", () => {
    const id = fake.aws();
    expect(ranges(findAwsSecretKeys(`${id}\n\n\n\n\n${secret}`))).toHaveLength(1);
    expect(ranges(findAwsSecretKeys(`${secret}\n\n\n\n\n${id}`))).toHaveLength(1);
    expect(ranges(findAwsSecretKeys(`${id}\n\n\n\n\n\n\n${secret}`))).toEqual([]);
    expect(ranges(findAwsSecretKeys(`SecretAccessKey: "${secret}"`))).toEqual([[18, 58]]);
    expect(ranges(findAwsSecretKeys(`<AWSSecretToken>\n    ${secret}\n</AWSSecretToken>`))).toHaveLength(1);
    expect(ranges(findAwsSecretKeys(`checksum ${secret}`))).toEqual([]);
  });

  it("wants mixed case, digits and the entropy of random base64", () => {
    const sha = randomString(40, "0123456789abcdef", 3);
    expect(ranges(findAwsSecretKeys(`aws commit ${sha}`))).toEqual([]);
    expect(ranges(findAwsSecretKeys(`aws_secret = ${"Ab1".repeat(13)}A`))).toEqual([]);
    expect(ranges(findAwsSecretKeys(`aws_secret = ${secret}X`))).toEqual([]);
  });

  it("stays linear on long base64 runs and long lines of candidates", () => {
    const t0 = performance.now();
    [...findAwsSecretKeys(`aws ${randomString(200_000, BASE64, 4)}`)];
    [...findAwsSecretKeys(Array.from({ length: 2_500 }, (_, i) => fake.awsSecret(i)).join(" "))];
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe("one placeholder filter for every finding", () => {
  it("names typed examples, whichever scanner found them", () => {
    const x = (n: number) => "x".repeat(n);
    for (const [kind, value] of [
      ["github-token", `ghp_${x(36)}`],
      ["github-token", `github_pat_${x(82)}`],
      ["huggingface-token", `hf_${x(34)}`],
      ["stripe-key", `sk_live_${"X".repeat(24)}`],
      ["slack-token", "xoxb-your-bot-token"],
      ["slack-token", "xoxb-not-a-real-token"],
      ["openai-api-key", "sk-proj-****************"],
      ["groq-api-key", "gsk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"],
      ["anthropic-api-key", `sk-ant-api03-${"a".repeat(93)}AA`],
      ["provider-api-key", "YOUR_MISTRAL_KEY_HERE_12345"],
      ["provider-api-key", "replace-with-your-key-1"],
    ] as const) {
      expect(isPlaceholderSecret(kind, value), value).toBe(true);
    }
  });

  it("keeps real-looking keys of every shape", () => {
    for (const value of [fake.github(), fake.groq(), fake.anthropic(), fake.slackBot(), fake.huggingface(), fake.perplexity(), fake.bedrock()]) {
      expect(isPlaceholderSecret("credential", value), value.slice(0, 6)).toBe(false);
    }
  });

  it("knows documented sample keys by digest only", () => {
    expect(DOCUMENTED_SAMPLE_COUNT).toBeGreaterThan(20);
    expect(isDocumentedSample(`AKIA${"IOSFODNN7"}EXAMPLE`)).toBe(true);
    expect(isDocumentedSample(fake.aws())).toBe(false);
  });

  it("treats demo passwords in URLs as placeholders, in plain spelling and leetspeak", () => {
    for (const password of ["password123", "P@ssw0rd!", "secret123", "admin1", "pass", "changeme2024"]) {
      expect(isPlaceholderPassword(password), password).toBe(true);
    }
    for (const password of [fake.password(), "Tr0ub4dor&3horse", "correct-horse-battery"]) {
      expect(isPlaceholderPassword(password), password).toBe(false);
    }
  });

  it("drops a value cut short or continued by a mask", async () => {
    const key = fake.github();
    expect(await scanSecrets(`${key}…`, "/a.md")).toEqual([]);
    expect(await scanSecrets(`${key.slice(0, 20)}...`, "/a.md")).toEqual([]);
    expect(await scanSecrets(`${fake.slackBot()}-####`, "/a.md")).toEqual([]);
    expect(await scanSecrets(`${key}.`, "/a.md")).toHaveLength(1);
  });
});

describe("the preset's Slack findings", () => {
  it("stand only with a shape Slack issues", async () => {
    expect(await scanSecrets("xoxb-12345-abcd234 and xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d", "/a.md")).toEqual([]);
    expect(await scanSecrets("https://indieweb.org/images/3/35/2018-250-xoxo-indieweb-1.jpg", "/a.md")).toEqual([]);
    expect((await scanSecrets(`token ${fake.slackBot()}`, "/a.md")).map((m) => m.kind)).toEqual(["slack-token"]);
  });
});

describe("the scan of a whole text", () => {
  it("honours secretlint-disable comments for promptvet's detectors too", async () => {
    const jwt = fake.jwt(31);
    const text = `<!-- secretlint-disable -->\nold: ${jwt}\n<!-- secretlint-enable -->\nnew: ${fake.jwt(32)}\n`;
    const matches = await scanSecrets(text, "/a.md");
    expect(matches.map((m) => [m.kind, text.slice(0, m.start).split("\n").length])).toEqual([["jwt", 4]]);
  });

  it("reports every key of a long text once, at its exact range, wherever the scan windows overlap", async () => {
    // Keys of a preset-only kind around every window boundary (windows of 16,384 overlapping by 4,096).
    const filler = "The assistant answers politely and cites the order number. ";
    let text = "";
    const expected: [number, number][] = [];
    for (let i = 0; i < 12; i++) {
      const target = 12_288 * Math.ceil((i + 1) / 2) + (i % 2 === 0 ? -30 : 4_080);
      while (text.length < target) text += filler;
      const key = fake.github(100 + i);
      text += `${key} `;
      expected.push([text.length - key.length - 1, text.length - 1]);
    }
    const matches = await scanSecrets(text, "/long.md");
    expect(matches.map((m) => [m.start, m.end])).toEqual(expected);
    expect(new Set(matches.map((m) => m.kind))).toEqual(new Set(["github-token"]));
  });
});
