import {
  getAccessFallbackHTTPStatus,
  isHTTPAccessFallbackError,
} from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { afterEach, describe, expect, it, vi } from "vitest";
import { problemResponse, runAction } from "@/lib/action-result";
import {
  type AppError,
  ConflictError,
  ForbiddenError,
  INTERNAL_ERROR_MESSAGE,
  NotFoundError,
  PreconditionFailedError,
  TooManyRequestsError,
  toActionError,
  toProblem,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors";
import { logger } from "@/lib/logger";

const cases: [string, AppError, number, string][] = [
  [
    "ValidationError",
    new ValidationError("Enter a title.", { title: ["Enter a title."] }),
    400,
    "validation",
  ],
  ["ValidationError (413)", new ValidationError("Too large.", {}, 413), 413, "validation"],
  ["ValidationError (415)", new ValidationError("Not a form.", {}, 415), 415, "validation"],
  ["UnauthenticatedError", new UnauthenticatedError(), 401, "unauthenticated"],
  ["ForbiddenError", new ForbiddenError(), 403, "forbidden"],
  ["NotFoundError", new NotFoundError("article"), 404, "not_found"],
  ["ConflictError", new ConflictError("Changed by Ada.", { version: 3 }), 409, "conflict"],
  [
    "PreconditionFailedError",
    new PreconditionFailedError("two-person", "Someone else must approve it."),
    409,
    "precondition_failed",
  ],
  [
    "TooManyRequestsError",
    new TooManyRequestsError("Wait a minute.", 60),
    429,
    "too_many_requests",
  ],
];

afterEach(() => vi.restoreAllMocks());

describe("the error mapper", () => {
  it.each(cases)("%s becomes an action result with its message and code", (_, error, _s, code) => {
    const result = toActionError(error);
    expect(result).toMatchObject({ ok: false, error: error.message, code });
    expect(result.requestId).toBeUndefined();
  });

  it.each(cases)("%s becomes problem+json with its status", (_, error, status, code) => {
    const problem = toProblem(error);
    expect(problem).toMatchObject({
      type: "about:blank",
      status,
      detail: error.message,
      code,
      ok: false,
      error: error.message,
    });
    expect(problem.title).not.toBe("Error");
  });

  it("keeps what a form and a stale page need", () => {
    expect(toActionError(cases[0]?.[1]).fieldErrors).toEqual({ title: ["Enter a title."] });
    expect(toActionError(new ConflictError("Changed.", { version: 3 })).current).toEqual({
      version: 3,
    });
    expect(toActionError(new ForbiddenError())).not.toHaveProperty("fieldErrors");
  });

  it("says nothing of an unexpected error but the request it was logged under", () => {
    const secret = new Error("connection to 10.0.0.7 refused");
    expect(toActionError(secret, "req-1")).toEqual({
      ok: false,
      error: `${INTERNAL_ERROR_MESSAGE} Reference: req-1.`,
      code: "internal",
      requestId: "req-1",
    });
    expect(toProblem(secret, "req-1")).toMatchObject({ status: 500, code: "internal" });
    expect(JSON.stringify(toProblem(secret, "req-1"))).not.toContain("10.0.0.7");
  });

  it("gives NotFoundError the mark Next.js reads as notFound(), so a page answers 404", () => {
    const error = new NotFoundError("claim");
    expect(isHTTPAccessFallbackError(error)).toBe(true);
    expect(getAccessFallbackHTTPStatus(error as never)).toBe(404);
    expect(isHTTPAccessFallbackError(new ForbiddenError())).toBe(false);
  });
});

describe("the boundary of actions and route handlers", () => {
  it("logs an unexpected action error once, under the request id its message names", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const result = await runAction(async () => {
      throw new Error("boom");
    });
    expect(log).toHaveBeenCalledTimes(1);
    const [fields] = log.mock.calls[0] as unknown as [{ err: Error; requestId: string }];
    expect(fields.err.message).toBe("boom");
    expect(result).toEqual({
      ok: false,
      code: "internal",
      requestId: fields.requestId,
      error: `${INTERNAL_ERROR_MESSAGE} Reference: ${fields.requestId}.`,
    });
  });

  it("does not log what a user is told plainly", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const result = await runAction(async () => {
      throw new NotFoundError("claim");
    });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(log).not.toHaveBeenCalled();
  });

  it("answers a route's AppError as problem+json with its status", async () => {
    const response = await problemResponse(new TooManyRequestsError("Wait a minute.", 60));
    expect(response.status).toBe(429);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe("60");
    expect(await response.json()).toMatchObject({ status: 429, detail: "Wait a minute." });
  });

  it("answers a route's unexpected error 500, logged once with the request id it shows", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const response = await problemResponse(new TypeError("undefined is not a function"));
    expect(response.status).toBe(500);
    const body = (await response.json()) as { requestId: string; detail: string };
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatchObject({ requestId: body.requestId });
    expect(body.detail).toBe(`${INTERNAL_ERROR_MESSAGE} Reference: ${body.requestId}.`);
    expect(body.detail).not.toContain("undefined is not a function");
  });
});
