import { Sleep } from "@cdktf/provider-time/lib/sleep";
import { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Construct } from "constructs";
import { Rule, assertRules } from "../shared/rules";

/**
 * How long a new role assignment is given before anything uses it. Azure RBAC is eventually
 * consistent: Microsoft's "Troubleshoot Azure RBAC" says a role assignment change can take up to
 * 10 minutes to take effect; a fresh deploy that wraps a key or creates a filesystem seconds after the
 * grant gets 403 (ForbiddenByRbac, AuthorizationPermissionMismatch). Five minutes covers what the
 * provider's own acceptance tests and field reports see; `time_sleep` waits only on create, so later
 * applies pay nothing.
 */
export const DEFAULT_RBAC_PROPAGATION_WAIT = "300s";

export interface RbacPropagationWaitProps {
  /** The role assignments whose effect the dependants need. */
  readonly assignments: readonly RoleAssignment[];
  /**
   * Wait after the assignments are created (a Go duration such as `300s`).
   * @default DEFAULT_RBAC_PROPAGATION_WAIT
   */
  readonly duration?: string;
}

/** Every rule of the wait's props, as rows (`ok` = passes). */
export function rbacPropagationWaitRules(props: RbacPropagationWaitProps): Rule[] {
  const duration = props.duration ?? DEFAULT_RBAC_PROPAGATION_WAIT;
  return [
    { ok: props.assignments.length > 0, field: "assignments", value: [], allowed: "the role assignments to wait for (at least one)" },
    {
      ok: /^[1-9][0-9]*(s|m)$/.test(duration),
      field: "duration",
      value: duration,
      allowed: 'a whole number of seconds or minutes, e.g. "300s"',
    },
  ];
}

/**
 * A `time_sleep` after role assignments, so the data-plane calls that need them (key creation, CMK
 * wrap, filesystem creation) start once Azure enforces them. Dependants list `wait.sleep` in their
 * `depends_on`. Replacing an assignment replaces the sleep (triggers), so a re-grant waits again.
 */
export class RbacPropagationWait extends Construct {
  readonly sleep: Sleep;

  constructor(scope: Construct, id: string, props: RbacPropagationWaitProps) {
    super(scope, id);
    assertRules(`RbacPropagationWait ${this.node.path}`, rbacPropagationWaitRules(props));
    const duration = props.duration ?? DEFAULT_RBAC_PROPAGATION_WAIT;
    this.sleep = new Sleep(this, "sleep", {
      createDuration: duration,
      triggers: Object.fromEntries(props.assignments.map((a, i) => [`assignment_${i}`, a.id])),
      dependsOn: [...props.assignments],
    });
  }
}
