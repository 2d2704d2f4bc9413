import { num, str, TfResource } from "../../stack";
import { CostComponent } from "../../types";
import { EstimateContext, Estimator } from "../context";

const SERVICE = "key-vault";

/** Protection level and key class of a key, as the price list groups them. */
function keyClass(r: TfResource): { hsm: boolean; advanced: boolean; label: string } {
  const type = str(r.config.key_type) ?? "RSA";
  const size = num(r.config.key_size) ?? 2048;
  const advanced = type.startsWith("EC") || size > 2048;
  return { hsm: type.endsWith("-HSM"), advanced, label: `${type}${type.startsWith("RSA") ? ` ${size}` : ""}` };
}

/**
 * azurerm_key_vault_key, per protection level:
 * - HSM-protected RSA 2048: a flat price per key-month;
 * - HSM-protected RSA 3072/4096 and EC: per key-month in volume tiers (first 250 keys, next 1,250,
 *   next 2,500, over 4,000) counted over the vault's keys of that class, so the n-th key of the
 *   vault is billed at the n-th key's tier;
 * - software-protected keys: no key-month charge.
 * Plus key operations (usage `operations10k`; HSM and advanced software keys at the advanced rate,
 * as the Infracost golden bills them) and automated rotations (usage `rotationsPerMonth`).
 */
export const keyVaultKey: Estimator = (ctx) => {
  const k = keyClass(ctx.resource);
  const ops = ctx.usage("operations10k");
  const rotations = ctx.usage("rotationsPerMonth");
  const out: CostComponent[] = [];
  if (k.hsm) {
    const siblings = k.advanced ? sameClassKeysInVault(ctx) : [];
    out.push(
      ...ctx.line({
        name: `HSM-protected key (${k.label})`,
        kind: "keys",
        service: SERVICE,
        meter: k.advanced ? "hsm-key/advanced" : "hsm-key/rsa-2048",
        quantity: 1,
        tierOffset: Math.max(0, siblings.indexOf(ctx.resource.address)),
        unitIfNotPriced: "key-months",
      }),
    );
  }
  out.push(
    ...ctx.line({
      name: `Key operations (${k.hsm ? "HSM-protected" : "software-protected"})`,
      kind: "requests",
      service: SERVICE,
      meter: k.hsm || k.advanced ? "operations/advanced" : "operations/standard",
      quantity: ops.value,
      usage: [ops],
      unitIfNotPriced: "10k transactions",
    }),
  );
  if (rotations.value > 0) {
    out.push(
      ...ctx.line({
        name: "Automated key rotations",
        kind: "keys",
        service: SERVICE,
        meter: "rotation",
        quantity: rotations.value,
        usage: [rotations],
        unitIfNotPriced: "rotations",
      }),
    );
  }
  return out;
};

/** Addresses of the advanced HSM keys in this key's vault (itself included), in a stable order. */
function sameClassKeysInVault(ctx: EstimateContext): string[] {
  const vault = ctx.config.key_vault_id;
  return ctx.stack
    .ofType("azurerm_key_vault_key")
    .filter((r) => r.config.key_vault_id === vault)
    .filter((r) => {
      const c = keyClass(r);
      return c.hsm && c.advanced;
    })
    .map((r) => r.address)
    .sort();
}
