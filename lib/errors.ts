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

/** What a user may not see answers like what does not exist, so this is a 404 too. */
export class NotFoundError extends AppError {
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

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string[]> };

/** Turns a thrown error into the result shape actions return; unexpected errors stay generic. */
export function toActionError(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof ValidationError) {
    return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
  }
  if (error instanceof AppError) return { ok: false, error: error.message, code: error.code };
  return { ok: false, error: "Something went wrong. Nothing was changed.", code: "internal" };
}
