import net from "node:net";

/*
 * Loopback ports for the clusters and servers the reliability tests start: a block of 100 from
 * RELIABILITY_PORT_BASE (3600 by default), skipping any port something else holds.
 */
const base = Number(process.env.RELIABILITY_PORT_BASE ?? 3600);
const handedOut = new Set<number>();
/**
 * Ports that fetch refuses to connect to ("bad port" in the Fetch standard's list): 3659 lies in
 * the default block, and a server there could not be reached by the tests' fetch.
 */
const FETCH_BLOCKED = new Set([
  1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669,
  6679, 6697, 10080,
]);

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
    if (handedOut.has(port) || FETCH_BLOCKED.has(port)) continue;
    if (await isFree(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`No free port between ${base} and ${base + 99} on 127.0.0.1.`);
}
