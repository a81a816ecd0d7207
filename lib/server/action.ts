import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/action-result";
import { requireCtx } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { type ClaimPage, claimPageSchema } from "@/lib/validation/workflow";

/** A service verb: the session's context and the input it parses itself. */
type Verb<I, R> = (ctx: Ctx, input: I) => Promise<R>;

interface ActionOptions<I, R, T> {
  /**
   * The pages that show what the verb changed, from its result and its input (which the verb has
   * parsed by then, so an id in it is well-formed).
   */
  revalidate: readonly string[] | ((result: R, input: I) => readonly string[]);
  /** What the page gets back, plain data only; nothing unless given. */
  data?: (result: R) => T;
  /** Where the browser goes once the verb succeeded. */
  redirectTo?: string;
}

/** The one body of every server action: session, verb, revalidation, result. */
async function perform<I, R, T>(
  verb: Verb<I, R>,
  input: I,
  options: ActionOptions<I, R, T>,
): Promise<ActionResult<T>> {
  const result = await runAction(async () => {
    const done = await verb(await requireCtx(), input);
    const paths =
      typeof options.revalidate === "function"
        ? options.revalidate(done, input)
        : options.revalidate;
    for (const path of paths) revalidatePath(path);
    return options.data ? options.data(done) : (undefined as T);
  });
  if (result.ok && options.redirectTo) redirect(options.redirectTo);
  return result;
}

/**
 * A server action made from a service verb. An action is a public endpoint: its input is whatever
 * the caller sent, and the verb parses it (the type is the form's, for the pages that call it).
 */
export function makeAction<I, R, T = void>(verb: Verb<I, R>, options: ActionOptions<I, R, T>) {
  return (input: I): Promise<ActionResult<T>> => perform(verb, input, options);
}

/** The pages a change on a claim shows on: the claim's, its article's and someone's queue. */
function claimPages(page: ClaimPage): string[] {
  return [
    `/articles/${page.articleId}/claims/${page.claimId}`,
    `/articles/${page.articleId}`,
    "/queue",
  ];
}

/**
 * A server action of the claim page. The claim id travels once, in the page the caller names: the
 * page is checked before the verb runs (a malformed one is refused and nothing written), and the
 * claim the verb acts on is the one whose pages are refreshed.
 */
export function makeClaimAction<I, R, T = void>(verb: Verb<I, R>, data?: (result: R) => T) {
  return (where: ClaimPage, input: Omit<I, "claimId">): Promise<ActionResult<T>> => {
    let pages: string[] = [];
    const onPage = async (ctx: Ctx, given: Omit<I, "claimId">) => {
      const page = parseInput(claimPageSchema, where);
      pages = claimPages(page);
      return verb(ctx, { ...given, claimId: page.claimId } as I);
    };
    return perform(onPage, input, { revalidate: () => pages, data });
  };
}
