import { HOURS_PER_MONTH } from "../../pricebook";
import { num, str } from "../../stack";
import { CostComponent } from "../../types";
import { UsageValue } from "../../usage";
import { EstimateContext, Estimator } from "../context";

/**
 * aws_lambda_function: requests (usage `requestsPerMonth`) and duration in GB-seconds =
 * requests x `averageDurationMs` / 1000 x `memory_size` / 1024, at the x86_64 or arm64 rate.
 * The monthly free tier (1M requests, 400,000 GB-s per account) is not subtracted: it is shared by
 * every function of the account.
 */
export const lambdaFunction: Estimator = (ctx) => {
  const requests = ctx.usage("requestsPerMonth");
  const durationMs = ctx.usage("averageDurationMs");
  const memoryGb = (num(ctx.config.memory_size) ?? 128) / 1024;
  const arch = Array.isArray(ctx.config.architectures) && ctx.config.architectures.includes("arm64") ? "arm64" : "x86_64";
  return [
    ...ctx.line({
      name: "Requests",
      kind: "requests",
      service: "lambda",
      meter: "requests",
      quantity: requests.value / 1_000_000,
      usage: [requests],
      unitIfNotPriced: "1M requests",
    }),
    ...ctx.line({
      name: `Duration (${arch}, ${memoryGb * 1024} MB)`,
      kind: "compute",
      service: "lambda",
      meter: `duration/${arch}`,
      quantity: (requests.value * durationMs.value * memoryGb) / 1000,
      usage: [requests, durationMs],
      unitIfNotPriced: "GB-seconds",
    }),
  ];
};

/** aws_ecr_repository: image storage (usage `storageGb`). */
export const ecrRepository: Estimator = (ctx) => {
  const gb = ctx.usage("storageGb");
  return ctx.line({
    name: "Image storage",
    kind: "storage",
    service: "ecr",
    meter: "storage",
    quantity: gb.value,
    usage: [gb],
    unitIfNotPriced: "GB-month",
  });
};

/** MWAA `environment_class` (mw1.small) -> price book class (small). */
const MWAA_CLASS: Record<string, string> = { "mw1.small": "small", "mw1.medium": "medium", "mw1.large": "large" };

/**
 * aws_mwaa_environment: the environment by `environment_class` (it includes one worker and the
 * schedulers up to `schedulers` = 2), the workers `min_workers` keeps above the first around the clock,
 * autoscaled workers above `min_workers` (usage `averageAdditionalWorkers`, at most `max_workers` -
 * `min_workers`), schedulers above two, and the metadata database (usage `metaDatabaseGb`).
 */
export const mwaaEnvironment: Estimator = (ctx) => {
  const raw = str(ctx.config.environment_class) ?? "mw1.small";
  const cls = MWAA_CLASS[raw] ?? raw;
  const minWorkers = num(ctx.config.min_workers) ?? 1;
  const maxWorkers = num(ctx.config.max_workers) ?? 10;
  const schedulers = num(ctx.config.schedulers) ?? 2;
  const workers = ctx.usage("averageAdditionalWorkers");
  const alwaysOn = Math.max(0, minWorkers - 1);
  const autoscaled = Math.min(workers.value, Math.max(0, maxWorkers - Math.max(1, minWorkers)));
  const db = ctx.usage("metaDatabaseGb");
  const out: CostComponent[] = [
    ...ctx.line({
      name: `Environment (${raw})`,
      kind: "compute",
      service: "mwaa",
      meter: `environment/${cls}`,
      quantity: HOURS_PER_MONTH,
      unitIfNotPriced: "hours",
    }),
    ...ctx.line({
      name: `Workers kept by min_workers (${alwaysOn} x ${raw})`,
      kind: "compute",
      service: "mwaa",
      meter: `worker/${cls}`,
      quantity: alwaysOn * HOURS_PER_MONTH,
      unitIfNotPriced: "hours",
    }),
    ...ctx.line({
      name: `Autoscaled workers (${raw})`,
      kind: "compute",
      service: "mwaa",
      meter: `worker/${cls}`,
      quantity: autoscaled * HOURS_PER_MONTH,
      usage: [workers],
      unitIfNotPriced: "hours",
    }),
  ];
  if (schedulers > 2) {
    out.push(
      ...ctx.line({
        name: `Additional schedulers (${schedulers - 2} x ${raw})`,
        kind: "compute",
        service: "mwaa",
        meter: `scheduler/${cls}`,
        quantity: (schedulers - 2) * HOURS_PER_MONTH,
        unitIfNotPriced: "hours",
      }),
    );
  }
  out.push(
    ...ctx.line({
      name: "Meta database",
      kind: "storage",
      service: "mwaa",
      meter: "metadatabase",
      quantity: db.value,
      usage: [db],
      unitIfNotPriced: "GB-month",
    }),
  );
  return out;
};

/**
 * aws_ecs_task_definition with FARGATE compatibility: vCPU-hours and GB-hours of `cpu` / `memory`
 * for the hours tasks run (usage `taskHoursPerMonth`: tasks started by a schedule or by hand). A task
 * definition a service runs is priced on the aws_ecs_service instead, so it is not counted twice.
 * EC2 launch types bill the instances.
 */
export const ecsTaskDefinition: Estimator = (ctx) => {
  const compat = Array.isArray(ctx.config.requires_compatibilities) ? ctx.config.requires_compatibilities : [];
  if (!compat.includes("FARGATE")) {
    ctx.note("not a Fargate task definition: billed on the EC2 capacity it runs on");
    return [];
  }
  const services = ctx.stack.ofType("aws_ecs_service").filter((svc) => ctx.stack.target(svc.config.task_definition) === ctx.resource);
  if (services.length > 0) {
    ctx.note(`run by ${services.map((svc) => svc.address).join(", ")}: priced on the service`);
    return [];
  }
  const hours = ctx.usage("taskHoursPerMonth");
  return fargateLines(num(ctx.config.cpu) ?? 256, num(ctx.config.memory) ?? 512, hours.value, [hours], ctx);
};

/** aws_ecs_service on Fargate: `desired_count` tasks of its task definition, all month. */
export const ecsService: Estimator = (ctx) => {
  const launch = str(ctx.config.launch_type);
  const td = ctx.stack.target(ctx.config.task_definition);
  if (launch !== "FARGATE" || !td) {
    ctx.note("not a Fargate service (or its task definition is not in the stack): billed on the EC2 capacity");
    return [];
  }
  const tasks = num(ctx.config.desired_count) ?? 1;
  return fargateLines(num(td.config.cpu) ?? 256, num(td.config.memory) ?? 512, tasks * HOURS_PER_MONTH, [], ctx);
};

function fargateLines(
  cpuUnits: number,
  memoryMb: number,
  hours: number,
  usage: readonly UsageValue[],
  ctx: EstimateContext,
): CostComponent[] {
  const vcpu = cpuUnits / 1024;
  const gb = memoryMb / 1024;
  return [
    ...ctx.line({
      name: `Fargate vCPU (${vcpu} vCPU)`,
      kind: "compute",
      service: "ecs",
      meter: "fargate/vcpu",
      quantity: vcpu * hours,
      usage,
      unitIfNotPriced: "vCPU-hours",
    }),
    ...ctx.line({
      name: `Fargate memory (${gb} GB)`,
      kind: "compute",
      service: "ecs",
      meter: "fargate/memory",
      quantity: gb * hours,
      usage,
      unitIfNotPriced: "GB-hours",
    }),
  ];
}
