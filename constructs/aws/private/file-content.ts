import { readFileSync } from "node:fs";

/**
 * A repository file's text for an `aws_s3_object` `content`. Terraform reads `${...}` and `%{...}` in a
 * string as template syntax, so a file containing them would be uploaded altered (or fail the plan);
 * refuse it at synth time instead.
 */
export function uploadableFileContent(file: string): string {
  const text = readFileSync(file, "utf8");
  const line = text.split("\n").findIndex((l) => /[$%]\{/.test(l));
  if (line >= 0) {
    throw new Error(
      `${file}:${line + 1} contains "\${" or "%{", which Terraform would interpolate in an S3 object's content; write it as "$\${" / "%%{" or avoid it`,
    );
  }
  return text;
}
