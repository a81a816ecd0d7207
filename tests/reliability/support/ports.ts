import net from "node:net";

/*
 * Loopback ports for the clusters and servers the reliability tests start: a block of 100 from
 * RELIABILITY_PORT_BASE (3600 by default), skipping any port something else holds.
 */
const base = Number(process.env.RELIABILITY_PORT_BASE ?? 3600);
const handedOut = new Set<number>();

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  // Start at a different place in each process so two runs side by side rarely probe the same port.
  const offset = process.pid % 100;
  for (let i = 0; i < 100; i++) {
    const port = base + ((offset + i) % 100);
    if (handedOut.has(port)) continue;
    if (await isFree(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`No free port between ${base} and ${base + 99} on 127.0.0.1.`);
}
