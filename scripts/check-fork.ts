/**
 * npm run check:fork [-- --keep]
 *
 * Proves (or disproves) the community-fork path of docs/decisions/0001-stay-on-cdktf-0.21.md: copies the
 * repository to a temporary folder (without node_modules, cdktf.out, .git), swaps cdktf and the
 * @cdktf/provider-* packages for the CDK Terrain fork (`cdktn`, `@cdktn/provider-*`), rewrites the imports,
 * type-checks, synthesizes every stack there and diffs the output against a fresh synth of this checkout:
 * byte for byte (every file under cdktf.out/stacks), then structurally (the JSON trees of cdk.tf.json).
 * Needs the npm registry. Not part of CI or `npm test`: it downloads ~77 MB of fork tarballs and takes ~3-4 min.
 * It does not run jest in the copy.
 * --keep leaves the temporary copy in place for inspection. Exit code: 0 when the copy type-checks and every
 * stack is structurally identical apart from RENAME_EXPLAINED, 1 otherwise (a provider pin counts as a
 * difference: the fork does not publish the versions we pin).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";

const REPO = resolve(__dirname, "..");

/**
 * The fork's packages. None wraps the provider versions this repo pins (azurerm 4.55.0, aws 6.25.0,
 * time 0.13.1): these are the versions on npm on 2026-12-01, each the newest that declares a peer
 * range for cdktn 0.24 where one exists (`npm view @cdktn/provider-<name> versions`).
 */
const FORK_PACKAGES: Record<string, string> = {
  cdktn: "0.24.0",
  // cdktn 0.24.0 declares peer constructs ">=10.6.0 <10.8.0"; the repo pins 10.8.1.
  constructs: "10.7.0",
  // azurerm 4.73.0; the only version published, with peer cdktn ^0.23.0 (no cdktn 0.23 on npm).
  "@cdktn/provider-azurerm": "16.1.0",
  // aws 6.66.0; peer cdktn ^0.24.0.
  "@cdktn/provider-aws": "25.7.0",
};

/** Removed from the copy's package.json: replaced by FORK_PACKAGES, or (the CLI) not needed to synthesize. */
const REPLACED = ["cdktf", "cdktf-cli", "constructs", "@cdktf/provider-azurerm", "@cdktf/provider-aws"];

/**
 * There is no @cdktn/provider-time on npm (E404). The copy keeps @cdktf/provider-time 11.0.1 (time 0.13.1)
 * and resolves its `require("cdktf")` to a one-line package re-exporting cdktn, so there is one token
 * registry and one construct tree.
 */
const CDKTF_SHIM = { dir: "fork-shim/cdktf", version: "0.21.0" };

/**
 * Keys of cdk.tf.json whose difference the rename alone explains: the framework's version string
 * (cdktf 0.21.0 -> cdktn 0.24.0). Everything else is reported.
 */
const RENAME_EXPLAINED = /^\/\/\.metadata\.version$/;
/**
 * Keys the fork's provider packages explain (they wrap other provider versions, see FORK_PACKAGES):
 * `terraform.required_providers.<name>.version` and `.source`. Reported, and counted apart.
 */
const PROVIDER_PIN = /^terraform\.required_providers\.[a-z]+\.(version|source)$/;

/**
 * Module specifiers rewritten in the copy's sources (import, export ... from, require, import()): cdktf ->
 * cdktn, @cdktf/provider-{azurerm,aws} -> @cdktn/provider-{azurerm,aws}. Only specifiers: the string "cdktf"
 * elsewhere (the `managed-by` tag value) is data, and stays.
 */
const SPECIFIER = /(\bfrom\s+|\brequire\(\s*|\bimport\(\s*|\bimport\s+)(["'])(cdktf|@cdktf\/provider-(?:azurerm|aws))(\/[^"']*)?\2/g;
const SOURCE_EXTENSIONS = [".ts", ".cjs", ".js", ".mjs"];
const NOT_COPIED = new Set(["node_modules", "cdktf.out", ".git"]);

interface Step {
  status: number;
  out: string;
  seconds: number;
}

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Step {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, CHECKPOINT_DISABLE: "1", ...env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status ?? 1, out: `${r.stdout}${r.stderr}`, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return NOT_COPIED.has(name) ? [] : filesUnder(root, path);
    return [relative(root, path)];
  });
}

function copyRepo(dest: string): void {
  cpSync(REPO, dest, {
    recursive: true,
    filter: (src) =>
      !relative(REPO, src)
        .split(sep)
        .some((part) => NOT_COPIED.has(part)),
  });
}

function rewritePackageJson(dir: string): void {
  const path = join(dir, "package.json");
  const pkg = JSON.parse(readFileSync(path, "utf8"));
  for (const name of REPLACED) {
    delete pkg.dependencies[name];
    delete pkg.devDependencies[name];
  }
  Object.assign(pkg.dependencies, FORK_PACKAGES, { cdktf: `file:${CDKTF_SHIM.dir}` });
  // package-lock.json stays: every other package installs at the version this checkout locks.
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
  const shim = join(dir, CDKTF_SHIM.dir);
  mkdirSync(shim, { recursive: true });
  writeFileSync(
    join(shim, "package.json"),
    JSON.stringify({ name: "cdktf", version: CDKTF_SHIM.version, main: "index.js", types: "index.d.ts" }),
  );
  writeFileSync(join(shim, "index.js"), 'module.exports = require("cdktn");\n');
  writeFileSync(join(shim, "index.d.ts"), 'export * from "cdktn";\n');
}

/** Returns how many import specifiers were rewritten, per file. */
function rewriteImports(dir: string): Map<string, number> {
  const changed = new Map<string, number>();
  for (const file of filesUnder(dir)) {
    if (!SOURCE_EXTENSIONS.some((ext) => file.endsWith(ext)) || file.startsWith(CDKTF_SHIM.dir)) continue;
    const path = join(dir, file);
    let text = readFileSync(path, "utf8");
    let count = 0;
    text = text.replace(SPECIFIER, (_m, lead: string, quote: string, name: string, subpath = "") => {
      count++;
      return `${lead}${quote}${name.replace("cdktf", "cdktn")}${subpath}${quote}`;
    });
    if (count > 0) {
      writeFileSync(path, text);
      changed.set(file, count);
    }
  }
  return changed;
}

/** Paths (a.b.c) where two JSON values differ; array elements as [i]. */
function jsonDiff(a: unknown, b: unknown, path = ""): string[] {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || a === null || b === null || typeof a !== "object") {
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const out: string[] = a.length === b.length ? [] : [`${path}.length`];
    for (let i = 0; i < Math.min(a.length, b.length); i++) out.push(...jsonDiff(a[i], b[i], `${path}[${i}]`));
    return out;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort();
  return keys.flatMap((k) => {
    const p = path === "" ? k : `${path}.${k}`;
    if (!(k in ao)) return [`${p} (only in fork)`];
    if (!(k in bo)) return [`${p} (only in cdktf)`];
    return jsonDiff(ao[k], bo[k], p);
  });
}

function main(): void {
  const keep = process.argv.includes("--keep");
  const work = mkdtempSync(join(tmpdir(), "check-fork-"));
  const copy = join(work, "repo");
  let failed = false;
  try {
    console.log(
      `1. synth this checkout (cdktf ${JSON.parse(readFileSync(join(REPO, "node_modules/cdktf/package.json"), "utf8")).version})`,
    );
    const base = sh("npm", ["run", "synth", "--silent"], REPO);
    if (base.status !== 0) throw new Error(`synth of this checkout failed:\n${base.out}`);
    const before = join(work, "before");
    cpSync(join(REPO, "cdktf.out", "stacks"), before, { recursive: true });
    console.log(`   ${base.seconds.toFixed(1)} s`);

    console.log(
      `2. copy to ${copy}; package.json: ${Object.entries(FORK_PACKAGES)
        .map(([n, v]) => `${n}@${v}`)
        .join(", ")}, cdktf -> shim re-exporting cdktn`,
    );
    copyRepo(copy);
    rewritePackageJson(copy);
    const rewritten = rewriteImports(copy);
    const total = [...rewritten.values()].reduce((s, n) => s + n, 0);
    console.log(`   imports rewritten: ${total} in ${rewritten.size} files`);

    console.log("3. npm install (strict peer resolution first)");
    let install = sh("npm", ["install", "--no-audit", "--no-fund"], copy);
    if (install.status !== 0) {
      console.log(`   FAILED (${install.seconds.toFixed(0)} s):\n${indent(firstLines(install.out, 14))}`);
      console.log("   retry with --legacy-peer-deps (ignores the peer ranges above)");
      install = sh("npm", ["install", "--no-audit", "--no-fund", "--legacy-peer-deps"], copy);
      if (install.status !== 0) throw new Error(`npm install --legacy-peer-deps failed:\n${install.out}`);
    }
    console.log(`   installed in ${install.seconds.toFixed(0)} s`);

    console.log("4. tsc --noEmit in the copy");
    const tsc = sh("npx", ["tsc", "--noEmit", "--incremental", "false"], copy);
    const tscErrors = tsc.out.split("\n").filter((l) => /error TS\d+/.test(l));
    console.log(`   ${tscErrors.length} type error(s) in ${tsc.seconds.toFixed(0)} s`);
    for (const line of tscErrors.slice(0, 20)) console.log(`   ${line}`);
    failed ||= tsc.status !== 0;

    // register-ts.cjs's stack-trace patch is a no-op under cdktn (see the ADR); this is cdktn's own switch.
    console.log("5. synth in the copy (CDKTN_DISABLE_CREATION_STACK=1)");
    const fork = sh("npm", ["run", "synth", "--silent"], copy, { CDKTN_DISABLE_CREATION_STACK: "1" });
    if (fork.status !== 0) throw new Error(`synth with the fork failed:\n${fork.out}`);
    console.log(
      `   ${fork.seconds.toFixed(1)} s; policy: ${fork.out.split("\n").find((l) => l.includes(" rules, ")) ?? "(no summary line)"}`,
    );

    console.log("6. diff cdktf.out/stacks (cdktf 0.21.0) against the copy's (cdktn)");
    const after = join(copy, "cdktf.out", "stacks");
    const files = [...new Set([...filesUnder(before), ...filesUnder(after)])].sort();
    const stacks = [...new Set(files.map((f) => f.split(sep)[0]))];
    let byteIdentical = 0;
    let renameOnly = 0;
    let renameAndPins = 0;
    for (const stack of stacks) {
      const own = files.filter((f) => f.split(sep)[0] === stack);
      const differing = own.filter((f) => !sameBytes(join(before, f), join(after, f)));
      if (differing.length === 0) byteIdentical++;
      const tree = join(stack, "cdk.tf.json");
      const paths = jsonDiff(readJson(join(after, tree)), readJson(join(before, tree)));
      const kind = (p: string): string => (RENAME_EXPLAINED.test(p) ? "rename" : PROVIDER_PIN.test(p) ? "provider pin" : "UNEXPLAINED");
      const pins = paths.filter((p) => kind(p) === "provider pin").length;
      const unexplained = paths.filter((p) => kind(p) === "UNEXPLAINED").length;
      const otherFiles = differing.filter((f) => f !== tree);
      if (unexplained === 0 && otherFiles.length === 0) {
        if (pins === 0) renameOnly++;
        renameAndPins++;
      }
      if (unexplained > 0 || pins > 0 || otherFiles.length > 0) failed = true;
      console.log(`   ${stack}: ${differing.length === 0 ? "byte-identical" : `bytes differ in ${differing.join(", ")}`}`);
      console.log(
        `     JSON keys differing: ${paths.length} (rename ${paths.length - pins - unexplained}, provider pin ${pins}, unexplained ${unexplained})`,
      );
      for (const p of paths) console.log(`       ${kind(p)}  ${p}${valueNote(before, after, tree, p)}`);
      for (const f of otherFiles) console.log(`       UNEXPLAINED  ${f} (asset bytes differ)`);
    }
    console.log(
      `\n${stacks.length} stacks: ${byteIdentical} byte-identical, ${renameOnly} identical apart from the rename (${RENAME_EXPLAINED.source}), ` +
        `${renameAndPins} identical apart from the rename and the provider pins (${PROVIDER_PIN.source})`,
    );
  } finally {
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

function sameBytes(a: string, b: string): boolean {
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

/** ` cdktf=<v> cdktn=<v>` for a differing scalar, so the report shows what changed. */
function valueNote(before: string, after: string, tree: string, path: string): string {
  if (path.endsWith(")")) return "";
  const get = (root: string): unknown =>
    path
      .replace(/\[(\d+)\]/g, ".$1")
      .split(".")
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], readJson(join(root, tree)));
  const a = get(before);
  const b = get(after);
  return typeof a === "object" || typeof b === "object" ? "" : `  cdktf=${JSON.stringify(a)} cdktn=${JSON.stringify(b)}`;
}

function firstLines(text: string, n: number): string {
  return text.split("\n").slice(0, n).join("\n");
}

function indent(text: string): string {
  return text.replace(/^/gm, "     ");
}

main();
