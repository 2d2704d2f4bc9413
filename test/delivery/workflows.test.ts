/**
 * The GitHub Actions workflows users copy: valid YAML, the pull-request pipeline in order with the policy
 * and cost summaries, deployments staging-before-prod behind environments with OIDC and no stored cloud
 * secrets. Parsed with `yaml` (YAML 1.2: `on` stays a string key).
 */
import * as fs from "fs";
import * as path from "path";
import { parseDocument } from "yaml";

type Json = Record<string, any>;

const ROOT = path.resolve(__dirname, "..", "..");
const DIR = path.join(ROOT, ".github", "workflows");
const files = fs
  .readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

interface Workflow {
  readonly file: string;
  readonly text: string;
  readonly doc: Json;
}

const workflows: Workflow[] = files.map((file) => {
  const text = fs.readFileSync(path.join(DIR, file), "utf8");
  const parsed = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors.map((e) => e.message).join("; ")}`);
  return { file, text, doc: parsed.toJS() as Json };
});

const triggers = (w: Workflow): string[] => {
  const on = w.doc.on;
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on;
  return Object.keys(on ?? {});
};

const steps = (job: Json): Json[] => (job.steps ?? []) as Json[];
const runText = (step: Json): string => String(step.run ?? "");
const usesOf = (step: Json): string => String(step.uses ?? "");
const needsOf = (job: Json): string[] => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);

/** Index of the first step matching, -1 if none. */
const stepIndex = (job: Json, match: (s: Json) => boolean): number => steps(job).findIndex(match);

/** Every job a job depends on, transitively. */
function ancestors(doc: Json, jobId: string, seen = new Set<string>()): Set<string> {
  for (const n of needsOf(doc.jobs[jobId])) {
    if (!seen.has(n)) {
      seen.add(n);
      ancestors(doc, n, seen);
    }
  }
  return seen;
}

/** The job's or else the workflow's permissions. */
const permissionsOf = (w: Workflow, job: Json): Json | string | undefined => job.permissions ?? w.doc.permissions;

describe("every workflow", () => {
  test("there are workflows to check", () => {
    expect(files).toEqual(expect.arrayContaining(["ci.yml", "deploy.yml"]));
  });

  test.each(files)("%s is valid YAML with triggers, least-privilege permissions and runnable jobs", (file) => {
    const w = workflows.find((x) => x.file === file)!;
    expect(typeof w.doc.name).toBe("string");
    expect(triggers(w).length).toBeGreaterThan(0);
    // Top-level permissions: the default GITHUB_TOKEN scope is never inherited.
    expect(w.doc.permissions).toMatchObject({ contents: "read" });
    expect(Object.keys(w.doc.jobs ?? {}).length).toBeGreaterThan(0);
    const entries = Object.entries<Json>(w.doc.jobs);
    for (const [id, job] of entries.filter(([, j]) => j.uses !== undefined)) {
      expect({ id, uses: job.uses }).toEqual({ id, uses: expect.stringMatching(/^\.\/\.github\/workflows\/[\w-]+\.ya?ml$/) });
    }
    for (const [id, job] of entries.filter(([, j]) => j.uses === undefined)) {
      expect({ id, runsOn: job["runs-on"] !== undefined }).toEqual({ id, runsOn: true });
      expect({ id, timeout: typeof job["timeout-minutes"] }).toEqual({ id, timeout: "number" });
      for (const n of needsOf(job)) expect(Object.keys(w.doc.jobs)).toContain(n);
      for (const s of steps(job)) {
        expect({ id, step: s.name ?? s.uses ?? s.run, hasAction: s.uses !== undefined || s.run !== undefined }).toMatchObject({
          hasAction: true,
        });
      }
      // Actions are pinned to a release (tag or commit), never a moving branch.
      const actions = steps(job).filter((s) => s.uses !== undefined && !String(s.uses).startsWith("./"));
      for (const s of actions) expect(usesOf(s)).toMatch(/@(v\d+(\.\d+)*|[0-9a-f]{40})$/);
    }
  });

  test.each(files)("%s installs terraform before every deploy (cdktf deploy runs terraform init/apply)", (file) => {
    const w = workflows.find((x) => x.file === file)!;
    for (const [id, job] of Object.entries<Json>(w.doc.jobs)) {
      const synthAt = stepIndex(job, (s) => /cdktf (deploy|diff)\b/.test(runText(s)));
      if (synthAt < 0) continue;
      const terraformAt = stepIndex(job, (s) => usesOf(s).startsWith("hashicorp/setup-terraform@"));
      expect({ id, terraformBeforeSynth: terraformAt >= 0 && terraformAt < synthAt }).toEqual({ id, terraformBeforeSynth: true });
    }
  });

  test.each(files)("%s uses no stored secrets for cloud credentials", (file) => {
    const w = workflows.find((x) => x.file === file)!;
    const secretRefs = [...w.text.matchAll(/secrets\.([A-Za-z_][\w]*)/g)].map((m) => m[1]);
    expect(secretRefs.filter((s) => s !== "GITHUB_TOKEN")).toEqual([]);
    for (const forbidden of [
      "ARM_CLIENT_SECRET",
      "AZURE_CLIENT_SECRET",
      "AZURE_CREDENTIALS",
      "AWS_SECRET_ACCESS_KEY",
      "AWS_ACCESS_KEY_ID",
      "ARM_ACCESS_KEY",
    ]) {
      expect({ file, forbidden, present: w.text.includes(forbidden) }).toEqual({ file, forbidden, present: false });
    }
    for (const job of Object.values<Json>(w.doc.jobs)) {
      for (const s of steps(job).filter((x) => usesOf(x).startsWith("azure/login@"))) expect(s.with?.creds).toBeUndefined();
      for (const s of steps(job).filter((x) => usesOf(x).startsWith("aws-actions/configure-aws-credentials@"))) {
        expect(s.with?.["aws-access-key-id"]).toBeUndefined();
        expect(s.with?.["aws-secret-access-key"]).toBeUndefined();
      }
    }
  });
});

describe("pull request workflow", () => {
  const pr = workflows.filter((w) => triggers(w).includes("pull_request"));

  test("exactly one workflow runs on pull requests", () => {
    expect(pr.map((w) => w.file)).toEqual(["ci.yml"]);
  });

  const w = pr[0];
  const jobs = (w?.doc.jobs ?? {}) as Record<string, Json>;
  const verifyId = Object.keys(jobs).find(
    (id) => stepIndex(jobs[id], (s) => /npm run synth/.test(runText(s))) >= 0 && stepIndex(jobs[id], (s) => /npm ci/.test(runText(s))) >= 0,
  );

  test("one job installs, lints, type-checks, tests and synthesizes, in that order", () => {
    expect(verifyId).toBeDefined();
    const job = jobs[verifyId!];
    const order = [
      stepIndex(job, (s) => usesOf(s).startsWith("actions/checkout@")),
      stepIndex(job, (s) => /^npm ci\b/.test(runText(s))),
      stepIndex(job, (s) => /npm run lint\b/.test(runText(s))),
      stepIndex(job, (s) => /npm run typecheck\b/.test(runText(s))),
      stepIndex(job, (s) => /npm (run test:unit|test)\b|npx jest\b/.test(runText(s))),
      stepIndex(job, (s) => /npm run synth\b/.test(runText(s))),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(job.steps.find((s: Json) => usesOf(s).startsWith("actions/setup-node@"))?.with).toMatchObject({
      "node-version": 20,
      cache: "npm",
    });
  });

  test("a job prices the base branch of the pull request", () => {
    const base = Object.values(jobs).find((job) =>
      steps(job).some(
        (s) =>
          usesOf(s).startsWith("actions/checkout@") && /pull_request\.base\.(sha|ref)|github\.base_ref/.test(String(s.with?.ref ?? "")),
      ),
    );
    expect(base).toBeDefined();
    const synth = stepIndex(base!, (s) => /npm run synth\b/.test(runText(s)));
    const cost = stepIndex(base!, (s) => /npm run cost\b/.test(runText(s)));
    expect(synth).toBeGreaterThanOrEqual(0);
    expect(cost).toBeGreaterThan(synth);
  });

  test("the policy summary and the cost difference against the base branch go to the job summary", () => {
    const all = Object.entries(jobs).flatMap(([id, job]) => steps(job).map((s) => ({ id, job, s })));
    const policy = all.find(({ s }) => /npm run (--silent )?policy\b/.test(runText(s)) && runText(s).includes("GITHUB_STEP_SUMMARY"));
    const cost = all.find(
      ({ s }) => /npm run (--silent )?cost\b[^\n]*--compare-to/.test(runText(s)) && runText(s).includes("GITHUB_STEP_SUMMARY"),
    );
    expect(policy).toBeDefined();
    expect(cost).toBeDefined();
    // Posted after the pipeline, also when it failed (a policy finding fails synth).
    for (const found of [policy!, cost!]) {
      const anc = ancestors(w.doc, found.id);
      expect(found.id === verifyId || anc.has(verifyId!)).toBe(true);
      expect(String(found.job.if ?? "")).toMatch(/pull_request/);
      expect(String(found.job.if ?? "")).toMatch(/always\(\)|!cancelled\(\)/);
    }
  });

  test("no cloud credentials on pull requests: no id-token permission", () => {
    expect(w.doc.permissions["id-token"]).toBeUndefined();
    for (const job of Object.values(jobs)) expect(job.permissions?.["id-token"]).toBeUndefined();
  });
});

describe("deploy workflow", () => {
  const w = workflows.find((x) => x.file === "deploy.yml")!;
  const jobs = w.doc.jobs as Record<string, Json>;
  const deployJobs = Object.entries(jobs).filter(([, job]) => steps(job).some((s) => /cdktf deploy\b/.test(runText(s))));

  test("one job per deployed stack, staging and prod on both clouds", () => {
    expect(deployJobs.map(([id]) => id).sort()).toEqual(["aws-prod", "aws-staging", "azure-prod", "azure-staging"]);
  });

  test.each(["azure-staging", "azure-prod", "aws-staging", "aws-prod"])(
    "%s: behind the GitHub environment of the same name, deploys only its stack",
    (stack) => {
      const job = jobs[stack];
      const env = typeof job.environment === "string" ? job.environment : job.environment?.name;
      expect(env).toBe(stack);
      const deploys = steps(job).filter((s) => /cdktf deploy\b/.test(runText(s)));
      expect(deploys).toHaveLength(1);
      expect(runText(deploys[0]).trim()).toMatch(new RegExp(`^npx cdktf deploy ${stack} --auto-approve$`));
      // Checks passed first: the job depends (transitively) on the CI workflow.
      const anc = ancestors(w.doc, stack);
      expect([...anc].some((id) => String(jobs[id].uses ?? "").endsWith("ci.yml"))).toBe(true);
    },
  );

  test.each([
    ["azure-staging", "azure-prod"],
    ["aws-staging", "aws-prod"],
  ])("%s deploys before %s", (staging, prod) => {
    expect(ancestors(w.doc, prod).has(staging)).toBe(true);
    expect(ancestors(w.doc, staging).has(prod)).toBe(false);
  });

  test.each(["azure-staging", "azure-prod"])("%s: OIDC federation (id-token: write), credentials from environment variables", (stack) => {
    const job = jobs[stack];
    expect(permissionsOf(w, job)).toMatchObject({ "id-token": "write", contents: "read" });
    const login = steps(job).find((s) => usesOf(s).startsWith("azure/login@"));
    expect(login?.uses).toBe("azure/login@v2");
    expect(login?.with).toEqual({
      "client-id": "${{ vars.AZURE_CLIENT_ID }}",
      "tenant-id": "${{ vars.AZURE_TENANT_ID }}",
      "subscription-id": "${{ vars.AZURE_SUBSCRIPTION_ID }}",
    });
    // azurerm provider and backend authenticate with the GitHub OIDC token.
    expect(job.env).toMatchObject({
      ARM_USE_OIDC: "true",
      ARM_CLIENT_ID: expect.stringContaining("vars."),
      ARM_TENANT_ID: expect.stringContaining("vars."),
    });
    expect(stepIndex(job, (s) => usesOf(s).startsWith("azure/login@"))).toBeLessThan(
      stepIndex(job, (s) => /cdktf deploy/.test(runText(s))),
    );
  });

  test.each(["aws-staging", "aws-prod"])("%s: OIDC federation (id-token: write), role from an environment variable", (stack) => {
    const job = jobs[stack];
    expect(permissionsOf(w, job)).toMatchObject({ "id-token": "write", contents: "read" });
    const creds = steps(job).find((s) => usesOf(s).startsWith("aws-actions/configure-aws-credentials@"));
    expect(creds?.with?.["role-to-assume"]).toMatch(/^\$\{\{ vars\.[A-Z_]+ \}\}$/);
    expect(stepIndex(job, (s) => usesOf(s).startsWith("aws-actions/configure-aws-credentials@"))).toBeLessThan(
      stepIndex(job, (s) => /cdktf deploy/.test(runText(s))),
    );
  });

  test("Azure deploy jobs run on a self-hosted runner with private network reach", () => {
    for (const stack of ["azure-staging", "azure-prod"]) {
      const runsOn = ([] as string[]).concat(jobs[stack]["runs-on"]);
      expect(runsOn).toContain("self-hosted");
    }
    expect(w.text).toMatch(/private network reach/i);
  });

  test("deployments are serialized and never cancelled mid-apply", () => {
    expect(w.doc.concurrency).toMatchObject({ "cancel-in-progress": false });
  });
});
