import { z } from "zod";
import { USER_ROLES } from "@/db/schema/constants";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { singleLineText } from "./text";

export const emailSchema = singleLineText()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address.");

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const loginSchema = z.object({
  email: emailSchema,
  // Sign-in checks only that something was typed: the hash decides, and no rule leaks here.
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH, "That password is too long."),
});

export const createUserSchema = z.object({
  email: emailSchema,
  name: singleLineText().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
  role: z.enum(USER_ROLES, { message: "Choose a role." }),
  credential: z.enum(["one_time_password", "set_password_link"]).default("one_time_password"),
});

export const changeRoleSchema = z.object({
  userId: z.uuid("Unknown user."),
  role: z.enum(USER_ROLES, { message: "Choose a role." }),
  version: z.coerce.number().int().min(1),
});

export const userIdSchema = z.object({
  userId: z.uuid("Unknown user."),
  version: z.coerce.number().int().min(1),
});

export const setPasswordSchema = z
  .object({
    token: z.string().min(20).max(200),
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    message: "The passwords do not match.",
    path: ["confirm"],
  });
