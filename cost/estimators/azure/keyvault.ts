import { num, str } from "../../stack";
import { Estimator } from "../context";

const SERVICE = "key-vault";

/**
 * azurerm_key_vault_key: HSM-protected keys cost per key-month (RSA 2048 flat; RSA 3072/4096 and
 * EC tiered); software keys cost only operations (usage `operations10k`); rotations (usage).
 */
export const keyVaultKey: Estimator = (ctx) => {
  const type = str(ctx.config.key_type) ?? "RSA";
  const size = num(ctx.config.key_size) ?? 2048;
  const hsm = type.endsWith("-HSM");
  const advanced = type.startsWith("EC") || size > 2048;
  const ops = ctx.usage("operations10k");
  const rotations = ctx.usage("rotationsPerMonth");
  const out = [];
  if (hsm) {
    out.push(
      ...ctx.line({
        name: `HSM-protected key (${type}${type.startsWith("RSA") ? ` ${size}` : ""})`,
        kind: "keys",
        service: SERVICE,
        meter: advanced ? "hsm-key/advanced" : "hsm-key/rsa-2048",
        quantity: 1,
        unitIfNotPriced: "key-months",
      }),
    );
  }
  out.push(
    ...ctx.line({
      name: "Key operations",
      kind: "requests",
      service: SERVICE,
      meter: hsm || advanced ? "operations/advanced" : "operations/standard",
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
