/**
 * `npm run --silent claims -- FILE [--published YYYY-MM-DD] [--approximate]`: prints the claims
 * extracted from a UTF-8 text file as `{"claims":[…]}`. Line endings are normalised to LF first,
 * as on import, so offsets match the body the app would store. Exits 1 with a one-line message
 * on stderr for a missing, binary or non-UTF-8 file.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { extractClaims } from "@/lib/claims";
import { runAsMain } from "./run-as-main";

const USAGE = "usage: claims FILE [--published YYYY-MM-DD] [--approximate]";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function failure(message: string): CliResult {
  return { code: 1, stdout: "", stderr: `claims: ${message}\n` };
}

function readText(file: string): string | CliResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return failure(`file not found: ${file}`);
    if (code === "EISDIR") return failure(`not a file: ${file}`);
    return failure(`cannot read ${file}: ${(error as Error).message}`);
  }
  // NUL never occurs in text; say "binary" rather than the less helpful "not UTF-8".
  if (bytes.includes(0)) return failure(`${file} is a binary file (it contains NUL bytes)`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return failure(`${file} is not valid UTF-8 text`);
  }
}

/** The command without the process around it, so tests can call it directly. */
export function runClaimsCli(args: string[]): CliResult {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        published: { type: "string" },
        approximate: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return failure(`${(error as Error).message} (${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { code: 0, stdout: `${USAGE}\n`, stderr: "" };
  if (positionals.length !== 1) return failure(USAGE);
  const file = positionals[0] as string;
  const published = values.published as string | undefined;
  if (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    return failure(`--published must be a date as YYYY-MM-DD, got "${published}"`);
  }
  const text = readText(file);
  if (typeof text !== "string") return text;
  try {
    const claims = extractClaims(text.replace(/\r\n?/g, "\n"), {
      publishedOn: published,
      approximateDate: values.approximate === true,
    });
    return { code: 0, stdout: `${JSON.stringify({ claims })}\n`, stderr: "" };
  } catch (error) {
    if (error instanceof RangeError) return failure(error.message);
    throw error;
  }
}

runAsMain(import.meta.url, (argv) => {
  const result = runClaimsCli(argv);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.code;
});
