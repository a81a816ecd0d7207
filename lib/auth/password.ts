import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id floor: 19 MiB, two passes, one lane. Algorithm 2 is Argon2id (a const enum
// in the package, which isolated modules cannot import).
export const PASSWORD_PARAMS = {
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_PARAMS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** True when a stored hash is weaker than the current parameters and should be redone. */
export function needsRehash(hashed: string): boolean {
  const match = /^\$argon2(id|i|d)\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hashed);
  if (!match) return true;
  const [, variant, m, t, p] = match;
  return (
    variant !== "id" ||
    Number(m) < PASSWORD_PARAMS.memoryCost ||
    Number(t) < PASSWORD_PARAMS.timeCost ||
    Number(p) < PASSWORD_PARAMS.parallelism
  );
}
