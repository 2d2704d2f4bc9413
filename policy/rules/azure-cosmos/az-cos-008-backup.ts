import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { block, show } from "../../engine/values";

export default defineRule({
  id: "AZ-COS-008",
  title: "Cosmos DB accounts use continuous backup (point-in-time restore)",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_cosmosdb_account"],
  pci: ["12.10.1"],
  description: "Continuous backup restores the account to any second in the retention window.",
  fix: 'Set backup { type = "Continuous", tier = "Continuous30Days" } (or Continuous7Days outside prod).',
  check: (r) => {
    const backup = block(r.config, "backup");
    if (backup?.["type"] === "Continuous") return pass(`backup.type = Continuous (${String(backup["tier"] ?? "Continuous30Days")})`);
    return fail(`backup.type is ${show(backup?.["type"])}; set backup { type = "Continuous" }`);
  },
});
