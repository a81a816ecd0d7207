import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

/**
 * Whether the module at `moduleUrl` (its `import.meta.url`) is the script node was started with,
 * so a command-line entry point runs its `main` when called and stays quiet when a test imports it.
 */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

/**
 * The one way a command-line entry point starts: when the module at `moduleUrl` is the script node
 * was started with, run `main` on the arguments after the script and set the exit code to what it
 * returns. Imported by a test, the module stays quiet.
 */
export function runAsMain(
  moduleUrl: string,
  main: (argv: string[]) => number | Promise<number>,
): void {
  if (!isMain(moduleUrl)) return;
  const code = main(process.argv.slice(2));
  if (typeof code === "number") process.exitCode = code;
  else
    void code.then((c) => {
      process.exitCode = c;
    });
}
