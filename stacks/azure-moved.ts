import { TerraformResource, TerraformStack } from "cdktf";

/**
 * Resources whose Terraform logical id changed, with the id they had before. Role assignments were
 * once named by a per-identity counter (`grant-1`, `grant-2`), so reordering grants replaced them;
 * they are now named `<role>-on-<target>`. Without a `moved` block a deployed stack would destroy
 * and recreate each CMK role assignment, and a store would lose its key in between. A `moved` block
 * whose old address is not in state does nothing, so a first deploy is unaffected. The old ids are
 * the same in every Azure environment (the stack name is not part of the hash).
 *
 * Keys are construct paths under the stack; values are the old `type.logical_id` addresses.
 */
const MOVED_FROM: Readonly<Record<string, string>> = {
  "identity-sql/key-vault-crypto-service-encryption-user-on-key-sql": "azurerm_role_assignment.identity-sql_grant-1_E7F4C6F2",
  "identity-cosmos/key-vault-crypto-service-encryption-user-on-key-cosmos": "azurerm_role_assignment.identity-cosmos_grant-1_F34A024C",
  "identity-datalake/key-vault-crypto-service-encryption-user-on-key-datalake":
    "azurerm_role_assignment.identity-datalake_grant-1_BB9A56BD",
  "identity-synapse/key-vault-crypto-service-encryption-user-on-key-synapse": "azurerm_role_assignment.identity-synapse_grant-1_65C682E0",
  "identity-adf/key-vault-crypto-service-encryption-user-on-key-adf": "azurerm_role_assignment.identity-adf_grant-1_68E9B3DB",
  "identity-adf/storage-blob-data-contributor-on-staging-filesystem": "azurerm_role_assignment.identity-adf_grant-2_52441500",
  "identity-sql/key-access-propagation-key-sql/sleep": "time_sleep.identity-sql_key-access-propagation-1_sleep_DF697E81",
  "identity-cosmos/key-access-propagation-key-cosmos/sleep": "time_sleep.identity-cosmos_key-access-propagation-1_sleep_5B30B090",
  "identity-datalake/key-access-propagation-key-datalake/sleep": "time_sleep.identity-datalake_key-access-propagation-1_sleep_31555BC4",
  "identity-synapse/key-access-propagation-key-synapse/sleep": "time_sleep.identity-synapse_key-access-propagation-1_sleep_3290302F",
  "identity-adf/key-access-propagation-key-adf/sleep": "time_sleep.identity-adf_key-access-propagation-1_sleep_57A7F78B",
};

/** Adds a `moved` block from each resource's old address; fails synth if a listed resource is gone. */
export function addMovedBlocks(stack: TerraformStack): void {
  for (const [path, from] of Object.entries(MOVED_FROM)) {
    const resource = path
      .split("/")
      .reduce<TerraformResource | TerraformStack | undefined>(
        (scope, id) => scope?.node.tryFindChild(id) as TerraformResource | undefined,
        stack,
      );
    if (!(resource instanceof TerraformResource)) {
      throw new Error(
        `${stack.node.id}: moved block target "${path}" (from ${from}) is not a resource in this stack; update stacks/azure-moved.ts`,
      );
    }
    resource.moveFromId(from);
  }
}
