// One error type for the whole domain layer; the edges (API routes, server actions, pages)
// map its code to an HTTP status or a form message in one place each.
//
// The catalogue: every code the domain may throw, with its HTTP status. A code not listed here
// does not compile; 409 is what a domain conflict says, by listing, not by default.
const STATUS = {
  VALIDATION_FAILED: 400,
  IMPORT_REJECTED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  MFA_ENROLMENT_REQUIRED: 403,
  STEP_UP_REQUIRED: 403,
  NOT_IN_AUDIENCE: 403,
  ROLE_GRANT_FORBIDDEN: 403,
  MFA_NOT_ENROLLED: 403,
  PEER_ADMIN: 403,
  NOT_FOUND: 404,
  ALREADY_DOWNLOADED: 410,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  DECRYPTION_FAILED: 500,
  UNAVAILABLE: 503,
  // domain conflicts
  CONFLICT: 409,
  ACTIVE_BOOKING_EXISTS: 409,
  ALREADY_ENROLLED: 409,
  ATTENDANCE_NOT_OPEN: 409,
  BOOKING_SUSPENDED: 409,
  CANCELLATION_CLOSED: 409,
  CAPACITY_BELOW_BOOKED: 409,
  CAPACITY_BELOW_ENROLLED: 409,
  CERTIFICATE_REVOKED: 409,
  CONSENT_REQUIRED: 409,
  CONSENT_VERSION_OUTDATED: 409,
  DAY_ALREADY_CLOSED: 409,
  DAY_CLOSED: 409,
  FEEDBACK_EXISTS: 409,
  INITIAL_PASSWORD_PENDING: 409,
  INVALID_TOKEN: 409,
  INVALID_TRANSITION: 409,
  LEAVE_ALREADY_STARTED: 409,
  LEAVE_BALANCE_EXCEEDED: 409,
  LEAVE_OVERLAP: 409,
  LECTURER_EXISTS: 409,
  LEVEL_CHANGED: 409,
  MFA_ALREADY_ENROLLED: 409,
  MONTH_ALREADY_IMPORTED: 409,
  NO_ONE_TO_ISSUE: 409,
  NOT_ATTENDED: 409,
  NOT_ENROLLED: 409,
  OUTCOME_NOT_APPLICABLE: 409,
  QUOTA_EXCEEDED: 409,
  SELF_CHANGE: 409,
  SELF_REVIEW: 409,
  SESSION_NOT_OPEN: 409,
  SLOT_CLOSED: 409,
  SLOT_EXISTS: 409,
  SLOT_FULL: 409,
  SLOT_IN_PAST: 409,
  SLOT_NOT_STARTED: 409,
  TOKEN_EXPIRED: 409,
  UNIT_NOT_EMPTY: 409,
} as const satisfies Record<string, 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 500 | 503>;

export type ErrorCode = keyof typeof STATUS;

/** The HTTP status of a code: the one table above. */
export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: Record<string, string>;
  readonly extra?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { fields?: Record<string, string>; extra?: Record<string, unknown> } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = STATUS[code];
    this.fields = opts.fields;
    this.extra = opts.extra;
  }
}

export const notFound = (what = "记录") => new AppError("NOT_FOUND", `${what}不存在`);
export const forbidden = (message = "没有权限执行此操作") => new AppError("FORBIDDEN", message);

export function validationFailed(fields: Record<string, string>, message = "输入有误，请检查标记的字段") {
  return new AppError("VALIDATION_FAILED", message, { fields });
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Prisma's unique violation (P2002), without importing Prisma here. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

/** Prisma's foreign-key violation (P2003): the row is still referenced elsewhere. */
export function isForeignKeyViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2003";
}

// Prisma's "cannot reach / lost / timed out" codes, and what the pg driver says underneath.
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1003", "P1008", "P1010", "P1011", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
// 57014 statement_timeout, 25P03 idle_in_transaction_session_timeout, 57P05 idle_session_timeout
const UNAVAILABLE_PG = /^(08\d{3}|57P0[1-5]|57014|25P03|53300|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE)$/;
// pg's own time limits (lib/db.ts): pool wait, connect ("timeout expired") and query read timeouts
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|Can't reach database server|timeout exceeded when trying to connect|Query read timeout|is not queryable|^timeout expired$/i;

/** The database cannot be reached or gave up on us (an outage, not a bug): answer 503 UNAVAILABLE. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let err = e, depth = 0; err && typeof err === "object" && depth < 5; err = (err as { cause?: unknown }).cause, depth++) {
    const o = err as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; code?: unknown } } };
    };
    if (typeof o.code === "string" && (UNAVAILABLE_PRISMA.has(o.code) || UNAVAILABLE_PG.test(o.code))) return true;
    const cause = o.meta?.driverAdapterError?.cause;
    if (cause && (UNAVAILABLE_KINDS.has(String(cause.kind)) || UNAVAILABLE_PG.test(String(cause.originalCode ?? cause.code ?? ""))))
      return true;
    if (typeof o.kind === "string" && UNAVAILABLE_KINDS.has(o.kind)) return true;
    if (typeof o.message === "string" && UNAVAILABLE_MESSAGE.test(o.message)) return true;
  }
  return false;
}

/** What every edge answers for a database outage (isDatabaseUnavailable). */
export const databaseUnavailable = () => new AppError("UNAVAILABLE", "服务暂不可用，请稍后再试");
