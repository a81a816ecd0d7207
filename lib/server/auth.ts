import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { currentSessionClaims } from "@/lib/auth/session";
import { findSessionUser, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { TooManyRequestsError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { endSession } from "@/lib/services/users/end-session";
import { InvalidCredentialsError, signIn as signInService } from "@/lib/services/users/sign-in";

/** What the session token carries: identifiers only; role and status are read from the database. */
function claimsOf(token: Record<string, unknown>) {
  return {
    userId: String(token.uid ?? ""),
    sessionId: String(token.sid ?? ""),
    sessionVersion: Number(token.sv ?? 0),
  };
}

class ThrottledSignin extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    // The code travels in the URL: it says only how long to wait.
    this.code = `throttled:${retryAfterSeconds}`;
  }
}

class InvalidSignin extends CredentialsSignin {
  code = "invalid";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    error: (error) => {
      // Wrong passwords are expected; a cookie that does not decode is a client's problem (an old
      // secret, or a forgery) and answers like no session; anything else is worth an error line.
      if (error instanceof CredentialsSignin) return;
      if ((error as { type?: string }).type === "JWTSessionError") {
        logger.warn({ code: "JWTSessionError" }, "session cookie could not be read");
        return;
      }
      logger.error({ err: error }, "auth error");
    },
    warn: (code) => logger.warn({ code }, "auth warning"),
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          const user = await signInService(
            await getDb(),
            credentials,
            clientAddressFrom(request.headers),
          );
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            sessionVersion: user.sessionVersion,
            sessionId: user.sessionId,
          };
        } catch (error) {
          if (error instanceof TooManyRequestsError)
            throw new ThrottledSignin(error.retryAfterSeconds);
          if (error instanceof InvalidCredentialsError) throw new InvalidSignin();
          throw error;
        }
      },
    }),
  ],
  events: {
    // Auth.js's own sign-out endpoint ends the session on the server too. The app's sign-out
    // action has ended it already (endCurrentSession), where a failure is not swallowed; ending
    // it twice writes nothing the second time.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token) await endSession(await getDb(), claimsOf(token));
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as { sessionVersion?: number; sessionId?: string };
        token.uid = user.id;
        token.sv = signedIn.sessionVersion;
        token.sid = signedIn.sessionId;
        return token;
      }
      // Reading or updating a session through Auth.js (/api/auth/session): a session the app
      // refuses answers as signed out, and Auth.js clears its cookie.
      const live = await findSessionUser(await getDb(), claimsOf(token));
      return live ? token : null;
    },
    session({ session, token }) {
      // Only identifiers travel in the token; role and status are read from the database.
      return {
        ...session,
        user: { ...session.user, id: String(token.uid ?? "") },
        sessionVersion: Number(token.sv ?? 0),
      };
    },
  },
});

/**
 * Ends this request's session on the server (sign-out on this device): a copy of its cookie is
 * refused from now on. The caller clears the cookie (Auth.js's signOut).
 */
export async function endCurrentSession(): Promise<void> {
  const claims = await currentSessionClaims();
  if (claims) await endSession(await getDb(), claims);
}
