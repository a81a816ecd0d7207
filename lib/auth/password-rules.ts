// Kept apart from password.ts so client components can read the rules without the native hasher.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
