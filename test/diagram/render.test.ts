import { buildDiagram, classify, safeId } from "../../diagram/graph";
import { renderMarkdown, renderMermaid, renderStack } from "../../diagram/render";
import { awsFixture, azureFixture, fixtureWithout } from "./fixtures";

const MERMAID_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Node ids declared in a Mermaid flowchart and ids used by its edges. */
function mermaidIds(mermaid: string): { declared: Set<string>; used: Set<string> } {
  const declared = new Set<string>();
  const used = new Set<string>();
  for (const line of mermaid.split("\n").map((l) => l.trim())) {
    const edge = /^(\S+) (?:==>|-\.-|-\.->)\|"[^"]*"\| (\S+)$/.exec(line);
    if (edge) {
      used.add(edge[1]);
      used.add(edge[2]);
      continue;
    }
    const node = /^([A-Za-z0-9_]+)(\[|\(|\{)/.exec(line);
    if (node && !line.startsWith("subgraph")) declared.add(node[1]);
  }
  return { declared, used };
}

describe("diagram classification", () => {
  test.each([
    ["azurerm_mssql_server", "operational", "node"],
    ["azurerm_mssql_database", "operational", "child"],
    ["azurerm_private_dns_zone", "network", "group"],
    ["azurerm_private_endpoint", "network", "privateEndpoint"],
    ["azurerm_monitor_metric_alert", "observability", "group"],
    ["azurerm_data_factory_linked_service_azure_sql_database", "integration", "child"],
    ["aws_msk_cluster", "ingestion", "node"],
    ["aws_glue_connection", "integration", "link"],
    ["aws_cloudwatch_metric_alarm", "observability", "group"],
  ])("%s -> %s layer, drawn as %s", (type, layer, kind) => {
    // WHEN
    const { entry, classified } = classify(type);
    // THEN
    expect({ layer: entry.layer, kind: entry.kind, classified }).toEqual({ layer, kind, classified: true });
  });

  test("a bucket named for logs is security, not the raw zone", () => {
    expect(classify("aws_s3_bucket", "access-logs_bucket_1").entry.layer).toBe("security");
    expect(classify("aws_s3_bucket", "raw-zone_bucket_1").entry).toMatchObject({ layer: "ingestion", role: "lake" });
  });

  test("an unknown family is reported as unclassified", () => {
    expect(classify("google_storage_bucket")).toMatchObject({ classified: false, entry: { layer: "other" } });
  });

  test.each([
    ["azurerm_mssql_server.oltp_server_1A2B", "azurerm_mssql_server_oltp_server_1A2B"],
    ["aws_s3_bucket.raw-zone_bucket", "aws_s3_bucket_raw_zone_bucket"],
    ["1abc", "n_1abc"],
  ])("safe Mermaid id of %s is %s", (raw, id) => {
    expect(safeId(raw)).toBe(id);
    expect(safeId(raw)).toMatch(MERMAID_ID);
  });
});

describe("diagram of an Azure stack", () => {
  const d = buildDiagram("azure-test", azureFixture());
  const nodeByTitle = (title: string) => d.nodes.find((n) => n.title.startsWith(title));

  test("a database folds into its server, with its SKU", () => {
    const server = d.nodes.find((n) => n.lines.includes("sql-pay-t-weu"));
    expect(server?.lines).toContain("+ SQL database: sqldb-oltp, SKU: BC_Gen5_8");
    expect(d.nodes.some((n) => n.title.startsWith("SQL database"))).toBe(false);
  });

  test("similar resources become one node with a count", () => {
    expect(nodeByTitle("Private DNS zone")?.title).toBe("Private DNS zone ×3");
    expect(nodeByTitle("Metric alert")?.title).toBe("Metric alert ×2");
  });

  test("a private endpoint links to the resource its service connection names", () => {
    const pe = nodeByTitle("Private endpoint");
    const server = d.nodes.find((n) => n.lines.includes("sql-pay-t-weu"));
    expect(d.edges).toContainEqual(expect.objectContaining({ from: pe?.id, to: server?.id, kind: "privateLink" }));
    expect(d.privateEndpoints).toEqual([{ endpoint: "pe-sql", target: "azurerm_mssql_server.oltp_server_A1", subresource: "sqlServer" }]);
  });

  test("linked services make flows: source -> Data Factory -> lake and warehouse, labelled with the documented flow", () => {
    const adf = nodeByTitle("Data Factory")?.id;
    const sql = d.nodes.find((n) => n.lines.includes("sql-pay-t-weu"))?.id;
    const lake = nodeByTitle("Data lake")?.id;
    const synapse = nodeByTitle("Synapse")?.id;
    const flows = d.edges.filter((e) => e.kind === "flow").map((e) => [e.from, e.to, e.label]);
    expect(flows).toEqual(
      expect.arrayContaining([
        [sql, adf, "flow 2: CDC net changes, nightly"],
        [adf, lake, "flows 2, 3: stage Parquet"],
        [adf, synapse, "flows 2, 3: load star schema"],
        [lake, synapse, "flows 2, 3: COPY into stg"],
      ]),
    );
  });

  test("documented flows are drawn from the primary, never from a geo-secondary", () => {
    const secondary = d.nodes.find((n) => n.lines.includes("sql-pay-t-neu"))?.id;
    expect(d.edges.filter((e) => e.kind === "flow" && (e.from === secondary || e.to === secondary))).toEqual([]);
    const primary = d.nodes.find((n) => n.lines.includes("sql-pay-t-weu"))?.id;
    expect(d.edges).toContainEqual(expect.objectContaining({ from: primary, to: secondary, label: "failover group (geo-replica)" }));
  });

  test("a documented flow is drawn only when both ends exist", () => {
    // GIVEN a stack without Cosmos DB
    const without = buildDiagram("azure-test", fixtureWithout(azureFixture(), "azurerm_cosmosdb_account"));
    // THEN flow 3 (Cosmos DB api_logs) is absent and flows 1 and 2 are still drawn
    expect(without.edges.filter((e) => e.label.startsWith("flow 3"))).toEqual([]);
    expect(without.edges.some((e) => e.label.startsWith("flow 1"))).toBe(true);
    expect(without.edges.some((e) => e.label.startsWith("flow 2"))).toBe(true);
  });

  test("without Data Factory, flow 3 is drawn straight from Cosmos DB to Synapse", () => {
    const without = buildDiagram("azure-test", fixtureWithout(azureFixture(), "azurerm_data_factory"));
    expect(without.edges.filter((e) => e.label === "flow 3: api_logs")).toHaveLength(1);
  });

  test("a store that references a customer-managed key points at the key's vault", () => {
    const cosmos = nodeByTitle("Cosmos DB")?.id;
    const vault = nodeByTitle("Key Vault")?.id;
    expect(d.edges).toContainEqual(expect.objectContaining({ from: cosmos, to: vault, kind: "cmk" }));
    expect(nodeByTitle("Cosmos DB")?.lines).toContain("regions: westeurope, northeurope");
  });

  test("Mermaid ids are safe and every edge ends at a declared node", () => {
    const { declared, used } = mermaidIds(renderMermaid(d));
    for (const id of [...declared, ...used]) expect(id).toMatch(MERMAID_ID);
    expect([...used].filter((id) => !declared.has(id))).toEqual([]);
  });

  test("output does not depend on the order of the JSON keys", () => {
    const json = azureFixture();
    const resource = json.resource as Record<string, Record<string, unknown>>;
    const reversed = Object.fromEntries(
      Object.entries(resource)
        .reverse()
        .map(([t, byName]) => [t, Object.fromEntries(Object.entries(byName).reverse())]),
    );
    expect(renderStack("azure-test", { resource: reversed })).toBe(renderStack("azure-test", json));
  });

  test("the document carries the Mermaid block, the flows, the endpoints and the inventory", () => {
    const md = renderMarkdown(d);
    expect(md).toMatch(/^# Architecture diagram: `azure-test`/);
    expect(md).toContain("```mermaid\nflowchart TB\n");
    expect(md).toContain("## Data flows");
    expect(md).toContain("## Private endpoints");
    expect(md).toContain("| network | `azurerm_private_dns_zone` | 3 | group |");
    expect(md.endsWith("\n")).toBe(true);
  });
});

describe("diagram of an AWS stack", () => {
  const d = buildDiagram("aws-test", awsFixture());
  const id = (title: string, name: string) => d.nodes.find((n) => n.title.startsWith(title) && n.lines.includes(name))?.id;

  test("connectors: a source connector publishes to Kafka, a sink connector lands Kafka in the raw zone", () => {
    const flows = d.edges.filter((e) => e.kind === "flow").map((e) => [e.from, e.to, e.label]);
    const aurora = id("Aurora", "pay-t-oltp");
    const msk = id("MSK", "pay-t-streaming");
    const source = id("MSK Connect", "cdc-source");
    const sink = id("MSK Connect", "cdc-sink");
    const raw = id("S3 raw zone", "pay-t-raw");
    expect(flows).toEqual(
      expect.arrayContaining([
        [aurora, source, "extract"],
        [source, msk, "publish"],
        [msk, sink, "consume"],
        [sink, raw, "land"],
      ]),
    );
    // The documented Aurora -> MSK shortcut is not drawn when connectors exist.
    expect(flows).not.toContainEqual([aurora, msk, expect.anything()]);
  });

  test("a VPC endpoint names its service; a log bucket is not a flow end", () => {
    expect(d.privateEndpoints).toEqual([{ endpoint: "s3_gateway_H", target: "AWS service s3", subresource: "Gateway" }]);
    const logs = id("S3 audit log bucket", "pay-t-access-logs");
    expect(d.edges.filter((e) => e.from === logs || e.to === logs)).toEqual([]);
  });
});
