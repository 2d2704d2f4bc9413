import { ENVIRONMENTS, ENV_NAMES, storeTestbed } from "../helpers/azure";
import { synthAzure, synthesize } from "../helpers/synth";

const GRANTS = [
  { target: "lake", scope: "/lake", role: "Storage Blob Data Reader" },
  { target: "vault", scope: "/vault", role: "Key Vault Secrets User" },
];

function assignmentsAfter(grants: typeof GRANTS): Record<string, unknown> {
  const t = storeTestbed("etl");
  for (const g of grants) t.identity.grant(g);
  const synth = synthesize(t.stack);
  // The testbed's own key grant is there too; keep only the two under test.
  return Object.fromEntries(synth.entries("azurerm_role_assignment").filter(([, r]) => ["/lake", "/vault"].includes(r.scope)));
}

describe("WorkloadIdentity role assignment ids", () => {
  test("reordering two grants keeps both logical ids and bodies", () => {
    const forward = assignmentsAfter(GRANTS);
    const reversed = assignmentsAfter([...GRANTS].reverse());
    expect(Object.keys(forward)).toHaveLength(2);
    expect(reversed).toEqual(forward);
  });

  test("the id names the role and the target", () => {
    const ids = Object.keys(assignmentsAfter(GRANTS)).sort();
    expect(ids[0]).toMatch(/^identity_key-vault-secrets-user-on-vault_[0-9A-F]{8}$/);
    expect(ids[1]).toMatch(/^identity_storage-blob-data-reader-on-lake_[0-9A-F]{8}$/);
  });

  test("the same role twice on one target is refused", () => {
    const t = storeTestbed("etl");
    t.identity.grant(GRANTS[0]);
    expect(() => t.identity.grant({ ...GRANTS[0], scope: "/other" })).toThrow(
      /"Storage Blob Data Reader" is already granted on "lake"; grant each role once per target/,
    );
  });

  test.each(["", "Lake", "raw_zone", "a--b", "-a"])("target %j is refused", (target) => {
    const t = storeTestbed("etl");
    expect(() => t.identity.grant({ ...GRANTS[0], target })).toThrow(
      /grant target ".*" must be lowercase letters, digits and single hyphens/,
    );
  });
});

describe("moved blocks from the counter-named ids", () => {
  // The addresses main synthesized before ids derived from role and target (same in every environment).
  const OLD = [
    "azurerm_role_assignment.identity-adf_grant-1_68E9B3DB",
    "azurerm_role_assignment.identity-adf_grant-2_52441500",
    "azurerm_role_assignment.identity-cosmos_grant-1_F34A024C",
    "azurerm_role_assignment.identity-datalake_grant-1_BB9A56BD",
    "azurerm_role_assignment.identity-sql_grant-1_E7F4C6F2",
    "azurerm_role_assignment.identity-synapse_grant-1_65C682E0",
    "time_sleep.identity-adf_key-access-propagation-1_sleep_57A7F78B",
    "time_sleep.identity-cosmos_key-access-propagation-1_sleep_5B30B090",
    "time_sleep.identity-datalake_key-access-propagation-1_sleep_31555BC4",
    "time_sleep.identity-sql_key-access-propagation-1_sleep_DF697E81",
    "time_sleep.identity-synapse_key-access-propagation-1_sleep_3290302F",
  ];

  test.each(ENV_NAMES)("%s: every old address moves to a resource of the same type that exists", (name) => {
    const synth = synthAzure(ENVIRONMENTS[name]);
    const moved = synth.json.moved as { from: string; to: string }[];
    expect(moved.map((m) => m.from).sort()).toEqual(OLD);
    for (const { from, to } of moved) {
      const [type, id] = to.split(".");
      expect(type).toBe(from.split(".")[0]);
      expect(synth.json.resource[type][id]).toBeDefined();
      expect(synth.json.resource[type][from.split(".")[1]]).toBeUndefined();
    }
  });
});
