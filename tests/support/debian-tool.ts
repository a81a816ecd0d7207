import { execFileSync, spawnSync } from "node:child_process";

export function hasCommand(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

/**
 * Makes sure a command the tests need is there: as root with apt, Debian's package is installed;
 * otherwise the error names the package to install.
 */
export function ensureDebianTool(command: string, debianPackage: string): void {
  if (hasCommand(command)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && hasCommand("apt-get")) {
    console.log(`[tests] installing Debian's ${debianPackage} for ${command}…`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", debianPackage], { stdio: "inherit", env });
    if (hasCommand(command)) return;
  }
  throw new Error(
    `The tests need ${command}: install it with "sudo apt-get install ${debianPackage}".`,
  );
}
