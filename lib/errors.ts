/** Typed errors, translated once at the boundary into a result or an HTTP status. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
  }
}

/**
 * Input that is refused as it stands: 400, or 413 (too large) and 415 (a body of a type the
 * endpoint does not read) when the refusal is about the request as a whole.
 */
export class ValidationError extends AppError {
  readonly fieldErrors: Record<string, string[]>;
  constructor(
    message: string,
    fieldErrors: Record<string, string[]> = {},
    status: 400 | 413 | 415 = 400,
  ) {
    super("validation", status, message);
    this.fieldErrors = fieldErrors;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Please sign in.") {
    super("unauthenticated", 401, message);
  }
}

/**
 * The value Next.js's `notFound()` throws carries (next/dist/client/components/http-access-fallback):
 * a page that lets a NotFoundError through renders the nearest not-found.tsx with status 404, so
 * pages need no catch of their own. tests/unit/foundation/errors.test.ts checks that Next.js still reads it so.
 */
const NEXT_NOT_FOUND_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;404";

/** What a user may not see answers like what does not exist, so this is a 404 too. */
export class NotFoundError extends AppError {
  readonly digest = NEXT_NOT_FOUND_DIGEST;
  constructor(what = "item") {
    super("not_found", 404, `That ${what} does not exist or is not available to you.`);
  }
}

/** For actions on something the user can see but may not do (shown as 403). */
export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do that.") {
    super("forbidden", 403, message);
  }
}

export class ConflictError extends AppError {
  readonly current: unknown;
  constructor(message: string, current?: unknown) {
    super("conflict", 409, message);
    this.current = current;
  }
}

/**
 * A change the claim's present state does not allow (a workflow transition refused, an action by
 * someone the rule excludes): 409 with its own code, one wording per rule. See
 * lib/services/README.md for the error kinds.
 */
export class PreconditionFailedError extends AppError {
  readonly rule: string;
  constructor(rule: string, message: string) {
    super("precondition_failed", 409, message);
    this.rule = rule;
  }
}

export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super("too_many_requests", 429, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export type ActionFailure = {
  ok: false;
  error: string;
  code: string;
  fieldErrors?: Record<string, string[]>;
  /** A ConflictError's row as it is now, so the page can show it beside what the user typed. */
  current?: unknown;
  /** An unexpected error's request, as logged on the server; the message names it too. */
  requestId?: string;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export const INTERNAL_ERROR_MESSAGE = "Something went wrong. Nothing was changed.";

/**
 * The one mapping of a thrown error to what the user is told. An AppError says what it is; anything
 * else stays generic and names the request it was logged under (the caller logs it, once).
 */
export function toActionError(error: unknown, requestId?: string): ActionFailure {
  if (!(error instanceof AppError)) {
    const reference = requestId ? ` Reference: ${requestId}.` : "";
    return {
      ok: false,
      error: `${INTERNAL_ERROR_MESSAGE}${reference}`,
      code: "internal",
      ...(requestId ? { requestId } : {}),
    };
  }
  const failure: ActionFailure = { ok: false, error: error.message, code: error.code };
  if (error instanceof ValidationError) failure.fieldErrors = error.fieldErrors;
  if (error instanceof ConflictError && error.current !== undefined)
    failure.current = error.current;
  return failure;
}

const STATUS_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/**
 * An error as an RFC 9457 problem document (`application/problem+json`). Besides the standard
 * members it carries the action result's (`ok`, `error`, `code`, `fieldErrors`, `requestId`), so a
 * client reads an API answer exactly like a server action's.
 */
export type Problem = ActionFailure & {
  type: "about:blank";
  title: string;
  status: number;
  detail: string;
};

export function toProblem(error: unknown, requestId?: string): Problem {
  const status = error instanceof AppError ? error.status : 500;
  const failure = toActionError(error, requestId);
  return {
    type: "about:blank",
    title: STATUS_TITLES[status] ?? "Error",
    status,
    detail: failure.error,
    ...failure,
  };
}
