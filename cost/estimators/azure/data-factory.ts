import { bool, num, str } from "../../stack";
import { CostComponent } from "../../types";
import { EstimateContext, Estimator } from "../context";

const SERVICE = "data-factory";

/** Azure IR data movement and activity lines (the implicit AutoResolve IR when none is declared). */
function azureIrLines(ctx: EstimateContext, managedVnet: boolean): CostComponent[] {
  const diu = ctx.usage("diuHours");
  const pipeline = ctx.usage("pipelineActivityHours");
  const external = ctx.usage("externalActivityHours");
  const vnet = managedVnet ? "managed-vnet" : "azure";
  const tag = managedVnet ? " (managed VNet)" : "";
  return [
    ...ctx.line({
      name: "Data movement (Azure IR)",
      kind: "compute",
      service: SERVICE,
      meter: "azure-ir/data-movement",
      quantity: diu.value,
      usage: [diu],
      unitIfNotPriced: "DIU-hours",
    }),
    ...ctx.line({
      name: `Pipeline activity${tag}`,
      kind: "compute",
      service: SERVICE,
      meter: `${vnet}-ir/pipeline-activity`,
      quantity: pipeline.value,
      usage: [pipeline],
      unitIfNotPriced: "hours",
    }),
    ...ctx.line({
      name: `External pipeline activity${tag}`,
      kind: "compute",
      service: SERVICE,
      meter: `${vnet}-ir/external-activity`,
      quantity: external.value,
      usage: [external],
      unitIfNotPriced: "hours",
    }),
  ];
}

/**
 * azurerm_data_factory: orchestration (activity runs), read/write and monitoring operations,
 * all from usage. When the stack declares no Azure integration runtime, the implicit
 * AutoResolve IR's data movement and activity hours are priced here too.
 */
export const dataFactory: Estimator = (ctx) => {
  const runs = ctx.usage("activityRunsPerMonth");
  const rw = ctx.usage("readWriteEntitiesPerMonth");
  const mon = ctx.usage("monitoringRunsPerMonth");
  const out = [
    ...ctx.line({
      name: "Orchestration (activity runs, Azure IR)",
      kind: "requests",
      service: SERVICE,
      meter: "azure-ir/orchestration",
      quantity: runs.value / 1000,
      usage: [runs],
      unitIfNotPriced: "1k runs",
    }),
    ...ctx.line({
      name: "Read/write operations",
      kind: "requests",
      service: SERVICE,
      meter: "read-write-operations",
      quantity: rw.value / 50000,
      usage: [rw],
      unitIfNotPriced: "50k entities",
    }),
    ...ctx.line({
      name: "Monitoring operations",
      kind: "requests",
      service: SERVICE,
      meter: "monitoring-operations",
      quantity: mon.value / 50000,
      usage: [mon],
      unitIfNotPriced: "50k runs",
    }),
  ];
  const hasIr = ctx.stack.ofType("azurerm_data_factory_integration_runtime_azure").length > 0;
  if (!hasIr) {
    const managedVnet = bool(ctx.config.managed_virtual_network_enabled) === true;
    out.push(...azureIrLines(ctx, managedVnet));
  }
  return out;
};

/**
 * azurerm_data_factory_integration_runtime_azure: data movement, pipeline and external activity
 * hours (managed-VNet rates when `virtual_network_enabled`), data flow vCore-hours at
 * `compute_type` x `core_count` (usage `dataFlowHours`).
 */
export const dataFactoryIrAzure: Estimator = (ctx) => {
  const managedVnet = bool(ctx.config.virtual_network_enabled) === true;
  const out = azureIrLines(ctx, managedVnet);
  const hours = ctx.usage("dataFlowHours");
  if (hours.value > 0) {
    const computeType = (str(ctx.config.compute_type) ?? "General").toLowerCase();
    const cores = num(ctx.config.core_count) ?? 8;
    out.push(
      ...ctx.line({
        name: `Data flow (${computeType}, ${cores} vCores)`,
        kind: "compute",
        service: SERVICE,
        meter: `data-flow/${computeType}`,
        quantity: cores * hours.value,
        usage: [hours],
        unitIfNotPriced: "vCore-hours",
      }),
    );
  }
  return out;
};

/** azurerm_data_factory_integration_runtime_self_hosted: activity runs and hours on the SHIR (VMs not included). */
export const dataFactoryIrSelfHosted: Estimator = (ctx) => {
  const runs = ctx.usage("activityRunsPerMonth");
  const move = ctx.usage("dataMovementHours");
  const pipeline = ctx.usage("pipelineActivityHours");
  ctx.note("the self-hosted IR's own VMs are not part of this resource");
  return [
    ...ctx.line({
      name: "Orchestration (activity runs, self-hosted IR)",
      kind: "requests",
      service: SERVICE,
      meter: "self-hosted-ir/orchestration",
      quantity: runs.value / 1000,
      usage: [runs],
      unitIfNotPriced: "1k runs",
    }),
    ...ctx.line({
      name: "Data movement (self-hosted IR)",
      kind: "compute",
      service: SERVICE,
      meter: "self-hosted-ir/data-movement",
      quantity: move.value,
      usage: [move],
      unitIfNotPriced: "hours",
    }),
    ...ctx.line({
      name: "Pipeline activity (self-hosted IR)",
      kind: "compute",
      service: SERVICE,
      meter: "self-hosted-ir/pipeline-activity",
      quantity: pipeline.value,
      usage: [pipeline],
      unitIfNotPriced: "hours",
    }),
  ];
};
