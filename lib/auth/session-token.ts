import { LRUCache } from "lru-cache";
import { decode } from "next-auth/jwt";

/*
 * The session cookie, read the way Auth.js wrote it, without a round trip through Auth.js's
 * request handler. `auth()` answers a server component by running the whole `session` action:
 * it parses the cookies, makes a CSRF token, derives the key, decrypts the token and encrypts it
 * again for a refreshed cookie that a server component cannot set. That crypto was about a tenth
 * of the server's time per page. Here only the decrypt remains, and only the first time a token is
 * seen: the token is authenticated encryption, so the same string always carries the same claims.
 * The expiry is checked on every call, and `getSessionUser` still checks the session and the user
 * against the database on every request (lib/auth/sessions.ts).
 */

/** Auth.js's cookie names: the `__Secure-` one over https. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface SessionClaims {
  userId: string;
  /** The row in `sessions` (lib/auth/sessions.ts) that keeps this session alive. */
  sessionId: string;
  sessionVersion: number;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const decoded = new LRUCache<string, SessionClaims | false>({ max: 2000 });

interface CookieReader {
  get(name: string): { value: string } | undefined;
}

/** Auth.js splits a cookie over 4 KB into `name.0`, `name.1`, …; ours fit in one, but read both. */
function tokenOf(cookies: CookieReader): { name: string; token: string } | null {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name)?.value;
    if (whole) return { name, token: whole };
    let token = "";
    for (let i = 0; ; i++) {
      const part = cookies.get(`${name}.${i}`)?.value;
      if (!part) break;
      token += part;
    }
    if (token) return { name, token };
  }
  return null;
}

export async function readSessionClaims(
  cookies: CookieReader,
  secret: string,
  now: number = Date.now(),
): Promise<SessionClaims | null> {
  const found = tokenOf(cookies);
  if (!found) return null;
  const key = `${found.name}\n${found.token}`;
  let claims = decoded.get(key);
  if (claims === undefined) {
    claims = await decodeClaims(found.token, found.name, secret);
    decoded.set(key, claims);
  }
  if (!claims || claims.expiresAt * 1000 <= now) return null;
  return claims;
}

async function decodeClaims(
  token: string,
  salt: string,
  secret: string,
): Promise<SessionClaims | false> {
  try {
    const payload = await decode({ token, secret, salt });
    if (
      !payload ||
      typeof payload.uid !== "string" ||
      typeof payload.sid !== "string" ||
      typeof payload.exp !== "number"
    ) {
      return false;
    }
    return {
      userId: payload.uid,
      sessionId: payload.sid,
      sessionVersion: Number(payload.sv ?? 0),
      expiresAt: payload.exp,
    };
  } catch {
    // A token made with another secret, or tampered with: no session.
    return false;
  }
}
