import { TerraformMetaArguments, TerraformResource, anyToTerraform, hashMapper } from "cdktf";
import { Construct } from "constructs";

export interface TerraformDataProps extends TerraformMetaArguments {
  /** Stored in state and exposed as `output` after apply. @default - none */
  readonly input?: { [key: string]: unknown };
  /** Any change replaces the resource (and re-runs its provisioners). @default - none */
  readonly triggersReplace?: { [key: string]: unknown };
}

/**
 * Terraform's built-in `terraform_data` resource (Terraform >= 1.4).
 *
 * cdktf's own `DataResource` checks the local Terraform version at synth time by running
 * `terraform version`, so synth would need a Terraform CLI on the PATH. Synth here must run
 * anywhere (`npm run synth` offline on a fresh clone); the stacks' `required_version` makes
 * Terraform itself refuse an older CLI at `init`.
 */
export class TerraformData extends TerraformResource {
  private readonly input?: { [key: string]: unknown };
  private readonly triggersReplace?: { [key: string]: unknown };

  constructor(scope: Construct, id: string, props: TerraformDataProps = {}) {
    super(scope, id, { ...props, terraformResourceType: "terraform_data", terraformGeneratorMetadata: { providerName: "terraform" } });
    this.input = props.input;
    this.triggersReplace = props.triggersReplace;
  }

  protected override synthesizeAttributes(): { [name: string]: unknown } {
    return {
      input: hashMapper(anyToTerraform)(this.input),
      triggers_replace: hashMapper(anyToTerraform)(this.triggersReplace),
    };
  }
}
