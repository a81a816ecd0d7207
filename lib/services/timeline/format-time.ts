/** One unambiguous time format for messages and pages, the same on server and client. */
export function formatTime(at: Date | string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
