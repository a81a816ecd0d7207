import { describe, expect, it } from "vitest";
import { resolveMentions } from "@/lib/services/comments/mentions";

const rita = { id: "rita", name: "Rita Reviewer", email: "reviewer@example.com" };
const eddie = { id: "eddie", name: "Eddie Editor", email: "editor@example.com" };
const ritaB = { id: "rita-b", name: "Rita Bianchi", email: "r.bianchi@example.com" };
const users = [rita, eddie];

describe("@mentions", () => {
  it("resolves a full name, an email local part and a unique first name", () => {
    expect(resolveMentions("@Rita Reviewer please check", users)).toEqual(["rita"]);
    expect(resolveMentions("cc @editor.", users)).toEqual(["eddie"]);
    expect(resolveMentions("@eddie, @RITA: look", users).sort()).toEqual(["eddie", "rita"]);
  });

  it("does not guess between two people with the same first name, but takes the longest match", () => {
    const all = [rita, ritaB, eddie];
    expect(resolveMentions("@Rita look", all)).toEqual([]);
    expect(resolveMentions("@Rita Bianchi look", all)).toEqual(["rita-b"]);
    expect(resolveMentions("@r.bianchi look", all)).toEqual(["rita-b"]);
  });

  it("ignores email addresses, partial words and unknown names, and counts each person once", () => {
    expect(resolveMentions("mail reviewer@example.com", users)).toEqual([]);
    expect(resolveMentions("@ritaxyz and @nobody", users)).toEqual([]);
    expect(resolveMentions("@rita @Rita Reviewer @reviewer", users)).toEqual(["rita"]);
    expect(resolveMentions("no mentions here", users)).toEqual([]);
  });
});
