/**
 * The import graph only points down (docs/architecture.md, "Layers"). Every .ts file outside test/ is
 * parsed with the TypeScript pre-processor (static imports, re-exports, `require()` and `import()`), each
 * relative import is resolved to the top folder it lands in, and an edge not in the table below fails.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import * as ts from "typescript";

const ROOT = resolve(__dirname, "../..");
const SKIP = new Set(["node_modules", "cdktf.out", "test", ".git", "docs"]);

/** Top folder -> the top folders it may import (written from the layer order, not read from the code). */
const ALLOWED: Record<string, readonly string[]> = {
  tfjson: [],
  sql: [],
  glue: [],
  dags: [],
  ml: [],
  constructs: ["tfjson"],
  environments: ["constructs"],
  stacks: ["constructs", "environments", "tfjson"],
  policy: ["tfjson"],
  cost: ["tfjson"],
  diagram: ["tfjson"],
  scripts: ["stacks", "environments", "constructs", "policy", "cost", "diagram", "tfjson", "sql"],
  bench: ["scripts", "stacks", "environments", "constructs", "policy", "cost", "diagram", "tfjson"],
  "(root)": ["stacks", "environments", "constructs", "policy", "scripts", "tfjson"],
};

/** The repository's .ts files as git sees them (tracked or not ignored): tool sandboxes and outputs stay out. */
function sourceFiles(dir: string): string[] {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts"], { cwd: dir, encoding: "utf8" });
  return listed
    .split("\n")
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !SKIP.has(f.split("/")[0]!) && existsSync(join(dir, f)))
    .map((f) => join(dir, f));
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, "index.ts"), base].find((f) => existsSync(f) && statSync(f).isFile());
}

const rel = (f: string): string => relative(ROOT, f).split(sep).join("/");
const topOf = (file: string): string => (file.includes("/") ? file.split("/")[0] : "(root)");

/** file -> the repository files it imports (relative imports only; packages are not layers). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(ROOT)) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = info.importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith("."))
      .map((spec) => {
        const target = resolveImport(file, spec);
        if (target === undefined) throw new Error(`${rel(file)}: cannot resolve import "${spec}"`);
        return rel(target);
      });
    graph.set(rel(file), targets);
  }
  return graph;
}

const graph = importGraph();

describe("layers only point down", () => {
  it("reads the whole tree (a parser that finds nothing cannot fail)", () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get("main.ts")).toEqual(expect.arrayContaining(["stacks/azure-platform-stack.ts", "policy/index.ts"]));
    // require() is followed too: main.ts loads each cloud's stack lazily.
    expect(graph.get("main.ts")).toContain("stacks/aws-platform-stack.ts");
  });

  it("every top folder is placed in the layer table", () => {
    const unplaced = [...new Set([...graph.keys()].map(topOf))].filter((top) => ALLOWED[top] === undefined);
    expect(unplaced).toEqual([]);
  });

  const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));
  const crossing = edges.filter(({ from, to }) => topOf(from) !== topOf(to));
  // environments/ may import a construct's prop types, tables and rules (naming-rules.ts), never the name builder.
  const upward = ({ from, to }: { from: string; to: string }): boolean =>
    !ALLOWED[topOf(from)]?.includes(topOf(to)) || (from.startsWith("environments/") && /^constructs\/\w+\/naming\.ts$/.test(to));
  const forbidden = crossing.filter(upward).map(({ from, to }) => `${from} -> ${to}`);

  it("no import goes from a lower layer to a higher one", () => {
    expect(forbidden).toEqual([]);
  });

  it("environments reach the Azure naming rules through naming-rules.ts, never the name builder", () => {
    expect(graph.get("environments/validate.ts")).toContain("constructs/azure/naming-rules.ts");
    expect(crossing.filter(({ from, to }) => from.startsWith("environments/") && to === "constructs/azure/naming.ts")).toEqual([]);
  });

  it("constructs never import policy/; policy, cost and diagram never import environments/ or stacks/", () => {
    const banned = crossing.filter(
      ({ from, to }) =>
        (from.startsWith("constructs/") && to.startsWith("policy/")) ||
        (/^(policy|cost|diagram)\//.test(from) && /^(environments|stacks)\//.test(to)),
    );
    expect(banned).toEqual([]);
  });

  it("has no import cycle between files", () => {
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...path.slice(path.indexOf(file)), file].join(" -> "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
