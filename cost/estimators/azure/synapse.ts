import { HOURS_PER_MONTH } from "../../pricebook";
import { str } from "../../stack";
import { Estimator } from "../context";

const SERVICE = "synapse";

/**
 * azurerm_synapse_sql_pool: DWU blocks (DW100c = 1 block of 100 cDWU, priced linearly) for the
 * hours the pool runs (usage `activeHoursPerMonth`, 730 when never paused), storage (usage) and
 * geo-redundant DR storage unless `geo_backup_policy_enabled = false`.
 */
export const synapseSqlPool: Estimator = (ctx) => {
  const sku = str(ctx.config.sku_name);
  const m = sku ? /^DW(\d+)c$/.exec(sku) : null;
  const hours = ctx.usage("activeHoursPerMonth");
  const storage = ctx.usage("storageTb");
  const out = [];
  if (!m) {
    out.push(ctx.notPriced(`DWU blocks (${sku ?? "unset"})`, "compute", HOURS_PER_MONTH, "hours", `unrecognised sku_name ${String(sku)}`));
  } else {
    const blocks = Number(m[1]) / 100;
    out.push(
      ...ctx.line({
        name: `DWU blocks (${sku}, ${blocks} x 100 cDWU)`,
        kind: "compute",
        service: SERVICE,
        meter: "dwu-100c",
        quantity: blocks * hours.value,
        usage: hours.value === HOURS_PER_MONTH && hours.from === "default" ? undefined : [hours],
        unitIfNotPriced: "100 cDWU-hours",
      }),
    );
  }
  out.push(
    ...ctx.line({
      name: "Storage",
      kind: "storage",
      service: SERVICE,
      meter: "storage",
      quantity: storage.value,
      usage: [storage],
      unitIfNotPriced: "TB-month",
    }),
  );
  if (ctx.config.geo_backup_policy_enabled !== false) {
    out.push(
      ...ctx.line({
        name: "Geo-redundant disaster recovery",
        kind: "backup",
        service: SERVICE,
        meter: "geo-dr-storage",
        quantity: storage.value,
        usage: [storage],
        unitIfNotPriced: "TB-month",
      }),
    );
  }
  return out;
};

/** azurerm_synapse_workspace: the built-in serverless SQL pool, per TB processed (usage). */
export const synapseWorkspace: Estimator = (ctx) => {
  const tb = ctx.usage("serverlessTbProcessed");
  return ctx.line({
    name: "Serverless SQL pool (data processed)",
    kind: "data-processed",
    service: SERVICE,
    meter: "serverless-sql",
    quantity: tb.value,
    usage: [tb],
    unitIfNotPriced: "TB",
  });
};
