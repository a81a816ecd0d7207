import { NotFoundMessage } from "../_components/not-found-message";

/**
 * What a page of the app answers, inside its layout, when what it shows does not exist or is not
 * the user's to see: notFound(), or a NotFoundError a service threw (lib/errors.ts).
 */
export default function NotFound() {
  return <NotFoundMessage />;
}
