import { crawlerScheduleFor } from "../../constructs/aws/spark-etl";
import { AWS_ENVIRONMENTS } from "../helpers/aws";
import { synthAws } from "../helpers/synth";

/** Minute of the day a daily Glue cron fires at. */
function minuteOfDay(cron: string): number {
  const [, minute, hour] = /^cron\((\d+) (\d+) \* \* \? \*\)$/.exec(cron)!;
  return Number(hour) * 60 + Number(minute);
}

describe("raw-zone crawler schedule derives from the nightly job's", () => {
  test.each([
    ["cron(0 2 * * ? *)", "cron(30 1 * * ? *)"],
    ["cron(45 3 * * ? *)", "cron(15 3 * * ? *)"],
    ["cron(10 0 * * ? *)", "cron(40 23 * * ? *)"],
    ["cron(30 0 * * ? *)", "cron(0 0 * * ? *)"],
  ])("job %s -> crawler %s", (job, crawler) => {
    expect(crawlerScheduleFor(job)).toBe(crawler);
  });

  test.each(AWS_ENVIRONMENTS.map((e) => [e.name, e] as const))("aws-%s: the crawler starts 30 minutes before the job", (_name, env) => {
    const [[, crawler]] = synthAws(env).entries("aws_glue_crawler");
    expect(env.etl.schedule).toBe("cron(0 2 * * ? *)");
    expect(crawler.schedule).toBe("cron(30 1 * * ? *)");
    expect(minuteOfDay(env.etl.schedule) - minuteOfDay(crawler.schedule)).toBe(30);
  });
});
