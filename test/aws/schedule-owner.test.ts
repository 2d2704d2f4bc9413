import { AWS_ENVIRONMENTS } from "../helpers/aws";
import { synthAws } from "../helpers/synth";

// One scheduler per job, never two: where Airflow runs (staging, prod) it starts the nightly job and
// no Glue trigger exists; dev has no Airflow, so its paused Glue trigger is the only scheduler.
const EXPECTED: Record<string, { gluetriggers: number; airflow: boolean; paused: boolean }> = {
  dev: { gluetriggers: 1, airflow: false, paused: true },
  staging: { gluetriggers: 0, airflow: true, paused: false },
  prod: { gluetriggers: 0, airflow: true, paused: false },
};

/** Minute of the day a daily cron starts, AWS `cron(m h * * ? *)` or Airflow `m h * * *`. */
function startMinute(cron: string): number {
  const [minute, hour] = cron
    .replace(/^cron\(/, "")
    .split(" ")
    .map(Number);
  return hour! * 60 + minute!;
}

describe.each(AWS_ENVIRONMENTS.map((e) => [e.name, e] as const))("aws-%s nightly job scheduler", (name, env) => {
  const synth = synthAws(env);
  const jobId = synth.entries("aws_glue_job").find(([id]) => id.startsWith("etl_"))?.[0];
  const triggersOfJob = synth
    .entries("aws_glue_trigger")
    .filter(([, t]) => (t.actions as { job_name: string }[]).some((a) => a.job_name === `\${aws_glue_job.${jobId}.name}`));
  const mwaa = synth.entries("aws_mwaa_environment");
  const dagConfig = synth.entries("aws_s3_object").find(([, o]) => o.key === "dags/platform_config.json")?.[1];

  test(`Airflow ${EXPECTED[name].airflow ? "on" : "off"}: the Glue trigger or the nightly DAG, exactly one scheduler`, () => {
    expect(mwaa).toHaveLength(EXPECTED[name].airflow ? 1 : 0);
    const dagSchedulesJob =
      dagConfig !== undefined && JSON.parse(dagConfig.content).nightly.glue_job_name === `\${aws_glue_job.${jobId}.name}`;
    expect(dagSchedulesJob).toBe(EXPECTED[name].airflow);
    expect(triggersOfJob.length + (dagSchedulesJob ? 1 : 0)).toBe(1);
  });

  test(`${EXPECTED[name].gluetriggers} Glue trigger(s) on the nightly job`, () => {
    expect(jobId).toBeDefined();
    expect(triggersOfJob.map(([, t]) => [t.type, t.schedule, t.enabled])).toEqual(
      Array(EXPECTED[name].gluetriggers).fill(["SCHEDULED", "cron(0 2 * * ? *)", !EXPECTED[name].paused]),
    );
  });

  test("no Glue trigger starts any job other than through the nightly trigger (drift runs are Airflow's)", () => {
    expect(synth.entries("aws_glue_trigger")).toHaveLength(EXPECTED[name].gluetriggers);
  });

  test("the raw-zone crawler catalogs new CDC folders at 01:30 UTC, before the nightly job starts at 02:00 UTC", () => {
    const crawlers = synth.entries("aws_glue_crawler").map(([, c]) => c.schedule as string);
    expect(crawlers).toEqual(["cron(30 1 * * ? *)"]);
    const jobStarts = [
      ...triggersOfJob.map(([, t]) => t.schedule as string),
      ...(dagConfig ? [JSON.parse(dagConfig.content).nightly.schedule as string] : []),
    ];
    expect(jobStarts.map(startMinute)).toEqual([2 * 60]);
    expect(startMinute(crawlers[0]!)).toBeLessThan(startMinute(jobStarts[0]!));
  });
});
