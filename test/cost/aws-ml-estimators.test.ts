import { AWS_PROVIDER, estimate, line, res, tf } from "./fixtures";

// Expected figures are the Infracost golden's (mwaa_environment_test.golden, us-east-1):
// Environment Small $357.70 / Medium $540.20 / Large $722.70 per 730 h; worker and scheduler Medium $0.11/h.
describe("AWS orchestration and ML estimators", () => {
  test("MWAA: class rate around the clock, workers above one and schedulers above two always on, autoscaled workers and metadata DB from usage", () => {
    // GIVEN a medium environment keeping 2 workers and 3 schedulers
    const json = tf({ "aws_mwaa_environment.a": { environment_class: "mw1.medium", min_workers: 2, schedulers: 3 } }, AWS_PROVIDER);
    // WHEN
    const s = estimate(json, { resources: { aws_mwaa_environment: { averageAdditionalWorkers: 0.5, metaDatabaseGb: 20 } } });
    const r = res(s, "aws_mwaa_environment.a");
    // THEN
    expect(line(r, /^Environment/)).toMatchObject({ monthlyCost: 540.2, priceRegion: "us-east-1", referenceRegion: true });
    expect(line(r, /min_workers/).monthlyCost).toBe(80.3);
    // half a medium worker on average above min_workers: 0.5 x 730 h x $0.11
    expect(line(r, /Autoscaled/).monthlyCost).toBe(40.15);
    expect(line(r, /schedulers/).monthlyCost).toBe(80.3);
    expect(line(r, /Meta database/).monthlyCost).toBe(2);
    expect(r.monthlyCost).toBeCloseTo(540.2 + 80.3 + 40.15 + 80.3 + 2, 2);
  });

  test("MWAA: the provider default class (mw1.small) with one worker and two schedulers costs the environment rate only", () => {
    const s = estimate(tf({ "aws_mwaa_environment.a": {} }, AWS_PROVIDER), {
      resources: { aws_mwaa_environment: { averageAdditionalWorkers: 0, metaDatabaseGb: 0 } },
    });
    expect(res(s, "aws_mwaa_environment.a").monthlyCost).toBe(357.7);
  });

  test("mw1.micro has no price in the book: its environment line is not priced, never $0", () => {
    const s = estimate(tf({ "aws_mwaa_environment.a": { environment_class: "mw1.micro" } }, AWS_PROVIDER));
    expect(res(s, "aws_mwaa_environment.a").status).toBe("partial");
    expect(line(res(s, "aws_mwaa_environment.a"), /^Environment/)).toMatchObject({
      monthlyCost: null,
      notPriced: expect.stringContaining("mwaa/environment/mw1.micro"),
    });
  });

  test("MLflow tracking server: no cited price, reported as not priced (never $0, never free)", () => {
    const s = estimate(tf({ "aws_sagemaker_mlflow_tracking_server.m": { tracking_server_size: "Medium" } }, AWS_PROVIDER));
    expect(res(s, "aws_sagemaker_mlflow_tracking_server.m")).toMatchObject({ status: "not-priced", monthlyCost: 0 });
    expect(s.status).toMatch(/incomplete/);
  });
});
