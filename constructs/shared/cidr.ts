/**
 * IPv4 address plans: parsing, containment, overlap, and the rules of a network block with its
 * subnets. The Azure `Network` construct owns its plan's rules through `addressPlanRules`; the
 * environment validators of both clouds compose them.
 */
import { Rule } from "./rules";

/** An IPv4 CIDR block as integers, for containment and overlap checks. */
export interface Cidr {
  readonly network: number;
  readonly prefix: number;
  readonly first: number;
  readonly last: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; returns undefined for bad syntax or a host address with bits set past the prefix. */
export function parseCidr(text: string): Cidr | undefined {
  const m = CIDR_PATTERN.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) return undefined;
  return { network: address, prefix, first: address, last: address + size - 1 };
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** RFC 1918 private ranges: a data platform's networks never use public address space. */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((c) => parseCidr(c) as Cidr);

export function isPrivateCidr(c: Cidr): boolean {
  return PRIVATE_RANGES.some((r) => cidrContains(r, c));
}

/** A network block: the field that holds it and its CIDR text. */
export interface AddressBlock {
  readonly field: string;
  readonly cidr: string;
}

/** A subnet of the block, with the prefix lengths it may have. */
export interface AddressBlockChild extends AddressBlock {
  /** @default - the parent's prefix */
  readonly minPrefix?: number;
  readonly maxPrefix: number;
}

/**
 * The rules of an address plan: syntax, RFC 1918, the parent's prefix from /8 to /24, each child's
 * prefix bounds and containment, and pairwise non-overlap. An unparsable parent stops there (the
 * children cannot be judged against it).
 */
export function addressPlanRules(parent: AddressBlock, children: readonly AddressBlockChild[]): Rule[] {
  const p = parseCidr(parent.cidr);
  const at = (block: AddressBlock, ok: boolean, allowed: string): Rule => ({ ok, field: block.field, value: block.cidr, allowed });
  if (p === undefined) return [at(parent, false, "an IPv4 network in CIDR notation, e.g. 10.10.0.0/16")];
  const rules: Rule[] = [
    at(parent, isPrivateCidr(p), "a private (RFC 1918) range: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16"),
    at(parent, p.prefix >= 8 && p.prefix <= 24, "a prefix length from /8 to /24"),
  ];
  const parsed: { block: AddressBlock; cidr: Cidr }[] = [];
  for (const child of children) {
    const c = parseCidr(child.cidr);
    if (c === undefined) {
      rules.push(at(child, false, "an IPv4 network in CIDR notation, e.g. 10.10.1.0/24"));
      continue;
    }
    const minPrefix = child.minPrefix ?? p.prefix;
    rules.push(
      at(child, c.prefix >= minPrefix && c.prefix <= child.maxPrefix, `a prefix length from /${minPrefix} to /${child.maxPrefix}`),
      at(child, cidrContains(p, c), `a range inside ${parent.field} (${parent.cidr})`),
    );
    parsed.push({ block: child, cidr: c });
  }
  parsed.forEach((later, j) =>
    parsed
      .slice(0, j)
      .forEach((earlier) =>
        rules.push(
          at(
            later.block,
            !cidrsOverlap(earlier.cidr, later.cidr),
            `a range that does not overlap ${earlier.block.field} (${earlier.block.cidr})`,
          ),
        ),
      ),
  );
  return rules;
}
