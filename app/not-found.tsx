import { NotFoundMessage } from "./_components/not-found-message";

export default function NotFound() {
  return (
    <main id="main">
      <NotFoundMessage />
    </main>
  );
}
