import { defineRule } from "../../engine/rule";
import { attr, fail, pass } from "../_shared";
import { show, toNumber } from "../../engine/values";

export default defineRule({
  id: "AZ-KV-008",
  title: "Key Vault keys are RSA >= 3072 bits or EC P-256+",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_key_vault_key"],
  pci: ["3.6.1", "3.7.1"],
  description: "Keys that wrap data-encryption keys must provide at least 128 bits of security.",
  fix: 'Set key_type = "RSA-HSM"/"RSA" with key_size = 3072 or 4096, or key_type = "EC(-HSM)" with curve P-256/P-384/P-521.',
  check: (r, ctx) => {
    const type = String(attr(r, ctx, "key_type") ?? "");
    if (type.startsWith("EC")) {
      const curve = attr(r, ctx, "curve");
      return curve === undefined || ["P-256", "P-384", "P-521"].includes(String(curve))
        ? pass(`key_type = ${type}`)
        : fail(`curve is ${show(curve)}; set curve = "P-256" or stronger`);
    }
    if (type.startsWith("RSA")) {
      const size = toNumber(attr(r, ctx, "key_size"));
      return size !== undefined && size >= 3072
        ? pass(`key_size = ${size}`)
        : fail(`key_size is ${show(size)}; set key_size = 3072 or 4096`);
    }
    return fail(`key_type is ${show(type)}; use RSA(-HSM) with key_size >= 3072 or EC(-HSM)`);
  },
});
