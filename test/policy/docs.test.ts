import { readFileSync } from "node:fs";
import { DOCS_PATH, renderDocs } from "../../policy/docs";

describe("docs/policies.md", () => {
  it("is generated from the rules (run `npx tsx policy/docs.ts --write` when this fails)", () => {
    expect(readFileSync(DOCS_PATH, "utf8")).toBe(renderDocs());
  });
});
