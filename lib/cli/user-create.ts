/**
 * `npm run user:create -- --email … --name … --role admin`: creates a user for a real deployment.
 * The password is asked for at a prompt (not echoed), or read from standard input when that is not
 * a terminal (`printf '%s' "$PW" | npm run user:create -- …`).
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { systemCtx } from "@/lib/auth/actor";
import { getEnv } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { createUser } from "@/lib/services/users/create-user";
import { createUserSchema, passwordSchema } from "@/lib/validation/auth";
import { runAsMain } from "./run-as-main";

function fail(message: string): never {
  console.error(`user:create: ${message}`);
  process.exit(1);
}

async function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve) => {
    let value = "";
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (ch === "\u0003") process.exit(130);
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readStdin(): Promise<string> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: process.stdin })) lines.push(line);
  return (lines[0] ?? "").replace(/\r$/, "");
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "reviewer" },
    },
  });
  const parsed = createUserSchema.safeParse({
    email: values.email,
    name: values.name,
    role: values.role,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`--${String(issue?.path[0])}: ${issue?.message}`);
  }
  let password: string;
  if (process.stdin.isTTY) {
    password = await readHidden("Password: ");
    if ((await readHidden("Repeat the password: ")) !== password)
      fail("the passwords do not match.");
  } else {
    password = await readStdin();
  }
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) fail(`password: ${checked.error.issues[0]?.message}`);

  const env = getEnv();
  const database = openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR, max: 1 });
  try {
    await runMigrations(database.db);
    // The admin's create-user service, with the system ("cli") as the actor.
    const created = await createUser(systemCtx(database.db, "cli"), parsed.data, {
      password,
    }).catch((error: unknown) => {
      if (error instanceof ValidationError && error.fieldErrors.email)
        fail(`a user with the email ${parsed.data.email} already exists.`);
      throw error;
    });
    console.log(`Created ${created.user.role} ${created.user.email} (${database.engine}).`);
  } finally {
    await database.close();
  }
  return 0;
}

runAsMain(import.meta.url, (argv) =>
  main(argv).catch((error: unknown) =>
    fail(error instanceof Error ? error.message : String(error)),
  ),
);
