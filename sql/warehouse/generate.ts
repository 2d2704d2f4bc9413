/** Writes the generated warehouse SQL: `npm run sql:generate` (the staleness test says when to run it). */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import { DIALECTS, DialectName } from "./dialect";
import { OUTPUT_DIRECTORIES, RenderedFile, renderWarehouse } from "./render";
import { SNOWFLAKE_OUTPUT_DIRECTORY, renderSnowflakeStar } from "./snowflake";

const root = path.resolve(__dirname, "..", "..");
const outputs: [string, RenderedFile[]][] = [
  ...(Object.entries(OUTPUT_DIRECTORIES) as [DialectName, string][]).map(([name, dir]): [string, RenderedFile[]] => [
    dir,
    renderWarehouse(DIALECTS[name]),
  ]),
  [SNOWFLAKE_OUTPUT_DIRECTORY, renderSnowflakeStar()],
];
for (const [dir, files] of outputs) {
  const abs = path.join(root, dir);
  mkdirSync(abs, { recursive: true });
  for (const stale of readdirSync(abs).filter((f) => f.endsWith(".sql") && !files.some((x) => x.file === f))) rmSync(path.join(abs, stale));
  for (const f of files) writeFileSync(path.join(abs, f.file), f.text);
  console.log(`${dir}: ${files.length} files`);
}
