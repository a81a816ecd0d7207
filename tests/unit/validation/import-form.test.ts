import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { readImportForm } from "@/lib/validation/import-form";

const MAX = 2_000_000;

function post(body: BodyInit | null, headers: Record<string, string>) {
  return new Request("http://localhost/api/articles/import", { method: "POST", body, headers });
}

async function refusal(request: Request) {
  const error = await readImportForm(request, MAX).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  const { status, message } = error as ValidationError;
  return { status, message };
}

const BOUNDARY = "----claimtrack";
const multipart = (parts: string) => `${parts}--${BOUNDARY}--\r\n`;
const part = (name: string, value: string, file?: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ""}\r\n\r\n${value}\r\n`;

describe("the import route's body", () => {
  it.each([
    ["JSON", "application/json", '{"title":"T","text":"Some text."}'],
    ["plain text", "text/plain;charset=UTF-8", "Some text."],
    ["a urlencoded form", "application/x-www-form-urlencoded", "title=T&text=Some+text."],
  ])("answers 415 with one line for %s", async (_name, type, body) => {
    const { status, message } = await refusal(
      post(body, { "content-type": type, "content-length": String(body.length) }),
    );
    expect(status).toBe(415);
    expect(message).toMatch(/^Send the article as a multipart form \(multipart\/form-data\)/);
    expect(message).not.toContain("\n");
  });

  it("answers 415 without a content type", async () => {
    expect((await refusal(post(null, { "content-length": "0" }))).status).toBe(415);
  });

  it.each([
    ["an empty multipart body", `multipart/form-data; boundary=${BOUNDARY}`, ""],
    ["a multipart body without a boundary", "multipart/form-data", part("title", "T")],
    [
      "a broken multipart body",
      `multipart/form-data; boundary=${BOUNDARY}`,
      `--${BOUNDARY}\r\ngarbage`,
    ],
    [
      "a body with another boundary",
      `multipart/form-data; boundary=${BOUNDARY}`,
      "--other\r\n\r\n",
    ],
  ])("answers 400 with one line for %s", async (_name, type, body) => {
    const { status, message } = await refusal(
      post(body, { "content-type": type, "content-length": String(body.length) }),
    );
    expect(status).toBe(400);
    expect(message).toBe("The form could not be read: the multipart body is empty or broken.");
  });

  it("answers 413 for a body over the limit", async () => {
    const body = multipart(part("text", "x"));
    const request = post(body, {
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      "content-length": String(MAX * 2),
    });
    expect((await refusal(request)).status).toBe(413);
  });

  it("reads the fields and the file of a well-formed form", async () => {
    const body = multipart(
      part("title", "Title") +
        part("outlet", "Outlet") +
        part("publishedApproximate", "true") +
        part("file", "File text.", "a.txt"),
    );
    const input = await readImportForm(
      post(body, {
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        "content-length": String(body.length),
      }),
      MAX,
    );
    expect(input).toMatchObject({ title: "Title", outlet: "Outlet", publishedApproximate: true });
    expect(input.text).toBeUndefined();
    expect(new TextDecoder().decode(input.file?.bytes)).toBe("File text.");
    expect(input.file?.name).toBe("a.txt");
  });
});
