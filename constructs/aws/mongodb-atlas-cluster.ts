import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { AdvancedCluster } from "@cdktf/provider-mongodbatlas/lib/advanced-cluster";
import { AlertConfiguration } from "@cdktf/provider-mongodbatlas/lib/alert-configuration";
import { Auditing } from "@cdktf/provider-mongodbatlas/lib/auditing";
import { CloudBackupSchedule } from "@cdktf/provider-mongodbatlas/lib/cloud-backup-schedule";
import { CloudProviderAccessAuthorization } from "@cdktf/provider-mongodbatlas/lib/cloud-provider-access-authorization";
import { CloudProviderAccessSetup } from "@cdktf/provider-mongodbatlas/lib/cloud-provider-access-setup";
import { CustomDbRole } from "@cdktf/provider-mongodbatlas/lib/custom-db-role";
import { DatabaseUser } from "@cdktf/provider-mongodbatlas/lib/database-user";
import { EncryptionAtRest } from "@cdktf/provider-mongodbatlas/lib/encryption-at-rest";
import { FederatedSettingsOrgRoleMapping } from "@cdktf/provider-mongodbatlas/lib/federated-settings-org-role-mapping";
import { PrivatelinkEndpoint } from "@cdktf/provider-mongodbatlas/lib/privatelink-endpoint";
import { PrivatelinkEndpointService } from "@cdktf/provider-mongodbatlas/lib/privatelink-endpoint-service";
import { Project } from "@cdktf/provider-mongodbatlas/lib/project";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { Rule, assertRules, intBetween, oneOf, prefixed } from "../shared/rules";
import { AWS_REGIONS, AwsRegion } from "./regions";
import { PrivateAccessProps } from "./common";
import { DocumentCollectionSpec, DocumentStore, PAYMENT_DOCUMENT_COLLECTIONS } from "./engine-contracts";
import { AwsNaming } from "./naming";
import { PrivateSecurityGroup } from "./private/security-group";
import { WorkloadRole } from "./workload-role";

/** MongoDB Atlas instance sizes (dedicated tiers only: M10+ support PrivateLink, CMK encryption and backups). */
export const ATLAS_INSTANCE_SIZES = ["M10", "M20", "M30", "M40", "M50", "M60", "M80", "M140", "M200"] as const;
export type AtlasInstanceSize = (typeof ATLAS_INSTANCE_SIZES)[number];

/** Atlas project roles an identity-provider group may receive (Atlas user roles reference). */
export const ATLAS_PROJECT_ROLES = [
  "GROUP_READ_ONLY",
  "GROUP_DATA_ACCESS_READ_ONLY",
  "GROUP_DATA_ACCESS_READ_WRITE",
  "GROUP_DATA_ACCESS_ADMIN",
  "GROUP_CLUSTER_MANAGER",
  "GROUP_OWNER",
] as const;
export type AtlasProjectRole = (typeof ATLAS_PROJECT_ROLES)[number];

/** The brief's NoSQL engine on MongoDB Atlas (`documentStore: "mongodb-atlas"`). */
export interface MongoAtlasConfig {
  /** Atlas organization id (24 hex characters). */
  readonly orgId: string;
  /**
   * Secrets Manager secret (name) holding the Atlas programmatic API key (`public_key`, `private_key`)
   * the provider reads at plan time; created and rotated outside this stack.
   */
  readonly apiKeySecretName: string;
  /** IAM role (in this account) the Atlas provider assumes to read `apiKeySecretName`; the provider requires one. */
  readonly secretReaderRoleArn: string;
  /** Tier of every electable node; M30+ in prod (M10/M20 are for development workloads). */
  readonly instanceSize: AtlasInstanceSize;
  /** Disk per node in GB (10-4096). */
  readonly diskSizeGb: number;
  /** MongoDB major version. */
  readonly mongoDbMajorVersion: "7.0" | "8.0";
  /**
   * Second region with two electable nodes (5-node replica set over two regions). Required in prod.
   * @default - one region, three nodes over three AZs
   */
  readonly secondaryRegion?: AwsRegion;
  /**
   * SSO for people: the organization's federated authentication (identity provider linked once in the Atlas
   * UI; the provider cannot create it) and the IdP groups mapped to this project's roles.
   * @default - no role mappings (people are invited by hand)
   */
  readonly sso?: {
    /** Federation settings id of the organization (24 hex characters). */
    readonly federationSettingsId: string;
    readonly groups: readonly { readonly externalGroupName: string; readonly projectRoles: readonly AtlasProjectRole[] }[];
  };
}

/** Database holding the collections. */
export const ATLAS_DATABASE = "payments";

/** Atlas writes AWS regions as `EU_WEST_1`. */
export function atlasRegion(region: AwsRegion): string {
  return region.toUpperCase().replace(/-/g, "_");
}

/** The NoSQL latency SLA (the same 50 ms as the DocumentDB and Cosmos DB alarms). */
export const NOSQL_LATENCY_SLA_MS = 50;

/** Actions of the per-collection custom roles. */
const READ_ACTIONS = ["FIND", "LIST_INDEXES", "COLL_STATS"];
const WRITE_ACTIONS = ["INSERT", "UPDATE", "REMOVE"];

/** Audited events: authentication, user/role and schema changes. */
const AUDIT_FILTER = {
  atype: {
    $in: [
      "authenticate",
      "createUser",
      "dropUser",
      "updateUser",
      "grantRolesToUser",
      "revokeRolesFromUser",
      "createRole",
      "dropRole",
      "createCollection",
      "dropCollection",
      "createIndex",
      "dropIndex",
      "dropDatabase",
    ],
  },
};

const ATLAS_ID = /^[0-9a-f]{24}$/;
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

/**
 * The rules of an Atlas block (fields relative to it) for a cluster in `placement`: Atlas ids, a reader
 * role in this account, a dedicated tier, a second region that is another region, and IdP groups mapped
 * to real project roles.
 */
export function mongoAtlasConfigRules(
  atlas: MongoAtlasConfig,
  placement: { readonly accountId: string; readonly region: AwsRegion },
): Rule[] {
  const sso = atlas.sso;
  return [
    {
      ok: ATLAS_ID.test(atlas.orgId),
      field: "orgId",
      value: atlas.orgId,
      allowed: "an Atlas organization id: 24 lowercase hex characters",
    },
    {
      ok: SECRET_NAME.test(atlas.apiKeySecretName),
      field: "apiKeySecretName",
      value: atlas.apiKeySecretName,
      allowed: "a Secrets Manager secret name",
    },
    {
      ok: new RegExp(`^arn:aws:iam::${placement.accountId}:role/[A-Za-z0-9+=,.@_/-]{1,512}$`).test(atlas.secretReaderRoleArn),
      field: "secretReaderRoleArn",
      value: atlas.secretReaderRoleArn,
      allowed: `an IAM role ARN in account ${placement.accountId}`,
    },
    oneOf(atlas.instanceSize, ATLAS_INSTANCE_SIZES, "instanceSize"),
    intBetween(atlas.diskSizeGb, 10, 4096, "diskSizeGb"),
    oneOf(atlas.mongoDbMajorVersion, ["7.0", "8.0"] as const, "mongoDbMajorVersion"),
    ...(atlas.secondaryRegion === undefined
      ? []
      : [
          oneOf(atlas.secondaryRegion, AWS_REGIONS, "secondaryRegion"),
          {
            ok: atlas.secondaryRegion !== placement.region,
            field: "secondaryRegion",
            value: atlas.secondaryRegion,
            allowed: `a region other than region (${placement.region})`,
          },
        ]),
    ...(sso === undefined
      ? []
      : [
          {
            ok: ATLAS_ID.test(sso.federationSettingsId),
            field: "sso.federationSettingsId",
            value: sso.federationSettingsId,
            allowed: "24 lowercase hex characters",
          },
          { ok: sso.groups.length > 0, field: "sso.groups", value: sso.groups, allowed: "at least one identity-provider group" },
          ...sso.groups.flatMap((g, i) => [
            {
              ok: g.externalGroupName.trim() !== "",
              field: `sso.groups[${i}].externalGroupName`,
              value: g.externalGroupName,
              allowed: "the group's name in the identity provider",
            },
            {
              ok: g.projectRoles.length > 0,
              field: `sso.groups[${i}].projectRoles`,
              value: g.projectRoles,
              allowed: "at least one project role",
            },
            ...g.projectRoles.map((r, j) => oneOf(r, ATLAS_PROJECT_ROLES, `sso.groups[${i}].projectRoles[${j}]`)),
          ]),
        ]),
  ];
}

export interface MongoAtlasClusterProps {
  readonly naming: AwsNaming;
  /** Atlas project name, unique in the organization, e.g. `pay-staging`. */
  readonly projectName: string;
  readonly accountId: string;
  readonly region: AwsRegion;
  readonly config: MongoAtlasConfig;
  /** The `nosql` CMK: Atlas encrypts the cluster's storage keys with it through an IAM role it assumes. */
  readonly encryptionKey: KmsKey;
  /** Data subnets and VPC that hold the PrivateLink interface endpoint. */
  readonly privateAccess: PrivateAccessProps;
  /** PITR window in days (the environment's `retention.backupDays`). */
  readonly restoreWindowDays: number;
  /** Daily snapshot retention in days (the environment's `retention.snapshotDays`). */
  readonly snapshotRetentionDays: number;
  /** Receivers of Atlas alerts. */
  readonly alertEmails: readonly string[];
  /** Labels on the cluster (Atlas `tags` blocks); the stack passes its required tags. */
  readonly tags: Readonly<Record<string, string>>;
  /** Collections and indexes to create. @default PAYMENT_DOCUMENT_COLLECTIONS */
  readonly collections?: Readonly<Record<string, DocumentCollectionSpec>>;
  /** @default true */
  readonly deletionProtection?: boolean;
}

/**
 * The NoSQL engine on MongoDB Atlas: one project per environment and a replica set on AWS in the
 * environment's region (three electable nodes, which Atlas spreads over three AZs; two more in the
 * secondary region for prod), storage encrypted with the environment's `nosql` CMK (customer key
 * management through an IAM role Atlas assumes with its external id), TLS 1.2 minimum, reachable only
 * through PrivateLink (no IP access list entry at all), continuous backup with PITR plus a daily snapshot
 * schedule, database auditing, alerts by e-mail, database users that are AWS IAM roles (no passwords)
 * holding per-collection custom roles, and identity-provider groups mapped to project roles for people.
 */
export class MongoAtlasCluster extends Construct implements DocumentStore {
  readonly engine = "mongodb-atlas" as const;
  /** PrivateLink ports: Atlas maps each node to a port of 1024-65535 on the interface endpoint. */
  readonly port = 27017;
  readonly project: Project;
  readonly cluster: AdvancedCluster;
  readonly endpoint: VpcEndpoint;
  readonly securityGroup: PrivateSecurityGroup;
  readonly collections: Readonly<Record<string, DocumentCollectionSpec>>;
  /** Custom role names per collection and mode, e.g. `transactions_write`. */
  readonly collectionRoles = new Map<string, CustomDbRole>();

  constructor(scope: Construct, id: string, props: MongoAtlasClusterProps) {
    super(scope, id);
    assertRules(`MongoAtlasCluster ${this.node.path}`, prefixed("config.", mongoAtlasConfigRules(props.config, props)));
    const { naming, config: atlas } = props;
    const preventDestroy = props.deletionProtection ?? true;
    this.collections = props.collections ?? PAYMENT_DOCUMENT_COLLECTIONS;
    this.project = new Project(this, "project", {
      name: props.projectName,
      orgId: atlas.orgId,
      withDefaultAlertsSettings: true,
      isDataExplorerEnabled: false,
      tags: { ...props.tags },
      lifecycle: { preventDestroy },
    });
    const projectId = this.project.id;

    // Customer key management: Atlas assumes a role (its account, our external id) allowed to use only the nosql key.
    const access = new CloudProviderAccessSetup(this, "kms-access-setup", { projectId, providerName: "AWS" });
    const kmsRole = new WorkloadRole(this, "kms-role", {
      roleName: naming.name("iamRole", "atlas-kms"),
      description: "MongoDB Atlas encryption at rest with the nosql CMK",
      assumedBy: [],
      assumedByExternal: {
        principalArn: access.awsConfig.get(0).atlasAwsAccountArn,
        externalId: access.awsConfig.get(0).atlasAssumedRoleExternalId,
      },
      accountId: props.accountId,
    });
    kmsRole.addToPolicy({ Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"], Resource: props.encryptionKey.arn });
    const authorization = new CloudProviderAccessAuthorization(this, "kms-access", {
      projectId,
      roleId: access.roleId,
      aws: { iamAssumedRoleArn: kmsRole.arn },
    });
    const encryption = new EncryptionAtRest(this, "encryption", {
      projectId,
      awsKmsConfig: [
        { enabled: true, customerMasterKeyId: props.encryptionKey.keyId, region: atlasRegion(props.region), roleId: authorization.roleId },
      ],
    });

    const regionConfig = (region: AwsRegion, priority: number, nodeCount: number) => ({
      providerName: "AWS",
      regionName: atlasRegion(region),
      priority,
      electableSpecs: { instanceSize: atlas.instanceSize, nodeCount, diskSizeGb: atlas.diskSizeGb },
    });
    this.cluster = new AdvancedCluster(this, "cluster", {
      projectId,
      name: naming.name("docdbCluster", "nosql"),
      clusterType: "REPLICASET",
      mongoDbMajorVersion: atlas.mongoDbMajorVersion,
      backupEnabled: true,
      pitEnabled: true,
      encryptionAtRestProvider: "AWS",
      terminationProtectionEnabled: preventDestroy,
      redactClientLogData: true,
      replicationSpecs: [
        {
          regionConfigs: [
            regionConfig(props.region, 7, 3),
            ...(atlas.secondaryRegion !== undefined ? [regionConfig(atlas.secondaryRegion, 6, 2)] : []),
          ],
        },
      ],
      advancedConfiguration: { minimumEnabledTlsProtocol: "TLS1_2", javascriptEnabled: false },
      tags: Object.entries(props.tags).map(([key, value]) => ({ key, value })),
      dependsOn: [encryption],
      lifecycle: { preventDestroy },
    });

    // PrivateLink: Atlas endpoint service <- interface endpoint in the data subnets <- endpoint link.
    this.securityGroup = new PrivateSecurityGroup(this, "sg", {
      name: naming.name("securityGroup", "atlas-endpoint"),
      description: "Atlas PrivateLink endpoint: 1024-65535 from allowed workloads only",
      vpcId: props.privateAccess.vpcId,
    });
    const privateLink = new PrivatelinkEndpoint(this, "privatelink", { projectId, providerName: "AWS", region: props.region });
    this.endpoint = new VpcEndpoint(this, "endpoint", {
      vpcId: props.privateAccess.vpcId,
      serviceName: privateLink.endpointServiceName,
      vpcEndpointType: "Interface",
      subnetIds: [...props.privateAccess.subnetIds],
      securityGroupIds: [this.securityGroup.securityGroupId],
      tags: { Name: naming.name("vpcResource", "atlas-endpoint") },
    });
    new PrivatelinkEndpointService(this, "privatelink-service", {
      projectId,
      privateLinkId: privateLink.privateLinkId,
      endpointServiceId: this.endpoint.id,
      providerName: "AWS",
    });

    new CloudBackupSchedule(this, "backup-schedule", {
      projectId,
      clusterName: this.cluster.name,
      referenceHourOfDay: 1,
      referenceMinuteOfHour: 0,
      restoreWindowDays: props.restoreWindowDays,
      policyItemDaily: { frequencyInterval: 1, retentionUnit: "days", retentionValue: props.snapshotRetentionDays },
    });

    new Auditing(this, "auditing", {
      projectId,
      enabled: true,
      auditAuthorizationSuccess: false,
      auditFilter: JSON.stringify(AUDIT_FILTER),
    });

    const notification = props.alertEmails.map((emailAddress) => ({ typeName: "EMAIL", emailAddress, intervalMin: 60, delayMin: 0 }));
    new AlertConfiguration(this, "alert-no-primary", { projectId, eventType: "NO_PRIMARY", enabled: true, notification });
    new AlertConfiguration(this, "alert-oplog-window", {
      projectId,
      eventType: "REPLICATION_OPLOG_WINDOW_RUNNING_OUT",
      enabled: true,
      notification,
    });
    // The NoSQL SLA row (latency > 50 ms) and disk headroom, alerted by Atlas: CloudWatch has no Atlas metrics.
    for (const [alertId, metricName, threshold, units] of [
      ["alert-read-latency", "OP_EXECUTION_TIME_READS", NOSQL_LATENCY_SLA_MS, "MILLISECONDS"],
      ["alert-write-latency", "OP_EXECUTION_TIME_WRITES", NOSQL_LATENCY_SLA_MS, "MILLISECONDS"],
      ["alert-disk", "DISK_PARTITION_SPACE_USED_DATA", 80, "RAW"],
    ] as const) {
      new AlertConfiguration(this, alertId, {
        projectId,
        eventType: "OUTSIDE_METRIC_THRESHOLD",
        enabled: true,
        metricThresholdConfig: [{ metricName, operator: "GREATER_THAN", threshold, units, mode: "AVERAGE" }],
        notification,
      });
    }

    for (const collection of Object.keys(this.collections)) {
      for (const [mode, actions] of [
        ["read", READ_ACTIONS],
        ["write", [...READ_ACTIONS, ...WRITE_ACTIONS]],
      ] as const) {
        const roleName = `${collection}_${mode}`;
        this.collectionRoles.set(
          roleName,
          new CustomDbRole(this, `role-${collection}-${mode}`, {
            projectId,
            roleName,
            actions: actions.map((action) => ({ action, resources: [{ databaseName: ATLAS_DATABASE, collectionName: collection }] })),
          }),
        );
      }
    }

    // People: identity-provider groups mapped to organization membership and this project's roles.
    if (atlas.sso !== undefined) {
      const { federationSettingsId, groups } = atlas.sso;
      groups.forEach((group, i) => {
        new FederatedSettingsOrgRoleMapping(this, `sso-group-${i}`, {
          federationSettingsId,
          orgId: atlas.orgId,
          externalGroupName: group.externalGroupName,
          roleAssignments: [
            { orgId: atlas.orgId, roles: ["ORG_MEMBER"] },
            { groupId: projectId, roles: [...group.projectRoles] },
          ],
        });
      });
    }

    new TerraformOutput(this, "atlas-collections", {
      value: JSON.stringify(this.collections),
      description: "Collections and indexes the bootstrap job creates (mongosh through the private endpoint, MONGODB-AWS auth)",
    });
  }

  /** The SRV connection string through the private endpoint. */
  get endpointAddress(): string {
    return this.cluster.connectionStrings.get(0).privateEndpoint.get(0).srvConnectionString;
  }

  /**
   * Makes an AWS IAM role a database user (`$external`, MONGODB-AWS, no password) holding the custom
   * role of each collection it reads or writes, and opens the endpoint to its security group.
   */
  grantIamRole(
    id: string,
    role: WorkloadRole,
    access: { readonly read?: readonly string[]; readonly write?: readonly string[] },
    client?: PrivateSecurityGroup,
  ): DatabaseUser {
    const roles = [
      ...(access.read ?? []).map((c) => this.collectionRole(c, "read")),
      ...(access.write ?? []).map((c) => this.collectionRole(c, "write")),
    ];
    if (client) {
      this.securityGroup.allowIngressFrom(id, client.securityGroupId, 1024, `Atlas PrivateLink from ${id}`, 65535);
      client.allowEgressTo(`atlas-${id}`, this.securityGroup.securityGroupId, 1024, 65535, "MongoDB Atlas through PrivateLink");
    }
    return new DatabaseUser(this, `user-${id}`, {
      projectId: this.project.id,
      username: role.arn,
      authDatabaseName: "$external",
      awsIamType: "ROLE",
      roles: roles.map((r) => ({ roleName: r.roleName, databaseName: "admin" })),
      scopes: [{ name: this.cluster.name, type: "CLUSTER" }],
      description: `${id}: IAM role, per-collection custom roles`,
    });
  }

  private collectionRole(collection: string, mode: "read" | "write"): CustomDbRole {
    const role = this.collectionRoles.get(`${collection}_${mode}`);
    if (!role) throw new Error(`MongoAtlasCluster: no collection ${collection}; known: ${Object.keys(this.collections).join(", ")}`);
    return role;
  }
}
