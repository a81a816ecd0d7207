/**
 * The header the Claimtrack server sets from the socket (overwriting anything a client sent),
 * so throttling keys on an address the client cannot choose.
 */
export const CLIENT_ADDRESS_HEADER = "x-claimtrack-client-address";

export function clientAddressFrom(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
