import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { TooManyRequestsError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { authenticate, InvalidCredentialsError } from "./authenticate";
import { clientAddressFrom } from "./client-address";

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

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

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
          const user = await authenticate(
            await getDb(),
            credentials,
            clientAddressFrom(request.headers),
          );
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            sessionVersion: user.sessionVersion,
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
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
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
