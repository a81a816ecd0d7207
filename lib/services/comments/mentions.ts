export interface MentionCandidate {
  id: string;
  name: string;
  email: string;
}

const WORD_CHAR = /[\p{L}\p{N}._-]/u;
const NAME_CHAR = /[\p{L}\p{N}_]/u;

/**
 * The users an @ in a comment names. After an @ we accept, case-insensitively, a user's full
 * name ("@Rita Reviewer"), the local part of their email ("@reviewer") or a first name that
 * belongs to only one user ("@Rita"). The longest match wins, and a match must end at a word
 * boundary so "@rita" does not name "Ritaxyz".
 */
export function resolveMentions(body: string, users: readonly MentionCandidate[]): string[] {
  const found = new Set<string>();
  const firstNames = new Map<string, MentionCandidate[]>();
  for (const user of users) {
    const first = user.name.trim().split(/\s+/)[0]?.toLowerCase();
    if (first) firstNames.set(first, [...(firstNames.get(first) ?? []), user]);
  }
  for (let at = body.indexOf("@"); at !== -1; at = body.indexOf("@", at + 1)) {
    // An @ inside a word is an email address, not a mention.
    if (at > 0 && WORD_CHAR.test(body[at - 1] ?? "")) continue;
    const rest = body.slice(at + 1).toLowerCase();
    let best: { id: string; length: number } | null = null;
    const consider = (id: string, handle: string) => {
      if (!handle || !rest.startsWith(handle)) return;
      if (NAME_CHAR.test(rest[handle.length] ?? "")) return;
      if (!best || handle.length > best.length) best = { id, length: handle.length };
    };
    for (const user of users) {
      consider(user.id, user.name.trim().toLowerCase().replace(/\s+/g, " "));
      consider(user.id, user.email.split("@")[0]?.toLowerCase() ?? "");
    }
    for (const [first, owners] of firstNames) {
      const owner = owners[0];
      if (owners.length === 1 && owner) consider(owner.id, first);
    }
    const chosen = best as { id: string; length: number } | null;
    if (chosen) found.add(chosen.id);
  }
  return [...found];
}
