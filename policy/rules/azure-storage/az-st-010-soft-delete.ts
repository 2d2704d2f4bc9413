import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { block, show, toNumber } from "../../engine/values";

export default defineRule({
  id: "AZ-ST-010",
  title: "Storage accounts keep deleted blobs and containers for 7+ days",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_storage_account"],
  pci: ["12.10.1", "10.5.1"],
  references: { checkov: ["CKV2_AZURE_38"] },
  description: "Soft delete lets accidental or malicious deletions be undone.",
  fix: "Set blob_properties { delete_retention_policy { days >= 7 } container_delete_retention_policy { days >= 7 } }.",
  check: (r) => {
    const props = block(r.config, "blob_properties");
    const blob = block(props, "delete_retention_policy");
    const container = block(props, "container_delete_retention_policy");
    const days = (b: typeof blob): number | undefined => (b ? (toNumber(b["days"]) ?? 7) : undefined);
    const problems: string[] = [];
    if ((days(blob) ?? 0) < 7) problems.push(`blob_properties.delete_retention_policy.days is ${show(days(blob))}`);
    if ((days(container) ?? 0) < 7) problems.push(`blob_properties.container_delete_retention_policy.days is ${show(days(container))}`);
    if (problems.length === 0) return pass("blob and container soft delete >= 7 days");
    return fail(`${problems.join("; ")}; set both retention policies with days >= 7`);
  },
});
