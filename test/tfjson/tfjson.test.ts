/**
 * The one model of synthesized Terraform JSON (tfjson/) that policy, cost and diagram read. The
 * expected references below are written from Terraform's expression syntax, not from the parser.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { blocks, parseReferences, TfStack, wholeReference, type TerraformJson } from "../../tfjson";

const addresses = (value: unknown): string[] => parseReferences(value).map((r) => r.address);

describe("parseReferences", () => {
  it.each([
    ["${aws_s3_bucket.raw.arn}", [{ kind: "resource", address: "aws_s3_bucket.raw", attribute: "arn" }]],
    ["${aws_subnet.private[0].id}", [{ kind: "resource", address: "aws_subnet.private", attribute: "[0].id" }]],
    ["${aws_instance.web.*.id}", [{ kind: "resource", address: "aws_instance.web", attribute: "*.id" }]],
    ["${aws_lb.x}", [{ kind: "resource", address: "aws_lb.x", attribute: "" }]],
    ["${data.aws_iam_policy_document.assume.json}", [{ kind: "data", address: "data.aws_iam_policy_document.assume", attribute: "json" }]],
    ["${local.tags}", [{ kind: "local", address: "local.tags", attribute: "" }]],
    ["${var.region}", [{ kind: "var", address: "var.region", attribute: "" }]],
    ["${module.net.vpc_id}", [{ kind: "module", address: "module.net", attribute: "vpc_id" }]],
    ["${time_static.created.rfc3339}", [{ kind: "resource", address: "time_static.created", attribute: "rfc3339" }]],
    [
      "${azurerm_monitor_scheduled_query_rules_alert_v2.alert-data-freshness_1A2B.id}",
      [{ kind: "resource", address: "azurerm_monitor_scheduled_query_rules_alert_v2.alert-data-freshness_1A2B", attribute: "id" }],
    ],
  ])("%s", (value, expected) => {
    expect(parseReferences(value)).toEqual(expected);
  });

  it("finds references inside function calls and several expressions of one string, each address once, in order", () => {
    expect(addresses('${lookup(azurerm_key_vault.kv.tags, "env")}/${azurerm_key_vault_key.k.id}-${azurerm_key_vault.kv.id}')).toEqual([
      "azurerm_key_vault.kv",
      "azurerm_key_vault_key.k",
    ]);
  });

  it("reads nothing outside ${...}, and no attribute of another reference as a reference", () => {
    expect(addresses("aws_s3_bucket.raw.arn")).toEqual([]);
    expect(addresses("arn:aws:s3:::bucket.name/${aws_s3_bucket.raw.id}")).toEqual(["aws_s3_bucket.raw"]);
    expect(addresses("${aws_kms_key.k.tags.aws_s3_bucket}")).toEqual(["aws_kms_key.k"]);
    expect(addresses("${data.aws_region.current.name}")).toEqual(["data.aws_region.current"]);
    expect(addresses(42)).toEqual([]);
    expect(addresses(["${aws_s3_bucket.raw.arn}"])).toEqual([]);
  });

  it("does not take Terraform's own objects (each, count, path, self) for resources", () => {
    expect(addresses("${each.value.id}-${count.index}-${path.module}-${self.id}")).toEqual([]);
  });
});

describe("wholeReference", () => {
  it("is the reference only when the string is one expression made of one traversal", () => {
    expect(wholeReference("${azurerm_mssql_server.sql.id}")).toEqual({
      kind: "resource",
      address: "azurerm_mssql_server.sql",
      attribute: "id",
    });
    expect(wholeReference("${local.days}")).toEqual({ kind: "local", address: "local.days", attribute: "" });
    expect(wholeReference("${azurerm_mssql_server.sql.id}/databases/master")).toBeUndefined();
    expect(wholeReference("${upper(azurerm_mssql_server.sql.name)}")).toBeUndefined();
    expect(wholeReference("${azurerm_mssql_server.sql.id}${azurerm_mssql_server.sql.id}")).toBeUndefined();
    expect(wholeReference("azurerm_mssql_server.sql.id")).toBeUndefined();
  });
});

describe("TfStack", () => {
  // Module-less cdktf JSON, as `cdktf synth` writes it: one root module, `//` metadata keys, blocks as arrays.
  const doc: TerraformJson = {
    "//": { metadata: { stackName: "s" } },
    provider: { aws: [{ region: "eu-west-1" }, { alias: "us", region: "us-east-1" }] },
    locals: { env: "${var.env}" },
    variable: { env: { default: "prod" } },
    data: { aws_caller_identity: { me: {} } },
    resource: {
      aws_kms_key: { key: { "//": { metadata: { path: "s/key", note: "${aws_s3_bucket.raw.id}" } } } },
      aws_s3_bucket: { raw: { bucket: "raw", tags: { owner: "${data.aws_caller_identity.me.account_id}" } } },
      aws_s3_bucket_server_side_encryption_configuration: {
        raw: {
          bucket: "${aws_s3_bucket.raw.id}",
          rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: "${aws_kms_key.key.arn}" }] }],
          provider: "aws.us",
        },
      },
      aws_s3_bucket_policy: { raw: { bucket: "${aws_s3_bucket.raw.bucket}", policy: "${aws_s3_bucket_policy.raw.id}" } },
    },
  };
  const stack = new TfStack("s", doc);
  const at = (a: string) => stack.get(a)!;
  const sse = at("aws_s3_bucket_server_side_encryption_configuration.raw");

  it("indexes resources and data sources by address, and resources by type", () => {
    expect(stack.resources.map((r) => r.address)).toEqual([
      "aws_kms_key.key",
      "aws_s3_bucket.raw",
      "aws_s3_bucket_server_side_encryption_configuration.raw",
      "aws_s3_bucket_policy.raw",
    ]);
    expect(stack.dataSources.map((r) => r.address)).toEqual(["data.aws_caller_identity.me"]);
    expect(stack.ofType("aws_s3_bucket", "aws_kms_key").map((r) => r.name)).toEqual(["raw", "key"]);
    expect(stack.ofType("aws_caller_identity")).toEqual([]);
  });

  it("follows references in nested blocks with their dotted attribute path", () => {
    expect(stack.outgoingOf(sse).map((r) => [r.path, r.to.address])).toEqual([
      ["bucket", "aws_s3_bucket.raw"],
      ["rule.apply_server_side_encryption_by_default.kms_master_key_id", "aws_kms_key.key"],
    ]);
    expect(stack.referrers(at("aws_kms_key.key"), { attribute: "kms_master_key_id" })).toEqual([sse]);
    expect(stack.references(at("aws_s3_bucket.raw"))).toEqual([at("data.aws_caller_identity.me")]);
  });

  it("lists referrers by type and attribute; skips `//` metadata and self-references", () => {
    const bucket = at("aws_s3_bucket.raw");
    expect(stack.referrers(bucket).map((r) => r.address)).toEqual([
      "aws_s3_bucket_server_side_encryption_configuration.raw",
      "aws_s3_bucket_policy.raw",
    ]);
    expect(stack.referrers(bucket, { type: "aws_s3_bucket_policy" }).map((r) => r.address)).toEqual(["aws_s3_bucket_policy.raw"]);
    expect(stack.referrers(bucket, { attribute: "policy" })).toEqual([]);
    expect(stack.references(at("aws_s3_bucket_policy.raw"))).toEqual([bucket]);
  });

  it("resolves whole references, locals and variable defaults", () => {
    expect(stack.target("${aws_s3_bucket.raw.bucket}")).toEqual({ resource: at("aws_s3_bucket.raw"), attribute: "bucket" });
    expect(stack.target("${aws_s3_bucket.missing.bucket}")).toBeUndefined();
    expect(stack.resolve("arn/${aws_kms_key.key.arn}")?.address).toBe("aws_kms_key.key");
    expect(stack.literal("${local.env}")).toBe("prod");
    expect(stack.literal("${var.nope}")).toBe("${var.nope}");
  });

  it("finds the provider configuration a resource uses, alias honoured", () => {
    expect(stack.providerConfig(sse, "aws")).toEqual({ alias: "us", region: "us-east-1" });
    expect(stack.providerConfig(at("aws_s3_bucket.raw"), "aws")).toEqual({ region: "eu-west-1" });
  });
});

describe("blocks", () => {
  it("reads a nested block written as an object or as an array of objects, always as a list", () => {
    expect(blocks({ days: 7 })).toEqual([{ days: 7 }]);
    expect(blocks([{ days: 7 }, "x", null, [{ nested: 1 }], { days: 35 }])).toEqual([{ days: 7 }, { days: 35 }]);
    expect(blocks(undefined)).toEqual([]);
    expect(blocks("${aws_x.y.block}")).toEqual([]);
  });
});

describe("tfjson/ is below its readers", () => {
  it("imports nothing from policy/, cost/ or diagram/", () => {
    const dir = join(__dirname, "../../tfjson");
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files).toEqual(expect.arrayContaining(["index.ts", "references.ts", "stack.ts", "types.ts", "values.ts"]));
    const upward = files.flatMap((f) =>
      [...readFileSync(join(dir, f), "utf8").matchAll(/from\s+"([^"]+)"/g)]
        .map((m) => m[1]!)
        .filter((spec) => !spec.startsWith("./"))
        .map((spec) => `${f}: ${spec}`),
    );
    expect(upward).toEqual([]);
  });
});
