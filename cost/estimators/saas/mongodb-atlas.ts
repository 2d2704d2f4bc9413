/**
 * MongoDB Atlas dedicated clusters on AWS: the tier's hourly price covers a three-node replica set in the
 * preferred region; electable nodes in other regions are charged pro rata (nodes / 3 of the tier price).
 * Backup storage is a usage line of its own.
 */
import { HOURS_PER_MONTH } from "../../pricebook";
import { num, str } from "../../stack";
import { Estimator } from "../context";

const asList = (v: unknown): Record<string, unknown>[] =>
  (Array.isArray(v) ? v : v && typeof v === "object" ? [v] : []) as Record<string, unknown>[];

export const atlasAdvancedCluster: Estimator = (ctx) => {
  const regions = asList(ctx.config.replication_specs).flatMap((spec) => asList(spec.region_configs));
  const lines = regions.flatMap((rc, i) => {
    const specs = asList(rc.electable_specs)[0] ?? {};
    const tier = str(specs.instance_size) ?? "M10";
    const nodes = num(specs.node_count) ?? 3;
    return ctx.line({
      name: `${tier} x ${nodes} nodes in ${str(rc.region_name) ?? "?"}${i === 0 ? "" : " (extra region, pro rata)"}`,
      kind: "compute",
      service: "mongodbatlas",
      meter: `cluster/${tier}`,
      quantity: (nodes / 3) * HOURS_PER_MONTH,
      region: "global",
      unitIfNotPriced: "cluster-hours",
    });
  });
  const backup = ctx.usage("backupStorageGb");
  return [
    ...lines,
    ...ctx.line({
      name: "Cloud backup storage",
      kind: "backup",
      service: "mongodbatlas",
      meter: "backup-storage",
      quantity: backup.value,
      usage: [backup],
      region: "global",
      unitIfNotPriced: "GB-month",
    }),
  ];
};
