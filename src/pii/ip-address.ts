/**
 * IP addresses (v4 and v6). Non-public ranges are skipped by default: they point at a lab or a container, not at
 * a person. Skipped: unspecified, loopback, private (RFC 1918, ULA), shared CGNAT, link-local, multicast,
 * reserved, benchmarking and the documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24;
 * RFC 3849: 2001:db8::/32; RFC 9637: 3fff::/20).
 */
import { isIPv6 } from "node:net";
import { isPublicServiceIp } from "./allowlist.js";
import type { DetectorContext, PiiMatch } from "./types.js";
import { isDigitCode, textBefore } from "./text.js";

/** True for IPv4 ranges that cannot identify a person on the internet. */
export function isNonPublicIpv4(o: number[]): boolean {
  const [a, b, c] = o as [number, number, number, number];
  if (a === 0 || a === 10 || a === 127) return true;
  if (a === 100 && b >= 64 && b <= 127) return true; // shared address space (CGNAT)
  if (a === 169 && b === 254) return true;
  if (a === 172 && b >= 16 && b <= 31) return true;
  if (a === 192 && b === 168) return true;
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return true;
  if (a === 198 && (b === 18 || b === 19)) return true; // benchmarking
  if (a === 198 && b === 51 && c === 100) return true;
  if (a === 203 && b === 0 && c === 113) return true;
  return a >= 224; // multicast, reserved, broadcast
}

/** Expands an IPv6 address into eight 16-bit groups (assumes `isIPv6` already passed). */
function ipv6Groups(address: string): number[] {
  let addr = address.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(addr);
  if (v4) {
    const [x, y, z, w] = v4.slice(1).map(Number) as [number, number, number, number];
    addr = `${addr.slice(0, v4.index)}${((x << 8) | y).toString(16)}:${((z << 8) | w).toString(16)}`;
  }
  const [head, tail] = addr.split("::") as [string, string | undefined];
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const fill = tail === undefined ? [] : new Array(8 - h.length - t.length).fill("0");
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16));
}

export function isNonPublicIpv6(address: string): boolean {
  const g = ipv6Groups(address);
  const first = g[0]!;
  if (g.every((x) => x === 0)) return true; // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true; // ::1
  if ((first & 0xffc0) === 0xfe80) return true; // link-local
  if ((first & 0xfe00) === 0xfc00) return true; // unique local
  if ((first & 0xff00) === 0xff00) return true; // multicast
  if (first === 0x2001 && g[1] === 0x0db8) return true; // documentation
  if ((first & 0xfff0) === 0x3ff0 && first <= 0x3fff && first >= 0x3ff0) return true; // 3fff::/20 documentation
  if (first === 0x2001 && g[1]! < 0x200) return true; // 2001::/23 IETF protocol assignments (Teredo, ORCHID...)
  if (first === 0x0064 && g[1] === 0xff9b) return true; // NAT64 well-known prefix
  if (first === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return true; // discard-only
  // IPv4-mapped / compatible: judge the embedded IPv4 address.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    return isNonPublicIpv4([g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff]);
  }
  return false;
}

const VERSION_CUE =
  /(?:\bv|§|(?:version|\bver|\brelease|\bbuild|\bchrome|\bfirefox|\bsafari|\bnode|\bpython|\boid|\bmib|\bsnmp|\bsections?|\bchapters?|\brules?|\bclauses?|\bsteps?|\bfigures?|\btables?|%)[\w\s:=#"'-]{0,12})$/;

function detectIpv4(text: string, includeNonPublic: boolean, builtin: boolean, out: PiiMatch[]): void {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (!isDigitCode(text.charCodeAt(i))) continue;
    const prev = text[i - 1];
    if (prev !== undefined && /[\p{L}\p{N}_.\-–:/\\$#@+]/u.test(prev)) {
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      continue;
    }
    const octets: number[] = [];
    let j = i;
    let ok = true;
    for (let part = 0; part < 4; part++) {
      let e = j;
      while (e < n && e - j < 4 && isDigitCode(text.charCodeAt(e))) e++;
      const len = e - j;
      if (len === 0 || len > 3 || (len > 1 && text[j] === "0")) {
        ok = false;
        break;
      }
      const v = Number(text.slice(j, e));
      if (v > 255) {
        ok = false;
        break;
      }
      octets.push(v);
      j = e;
      if (part < 3) {
        if (text[j] !== ".") {
          ok = false;
          break;
        }
        j++;
      }
    }
    if (ok) {
      const after = text[j];
      const afterNext = text[j + 1];
      // "1.2.3.4.5" or "10.0.0.1a": part of a longer dotted token (an OID, a version string).
      if (after !== undefined && (/[\p{L}\p{N}_]/u.test(after) || ((after === "." || after === "-") && afterNext !== undefined && /[\p{L}\p{N}]/u.test(afterNext)))) ok = false;
    }
    // x.x.x.0 is a network address or a version ("1.0.0.0", "3.2.17.0"), not a host.
    if (ok && octets[3] === 0) ok = false;
    // A network in CIDR notation (45.133.1.0/24) names a range, not a host.
    if (ok && text[j] === "/" && isDigitCode(text.charCodeAt(j + 1))) ok = false;
    if (ok && !VERSION_CUE.test(textBefore(text, i, 32, true))) {
      const value = text.slice(i, j);
      const hidden = (!includeNonPublic && isNonPublicIpv4(octets)) || (builtin && isPublicServiceIp(value));
      if (!hidden) out.push({ type: "ip-address", start: i, end: j, value, confidence: 0.9 });
      i = j - 1;
      continue;
    }
    while (i < n && isDigitCode(text.charCodeAt(i))) i++;
  }
}

function isHexOrColon(c: number): boolean {
  return isDigitCode(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 58 || c === 46;
}

function detectIpv6(text: string, includeNonPublic: boolean, builtin: boolean, out: PiiMatch[]): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isHexOrColon(c) || c === 46) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && isHexOrColon(text.charCodeAt(j))) j++;
    let end = j;
    // A token glued to other word characters (C++ `std::`, hashes) is not an address.
    const prev = text[i - 1];
    const after = text[end];
    while (end > i && (text[end - 1] === "." || (text[end - 1] === ":" && text[end - 2] !== ":"))) end--;
    const token = text.slice(i, end);
    const glued = (prev !== undefined && /[\p{L}\p{N}_]/u.test(prev)) || (after !== undefined && /[\p{L}_]/u.test(after));
    if (!glued && token.length >= 6 && token.length <= 45 && token.includes(":") && isIPv6(token)) {
      // An embedded IPv4 tail (::ffff:81.2.69.160) stands for two groups.
      const groups = token.split(":").filter((g) => g !== "");
      if (token.includes(".")) groups.push("");
      // Require real structure: at least three groups and at least one digit ("add::beef" is not an address in prose).
      if (groups.length >= 3 && /\d/.test(token) && !/^\d{1,2}:\d{2}(?::\d{2})?$/.test(token)) {
        const hidden = (!includeNonPublic && isNonPublicIpv6(token)) || (builtin && isPublicServiceIp(token));
        if (!hidden) out.push({ type: "ip-address", start: i, end, value: token, confidence: 0.9 });
      }
    }
    i = Math.max(j, i + 1);
  }
}

/** Four dotted numbers somewhere in the text: without them there is no IPv4 address. */
const IPV4_SHAPE = /\d\.\d{1,3}\.\d{1,3}\.\d/;
/** Two colons with at most one hex group between them ("::", "db8:85a3:"): every IPv6 form has that. */
const IPV6_SHAPE = /:[0-9A-Fa-f]{0,4}:/;

export function detectIpAddresses({ text, options }: DetectorContext): PiiMatch[] {
  const out: PiiMatch[] = [];
  const includeNonPublic = options.includeNonPublicIps === true;
  const builtin = options.builtinAllowlist !== false;
  // Whole-text shape tests first: the detectors below walk every character, which a one-off CLI run executes cold.
  if (IPV4_SHAPE.test(text)) detectIpv4(text, includeNonPublic, builtin, out);
  if (IPV6_SHAPE.test(text)) detectIpv6(text, includeNonPublic, builtin, out);
  // An IPv4 inside an IPv6 token (::ffff:203.0.114.7) is reported once, as the IPv6 address.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((m, k) => k === 0 || !(m.start < out[k - 1]!.end && m.start >= out[k - 1]!.start));
}
