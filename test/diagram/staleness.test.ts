import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { AZURE_ENVIRONMENTS } from "../../environments";
import { AWS_ENVIRONMENTS } from "../../environments/aws-index";
import { validateAwsEnvironment } from "../../environments/aws-validate";
import { validateAzureEnvironment } from "../../environments/validate";
import { buildDiagram } from "../../diagram/graph";
import { renderMarkdown } from "../../diagram/render";
import { SynthesizedStack, synthAws, synthAzure } from "../helpers/synth";

// The committed docs/diagrams/<stack>.md must be exactly what `npm run diagram` renders from a fresh
// synth. The stacks are built here the way main.ts builds them (validated environments, same ids).

const DIAGRAMS = join(__dirname, "..", "..", "docs", "diagrams");
const FIX = "Run `npm run synth && npm run diagram` and commit docs/diagrams/.";

const stacks: [string, () => SynthesizedStack][] = [
  ...AZURE_ENVIRONMENTS.map(validateAzureEnvironment).map((env): [string, () => SynthesizedStack] => [
    `azure-${env.name}`,
    () => synthAzure(env),
  ]),
  ...AWS_ENVIRONMENTS.map(validateAwsEnvironment).map((env): [string, () => SynthesizedStack] => [`aws-${env.name}`, () => synthAws(env)]),
];

/** The first line where two texts differ, for a readable failure. */
function firstDifference(committed: string, rendered: string): string {
  const a = committed.split("\n");
  const b = rendered.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}:\n  committed: ${a[i] ?? "<end of file>"}\n  rendered:  ${b[i] ?? "<end of file>"}`;
  }
  return "";
}

describe.each(stacks)("docs/diagrams/%s.md", (stack, synth) => {
  const diagram = buildDiagram(stack, synth().json);

  test("is committed and matches the synthesized stack", () => {
    const file = join(DIAGRAMS, `${stack}.md`);
    if (!existsSync(file)) throw new Error(`docs/diagrams/${stack}.md is missing. ${FIX}`);
    const committed = readFileSync(file, "utf8");
    const rendered = renderMarkdown(diagram);
    if (committed !== rendered) {
      throw new Error(
        `docs/diagrams/${stack}.md is stale (the stack changed since it was generated). ${FIX}\nFirst difference at ${firstDifference(committed, rendered)}`,
      );
    }
  });

  test("classifies every resource type (a new family needs a row in diagram/layers.ts)", () => {
    expect(diagram.unclassified).toEqual([]);
  });

  test("draws the private endpoints and at least one data flow", () => {
    expect(diagram.privateEndpoints.length).toBeGreaterThan(0);
    expect(diagram.edges.some((e) => e.kind === "flow")).toBe(true);
  });
});

test("docs/diagrams holds no diagram of a stack that no longer exists", () => {
  const names = new Set(stacks.map(([s]) => `${s}.md`));
  const orphans = readdirSync(DIAGRAMS).filter((f) => f.endsWith(".md") && !names.has(f));
  expect(orphans).toEqual([]);
});
