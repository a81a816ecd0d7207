import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionClaims } from "@/lib/auth/session-token";

const SECRET = "unit-secret-unit-secret-unit-secret-0123";
const NAME = "authjs.session-token";
const USER = "7f3c1b9e-2d4a-4c8e-9b1f-0a2b3c4d5e6f";
const SESSION = "0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f";

function jar(entries: Record<string, string>) {
  return { get: (name: string) => (name in entries ? { value: entries[name] ?? "" } : undefined) };
}

async function token(
  claims: Record<string, unknown>,
  options: { salt?: string; maxAge?: number } = {},
) {
  return encode({
    token: claims,
    secret: SECRET,
    salt: options.salt ?? NAME,
    maxAge: options.maxAge ?? 3600,
  });
}

describe("reading the session cookie Auth.js wrote", () => {
  it("gives the user and session version of a valid token, on http and https names", async () => {
    const plain = await token({ uid: USER, sid: SESSION, sv: 3 });
    expect(await readSessionClaims(jar({ [NAME]: plain }), SECRET)).toMatchObject({
      userId: USER,
      sessionId: SESSION,
      sessionVersion: 3,
    });
    const secureName = `__Secure-${NAME}`;
    const secure = await token({ uid: USER, sid: SESSION, sv: 1 }, { salt: secureName });
    expect(await readSessionClaims(jar({ [secureName]: secure }), SECRET)).toMatchObject({
      userId: USER,
      sessionVersion: 1,
    });
  });

  it("joins a cookie Auth.js split into chunks", async () => {
    const whole = await token({ uid: USER, sid: SESSION, sv: 0 });
    const cut = Math.floor(whole.length / 2);
    const claims = await readSessionClaims(
      jar({ [`${NAME}.0`]: whole.slice(0, cut), [`${NAME}.1`]: whole.slice(cut) }),
      SECRET,
    );
    expect(claims?.userId).toBe(USER);
  });

  it("refuses no cookie, another secret, a tampered token and a token without a user or session", async () => {
    expect(await readSessionClaims(jar({}), SECRET)).toBeNull();
    const valid = await token({ uid: USER, sid: SESSION, sv: 0 });
    expect(await readSessionClaims(jar({ [NAME]: valid }), `${SECRET}-other`)).toBeNull();
    const flipped = `${valid.slice(0, -3)}${valid.endsWith("AAA") ? "BBB" : "AAA"}`;
    expect(await readSessionClaims(jar({ [NAME]: flipped }), SECRET)).toBeNull();
    expect(await readSessionClaims(jar({ [NAME]: "not-a-token" }), SECRET)).toBeNull();
    // A token for one cookie name does not open the other (the name is the key's salt).
    expect(await readSessionClaims(jar({ [`__Secure-${NAME}`]: valid }), SECRET)).toBeNull();
    const anonymous = await token({ sid: SESSION, sv: 0 });
    expect(await readSessionClaims(jar({ [NAME]: anonymous }), SECRET)).toBeNull();
    // A token from before server-side sessions names no session row: nothing keeps it alive.
    const sessionless = await token({ uid: USER, sv: 0 });
    expect(await readSessionClaims(jar({ [NAME]: sessionless }), SECRET)).toBeNull();
  });

  it("ends a session at its expiry even after the token was read once", async () => {
    const short = await token({ uid: USER, sid: SESSION, sv: 0 }, { maxAge: 60 });
    const cookies = jar({ [NAME]: short });
    const claims = await readSessionClaims(cookies, SECRET);
    expect(claims).not.toBeNull();
    const later = ((claims?.expiresAt ?? 0) + 1) * 1000;
    expect(await readSessionClaims(cookies, SECRET, later)).toBeNull();
    // Still valid at the earlier time: the expiry is checked per call, not cached.
    expect(await readSessionClaims(cookies, SECRET)).not.toBeNull();
  });
});
