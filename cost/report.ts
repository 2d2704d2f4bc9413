import { CostComponent, CostReport, ResourceCost, StackCost } from "./types";

const usd = (v: number): string => `$${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const qty = (v: number): string => v.toLocaleString("en-US", { maximumFractionDigits: 4 });
const price = (v: number): string => `$${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;

/** Markers in the breakdown (explained in the legend). */
export const MARK = { reference: "†", usage: "*", discount: "%" } as const;

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function table(rows: string[][], rightAlign: boolean[]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) =>
    r
      .map((c, i) => pad(c ?? "", widths[i], rightAlign[i]))
      .join("  ")
      .trimEnd(),
  );
}

function componentRow(c: CostComponent, last: boolean): string[] {
  const marks = [
    c.referenceRegion ? `${MARK.reference} ${c.priceRegion}` : "",
    c.usageBased ? MARK.usage : "",
    c.discount ? `${MARK.discount} -${c.discount.percent}% ${c.discount.label}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return [
    `${last ? " └─ " : " ├─ "}${c.name}`,
    qty(c.monthlyQuantity),
    c.unit,
    c.unitPrice === null ? "-" : price(c.unitPrice),
    c.notPriced !== undefined ? "not priced" : usd(c.monthlyCost ?? 0),
    marks,
  ];
}

/** Infracost-style breakdown of one stack. */
export function formatStack(s: StackCost): string {
  const rows: string[][] = [["Resource / component", "Monthly qty", "Unit", "Unit price", "Monthly cost", ""]];
  const priced = s.resources.filter((r) => r.status !== "free" && r.components.length > 0);
  for (const r of priced) {
    rows.push([`${r.address} (${r.region})`, "", "", "", "", ""]);
    r.components.forEach((c, i) => rows.push(componentRow(c, i === r.components.length - 1)));
  }
  const lines = [
    `━━ ${s.stack} (${s.cloud}, ${s.defaultRegion})${s.usageFile ? `, usage: ${s.usageFile}` : ", usage: defaults only"}`,
    ...table(rows, [false, true, false, true, true, false]),
  ];
  if (s.unpricedLines.length > 0) {
    lines.push("", "Not priced (NOT counted in the total):");
    for (const u of s.unpricedLines) lines.push(`  ${u.address}${u.line ? ` / ${u.line}` : ""}: ${u.reason}`);
  }
  const free = s.resources.filter((r) => r.status === "free");
  if (free.length > 0) {
    const byType = new Map<string, number>();
    for (const r of free) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    lines.push("", `Free (${free.length}): ${[...byType].map(([t, n]) => `${n} x ${t}`).join(", ")}`);
  }
  const zero = s.resources.filter((r) => r.status !== "free" && r.components.length === 0 && r.status !== "not-priced");
  if (zero.length > 0)
    lines.push(`No billable components: ${zero.map((r) => `${r.address}${r.notes ? ` (${r.notes.join("; ")})` : ""}`).join(", ")}`);
  lines.push("");
  const discount = s.listMonthlyCost - s.totalMonthlyCost;
  lines.push(
    `TOTAL ${s.stack}: ${usd(s.totalMonthlyCost)}/month${discount > 0.005 ? ` (list ${usd(s.listMonthlyCost)}, discounts -${usd(discount)})` : ""}`,
  );
  if (s.budgetUsd !== undefined) {
    lines.push(
      `  Budget ${usd(s.budgetUsd)}: ${s.overBudget ? `OVER by ${usd(s.totalMonthlyCost - s.budgetUsd)}` : `${((s.totalMonthlyCost / s.budgetUsd) * 100).toFixed(0)}% used`}`,
    );
  } else {
    lines.push("  Budget: none found for this environment");
  }
  lines.push(
    `  Status: ${s.status}${s.unpricedLines.length > 0 ? ` (${s.unpricedLines.length} billable line(s) not priced: the total is a lower bound)` : ""}`,
  );
  if (s.referenceRegionLines > 0)
    lines.push(
      `  ${MARK.reference} ${s.referenceRegionLines} line(s) priced with a reference region's price (the region shown after ${MARK.reference})`,
    );
  lines.push(`  ${MARK.usage} quantity from usage assumptions (cost/usage); ${MARK.discount} reserved capacity / savings plan discount`);
  return lines.join("\n");
}

/** Resource type totals per stack, side by side. */
export function formatSideBySide(r: CostReport): string {
  const stacks = r.stacks.map((s) => s.stack);
  const types = [...new Set(r.stacks.flatMap((s) => s.resources.filter((x) => x.status !== "free").map((x) => x.type)))].sort();
  const rows: string[][] = [["Resource type", ...stacks]];
  for (const t of types) {
    rows.push([
      t,
      ...r.stacks.map((s) => {
        const rs = s.resources.filter((x) => x.type === t);
        if (rs.length === 0) return "";
        if (rs.every((x) => x.status === "not-priced")) return "not priced";
        const v = rs.reduce((a, x) => a + x.monthlyCost, 0);
        return `${usd(v)}${rs.some((x) => x.status !== "priced") ? "+?" : ""}`;
      }),
    ]);
  }
  rows.push(["TOTAL", ...r.stacks.map((s) => `${usd(s.totalMonthlyCost)}${s.unpricedLines.length > 0 ? "+?" : ""}`)]);
  rows.push(["Budget", ...r.stacks.map((s) => (s.budgetUsd !== undefined ? usd(s.budgetUsd) : "-"))]);
  rows.push(["Status", ...r.stacks.map((s) => s.status)]);
  return [
    "━━ All environments (monthly, USD; +? = some resources or lines not priced)",
    ...table(rows, [false, ...stacks.map(() => true)]),
  ].join("\n");
}

export interface ResourceDelta {
  readonly stack: string;
  readonly address: string;
  readonly change: "added" | "removed" | "changed";
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

export interface StackDelta {
  readonly stack: string;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
  readonly resources: readonly ResourceDelta[];
}

/** Per-resource deltas between an older report and this one (stacks and resources matched by name/address). */
export function compareReports(oldReport: CostReport, newReport: CostReport): StackDelta[] {
  const names = [...new Set([...oldReport.stacks.map((s) => s.stack), ...newReport.stacks.map((s) => s.stack)])];
  return names.map((name) => {
    const b = oldReport.stacks.find((s) => s.stack === name);
    const a = newReport.stacks.find((s) => s.stack === name);
    const bRes = new Map<string, ResourceCost>((b?.resources ?? []).map((r) => [r.address, r]));
    const aRes = new Map<string, ResourceCost>((a?.resources ?? []).map((r) => [r.address, r]));
    const deltas: ResourceDelta[] = [];
    for (const addr of [...new Set([...bRes.keys(), ...aRes.keys()])].sort()) {
      const x = bRes.get(addr);
      const y = aRes.get(addr);
      const before = x?.monthlyCost ?? 0;
      const after = y?.monthlyCost ?? 0;
      const change = !x ? "added" : !y ? "removed" : "changed";
      if (change === "changed" && Math.abs(after - before) < 0.005 && x?.status === y?.status) continue;
      deltas.push({ stack: name, address: addr, change, before, after, delta: Math.round((after - before) * 100) / 100 });
    }
    const total0 = b?.totalMonthlyCost ?? 0;
    const total1 = a?.totalMonthlyCost ?? 0;
    return { stack: name, before: total0, after: total1, delta: Math.round((total1 - total0) * 100) / 100, resources: deltas };
  });
}

export function formatComparison(deltas: readonly StackDelta[], label: string): string {
  const sign = (v: number): string => (v >= 0 ? `+${usd(v)}` : `-${usd(-v)}`);
  const lines = [`━━ Compared with ${label}`];
  for (const d of deltas) {
    lines.push(`${d.stack}: ${usd(d.before)} -> ${usd(d.after)} (${sign(d.delta)})`);
    const rows: string[][] = [["  Resource", "Change", "Before", "After", "Delta"]];
    for (const r of d.resources) rows.push([`  ${r.address}`, r.change, usd(r.before), usd(r.after), sign(r.delta)]);
    if (rows.length > 1) lines.push(...table(rows, [false, false, true, true, true]));
    else lines.push("  no resource changed");
  }
  return lines.join("\n");
}

/** Stacks whose estimate exceeds their budget. */
export function overBudget(r: CostReport): StackCost[] {
  return r.stacks.filter((s) => s.overBudget === true);
}

/** Stacks with at least one billable line not priced (their totals are lower bounds). */
export function incomplete(r: CostReport): StackCost[] {
  return r.stacks.filter((s) => s.unpricedLines.length > 0);
}
