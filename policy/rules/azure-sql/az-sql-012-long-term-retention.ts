import { defineRule } from "../../engine/rule";
import { fail, pass } from "../_shared";
import { block, hasValue } from "../../engine/values";

export default defineRule({
  id: "AZ-SQL-012",
  title: "Production SQL databases have long-term backup retention",
  severity: "error",
  clouds: ["azure"],
  resourceTypes: ["azurerm_mssql_database"],
  pci: ["12.10.1", "3.2.1"],
  description: "Weekly/monthly/yearly backups are kept beyond the 35-day PITR window for recovery and audits.",
  fix: "Add long_term_retention_policy { weekly_retention, monthly_retention, yearly_retention, week_of_year }.",
  check: (r) => {
    const ltr = block(r.config, "long_term_retention_policy");
    const set = ["weekly_retention", "monthly_retention", "yearly_retention"].filter((k) => hasValue(ltr?.[k]) && ltr?.[k] !== "PT0S");
    if (set.length > 0) return pass(`long_term_retention_policy sets ${set.join(", ")}`);
    return fail(
      "long_term_retention_policy is unset; add long_term_retention_policy with weekly_retention / monthly_retention / yearly_retention",
    );
  },
});
