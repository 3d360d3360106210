// One error type for the whole domain layer; the edges (API routes, server actions, pages)
// map its code to an HTTP status or a form message in one place each.
export type ErrorCode =
  | "VALIDATION_FAILED"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "RATE_LIMITED"
  | "PASSWORD_CHANGE_REQUIRED"
  | "MFA_ENROLMENT_REQUIRED"
  | "UNAVAILABLE"
  | "CONFLICT"
  | (string & {});

const STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  IMPORT_REJECTED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  MFA_ENROLMENT_REQUIRED: 403,
  STEP_UP_REQUIRED: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: Record<string, string>;
  readonly extra?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { status?: number; fields?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    // Any code not listed is a domain conflict (ALREADY_ENROLLED, SLOT_FULL, …): 409.
    this.status = opts.status ?? STATUS[code] ?? 409;
    this.fields = opts.fields;
    this.extra = opts.extra;
  }
}

export const notFound = (what = "记录") => new AppError("NOT_FOUND", `${what}不存在`);
export const forbidden = (message = "没有权限执行此操作") => new AppError("FORBIDDEN", message);
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "请先登录");

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
