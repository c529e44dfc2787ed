/**
 * Why a SIP account is not registered, in words for the line's status detail, from what the server
 * answered (or did not). The words name the field the user can fix: the password, the server.
 */
export type RegisterFailure = { kind: 'rejected'; code: number; reason: string } | { kind: 'timeout' } | { kind: 'socket'; code: string; message: string };

export function registerFailureText(f: RegisterFailure, server: string): string {
  if (f.kind === 'timeout') return `The server is not answering (${server}).`;
  if (f.kind === 'socket') {
    if (f.code === 'ECONNREFUSED') return `Nothing answers at ${server} (connection refused): check the server and port.`;
    if (f.code === 'ENOTFOUND' || f.code === 'EAI_AGAIN') return `The server name could not be found: ${server}.`;
    if (f.code === 'ENETUNREACH' || f.code === 'EHOSTUNREACH' || f.code === 'ENETDOWN') return `The network to ${server} is down.`;
    return `Cannot reach ${server}: ${f.message}`;
  }
  if (f.code === 401 || f.code === 407 || f.code === 403) return `Wrong user name or password (the server answered ${f.code} ${f.reason}).`;
  if (f.code === 404) return `The server does not know this user (404 ${f.reason}).`;
  if (f.code === 408 || f.code === 503 || f.code === 504) return `The server is not answering (${server}: ${f.code} ${f.reason}).`;
  return `The server refused the registration: ${f.code} ${f.reason}.`;
}
