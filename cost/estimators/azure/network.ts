import { HOURS_PER_MONTH } from "../../pricebook";
import { str } from "../../stack";
import { Estimator } from "../context";

const SERVICE = "network";

/** azurerm_private_endpoint: per hour, plus inbound and outbound data processed (usage). */
export const privateEndpoint: Estimator = (ctx) => {
  const inbound = ctx.usage("inboundGb");
  const outbound = ctx.usage("outboundGb");
  return [
    ...ctx.line({
      name: "Private endpoint",
      kind: "network",
      service: SERVICE,
      meter: "private-endpoint/hour",
      quantity: HOURS_PER_MONTH,
      unitIfNotPriced: "hours",
    }),
    ...ctx.line({
      name: "Inbound data processed",
      kind: "data-processed",
      service: SERVICE,
      meter: "private-endpoint/data-processed",
      quantity: inbound.value,
      usage: [inbound],
      unitIfNotPriced: "GB",
    }),
    ...ctx.line({
      name: "Outbound data processed",
      kind: "data-processed",
      service: SERVICE,
      meter: "private-endpoint/data-processed",
      quantity: outbound.value,
      usage: [outbound],
      unitIfNotPriced: "GB",
    }),
  ];
};

/** azurerm_private_dns_zone: per hosted zone per month (queries are not estimated). */
export const privateDnsZone: Estimator = (ctx) =>
  ctx.line({ name: "Hosted zone", kind: "network", service: SERVICE, meter: "private-dns-zone", quantity: 1, unitIfNotPriced: "months" });

/** azurerm_public_ip: Standard static IPs per hour (regional or global tier). */
export const publicIp: Estimator = (ctx) => {
  const sku = str(ctx.config.sku) ?? "Standard";
  const tier = (str(ctx.config.sku_tier) ?? "Regional").toLowerCase();
  return ctx.line({
    name: `IP address (${sku}, static, ${tier})`,
    kind: "network",
    service: SERVICE,
    meter: `public-ip/${sku.toLowerCase()}-${tier}`,
    quantity: HOURS_PER_MONTH,
    unitIfNotPriced: "hours",
  });
};

/** azurerm_firewall: deployment hours by `sku_tier`, plus data processed (usage). */
export const firewall: Estimator = (ctx) => {
  const tier = str(ctx.config.sku_tier) ?? "Standard";
  const gb = ctx.usage("dataProcessedGb");
  return [
    ...ctx.line({
      name: `Deployment (${tier})`,
      kind: "network",
      service: SERVICE,
      meter: `firewall/${tier.toLowerCase()}`,
      quantity: HOURS_PER_MONTH,
      unitIfNotPriced: "hours",
    }),
    ...ctx.line({
      name: "Data processed",
      kind: "data-processed",
      service: SERVICE,
      meter: "firewall/data-processed",
      quantity: gb.value,
      usage: [gb],
      unitIfNotPriced: "GB",
    }),
  ];
};

/** azurerm_network_ddos_protection_plan: plan hours plus protected resources beyond 100 (usage). */
export const ddosProtectionPlan: Estimator = (ctx) => {
  const over = ctx.usage("protectedResourcesOver100");
  ctx.note("one plan can protect every VNet of the tenant: share it across environments");
  return [
    ...ctx.line({
      name: "DDoS Network Protection plan",
      kind: "network",
      service: SERVICE,
      meter: "ddos-protection-plan",
      quantity: HOURS_PER_MONTH,
      unitIfNotPriced: "hours",
    }),
    ...(over.value > 0
      ? ctx.line({
          name: "Overage (resources beyond 100)",
          kind: "network",
          service: SERVICE,
          meter: "ddos-overage",
          quantity: over.value,
          usage: [over],
          unitIfNotPriced: "resources",
        })
      : []),
  ];
};

/**
 * azurerm_firewall_policy: no charge while at most one firewall uses it (Infracost lists it as
 * free); Firewall Manager bills a policy associated with several firewalls, a price the price book
 * does not have, so that case is reported as not priced.
 */
export const firewallPolicy: Estimator = (ctx) => {
  const firewalls = ctx.stack.ofType("azurerm_firewall").filter((f) => ctx.stack.target(f.config.firewall_policy_id) === ctx.resource);
  if (firewalls.length <= 1) {
    ctx.note(`used by ${firewalls.length} firewall(s): no charge (the firewall is priced)`);
    return [];
  }
  return [
    ctx.notPriced(
      `Policy with ${firewalls.length} firewall associations`,
      "network",
      1,
      "policy-months",
      "Firewall Manager's multi-firewall policy fee is not in the price book",
    ),
  ];
};
