/**
 * The shape of a synthesized `cdk.tf.json` (Terraform JSON syntax, as cdktf writes it: one root
 * module, no `module` blocks of its own).
 */

/** A plain JSON object as found in cdk.tf.json. */
export type JsonObject = { [key: string]: unknown };

/** The parts of cdk.tf.json that policy, cost and diagram read. */
export interface TerraformJson {
  readonly resource?: { [type: string]: { [name: string]: JsonObject } };
  readonly data?: { [type: string]: { [name: string]: JsonObject } };
  /** One object per provider, or a list when the stack has aliases. */
  readonly provider?: { readonly [name: string]: unknown };
  readonly locals?: JsonObject;
  readonly variable?: { [name: string]: JsonObject };
  readonly output?: { [name: string]: JsonObject };
  readonly terraform?: JsonObject;
  readonly [key: string]: unknown;
}

/** One resource (or data source) of a synthesized stack. */
export interface TfResource {
  /** Terraform type, e.g. `azurerm_mssql_server`. */
  readonly type: string;
  /** Logical name, e.g. `oltp_server_1A2B3C4D`. */
  readonly name: string;
  /** `<type>.<name>` (data sources: `data.<type>.<name>`). */
  readonly address: string;
  /** The resource's arguments exactly as cdk.tf.json has them (snake_case). */
  readonly config: JsonObject;
}

/** A reference from one resource's attribute to another resource or data source of the same stack. */
export interface Reference {
  readonly from: TfResource;
  /** Dotted attribute path in `from`, e.g. `private_service_connection.private_connection_resource_id`. */
  readonly path: string;
  readonly to: TfResource;
}
