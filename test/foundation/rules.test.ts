/**
 * The rule idiom's helpers (constructs/shared/rules.ts): how a construct's rows are renamed to an
 * environment file's fields, and how a failed row reads. Expectations are written out literally.
 */
import { dev } from "../../environments/dev";
import { prod } from "../../environments/prod";
import { EnvironmentConfigError } from "../../environments/checks";
import { validateAzureEnvironment } from "../../environments/validate";
import { Rule, failedRules, formatIssues, prefixed, renamed } from "../../constructs/shared/rules";

const row = (field: string, value: unknown = 1): Rule => ({ ok: false, field, value, allowed: "x" });

describe("renamed", () => {
  test("renames a field, its children and its items, and nothing that merely starts with the same letters", () => {
    const rules = [
      row("sizing"),
      row("sizing.maxSizeGb"),
      row("sizing.minCapacity/autoPauseDelayMinutes"),
      row("cdc.tables[0]"),
      row("sizingExtra"),
    ];
    expect(renamed(rules, { sizing: "sizing.sqlDatabase", cdc: "change" }).map((r) => r.field)).toEqual([
      "sizing.sqlDatabase",
      "sizing.sqlDatabase.maxSizeGb",
      "sizing.sqlDatabase.minCapacity/autoPauseDelayMinutes",
      "change.tables[0]",
      "sizingExtra",
    ]);
  });
});

describe("prefixed and failedRules", () => {
  test("a rule on the whole input takes the prefix's own name", () => {
    expect(prefixed("budget.", [row(""), row("monthlyAmountUsd")]).map((r) => r.field)).toEqual(["budget", "budget.monthlyAmountUsd"]);
    expect(failedRules([row(""), row("emails[0]")], "alertContacts.").map((i) => i.field)).toEqual([
      "alertContacts",
      "alertContacts.emails[0]",
    ]);
  });

  test("passing rows are dropped", () => {
    expect(failedRules([{ ok: true, field: "a", value: 1, allowed: "x" }])).toEqual([]);
  });
});

describe("formatIssues", () => {
  test("prints numbers as themselves (NaN and Infinity would read null in JSON) and the rest as JSON", () => {
    expect(formatIssues(failedRules([row("a", Number.NaN), row("b", Infinity), row("c", "s"), row("d", [1])]))).toBe(
      ["  - a: got NaN; allowed: x", "  - b: got Infinity; allowed: x", '  - c: got "s"; allowed: x', "  - d: got [1]; allowed: x"].join(
        "\n",
      ),
    );
  });
});

describe("one problem, one line", () => {
  test("a secondary region equal to the primary is reported once, though SQL, Cosmos DB and the file all judge it", () => {
    const env = structuredClone(prod) as any;
    env.secondaryLocation = "westeurope";
    let error: EnvironmentConfigError | undefined;
    try {
      validateAzureEnvironment(env);
    } catch (e) {
      error = e as EnvironmentConfigError;
    }
    expect(error?.issues.filter((i) => i.field === "secondaryLocation")).toEqual([
      { field: "secondaryLocation", value: "westeurope", allowed: "a region other than location (westeurope)" },
    ]);
  });

  test("different problems of one field stay separate lines", () => {
    const env = structuredClone(dev) as any;
    env.cdc.tables = ["Nope", "Nope"];
    let error: EnvironmentConfigError | undefined;
    try {
      validateAzureEnvironment(env);
    } catch (e) {
      error = e as EnvironmentConfigError;
    }
    expect(error?.issues.filter((i) => i.field === "cdc.tables[1]").map((i) => i.allowed)).toEqual([
      "one of Country, Currency, Merchant, Customer, PaymentMethod, Payment, Refund, Dispute, Payout",
      "a table listed once",
    ]);
  });
});
