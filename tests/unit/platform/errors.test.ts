import { AppError, statusOf, type ErrorCode } from "@/lib/errors";

describe("the error catalogue", () => {
  it("gives each code its one status", () => {
    expect(new AppError("VALIDATION_FAILED", "x").status).toBe(400);
    expect(new AppError("NOT_FOUND", "x").status).toBe(404);
    expect(new AppError("SLOT_FULL", "x").status).toBe(409);
    expect(new AppError("PEER_ADMIN", "x").status).toBe(403);
    expect(statusOf("UNAVAILABLE")).toBe(503);
  });

  it("answers NOT_IN_AUDIENCE 403 wherever it is thrown", () => {
    expect(statusOf("NOT_IN_AUDIENCE")).toBe(403);
  });

  it("refuses an unlisted code at compile time", () => {
    // @ts-expect-error: a code outside the catalogue does not type-check (tsc fails if it does)
    const code: ErrorCode = "SOMETHING_NEW";
    expect(code).toBe("SOMETHING_NEW");
  });
});
