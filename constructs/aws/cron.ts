/**
 * AWS cron expressions (Glue triggers, EventBridge rules): `cron(Minutes Hours Day-of-month Month Day-of-week Year)`.
 * Source: AWS Glue Developer Guide, "Time-based schedules for jobs and crawlers"
 * (https://docs.aws.amazon.com/glue/latest/dg/monitor-data-warehouse-schedule.html) and EventBridge
 * "Cron expressions" (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html):
 *
 * | Field        | Values                 | Wildcards     |
 * |--------------|------------------------|---------------|
 * | Minutes      | 0-59                   | , - * /       |
 * | Hours        | 0-23                   | , - * /       |
 * | Day-of-month | 1-31                   | , - * ? / L W |
 * | Month        | 1-12 or JAN-DEC        | , - * /       |
 * | Day-of-week  | 1-7 or SUN-SAT         | , - * ? L #   |
 * | Year         | 1970-2199              | , - * /       |
 *
 * Day-of-month and Day-of-week cannot both be given: exactly one of them is `?`.
 */

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** Extra single-part forms (`?`, `L`, `W`, `#`). */
  readonly special?: RegExp;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

const FIELDS: readonly CronField[] = [
  { name: "Minutes", min: 0, max: 59 },
  { name: "Hours", min: 0, max: 23 },
  { name: "Day-of-month", min: 1, max: 31, special: /^(\?|L|LW|([1-9]|[12]\d|3[01])W)$/ },
  { name: "Month", min: 1, max: 12, names: MONTHS },
  { name: "Day-of-week", min: 1, max: 7, names: DAYS, special: /^(\?|L|([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(L|#[1-5]))$/ },
  { name: "Year", min: 1970, max: 2199 },
];

function valueOf(token: string, f: CronField): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  const i = f.names?.indexOf(token.toUpperCase()) ?? -1;
  return i >= 0 ? i + f.min : undefined;
}

/** The problems of one field, e.g. `Hours 25 is outside 0-23`. */
function fieldProblems(text: string, f: CronField): string[] {
  if (f.special?.test(text.toUpperCase())) return [];
  const range = `${f.min}-${f.max}${f.names ? ` or ${f.names[0]}-${f.names[f.names.length - 1]}` : ""}`;
  const problems: string[] = [];
  for (const part of text.split(",")) {
    const [base, step, extra] = part.split("/");
    if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) {
      problems.push(`${f.name} "${part}": an increment is <start>/<positive integer>`);
      continue;
    }
    if (base === "*") continue;
    for (const token of base.split("-").length <= 2 ? base.split("-") : [base]) {
      const n = valueOf(token, f);
      if (n === undefined || n < f.min || n > f.max) problems.push(`${f.name} "${token}" is not in ${range}`);
    }
  }
  return problems;
}

/**
 * Every problem of an AWS cron expression, each naming the field and the allowed values; empty when
 * Glue and EventBridge accept it.
 */
export function awsCronProblems(expression: string): string[] {
  const m = /^cron\((.*)\)$/.exec(expression.trim());
  const fields = m ? m[1].trim().split(/\s+/) : [];
  if (fields.length !== 6) {
    return ["six fields: cron(Minutes Hours Day-of-month Month Day-of-week Year), e.g. cron(0 2 * * ? *)"];
  }
  const problems = fields.flatMap((text, i) => fieldProblems(text, FIELDS[i]));
  const [dom, dow] = [fields[2], fields[4]];
  if ((dom === "?") === (dow === "?")) {
    problems.push(`exactly one of Day-of-month ("${dom}") and Day-of-week ("${dow}") must be "?"`);
  }
  return problems;
}
