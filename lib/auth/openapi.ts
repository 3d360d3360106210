// OpenAPI fragment of the sign-in security routes (API.md "Sign-in security").
import { R, body, err, idParam, json, type PathsObject } from "@/lib/openapi-parts";

export const authPaths: PathsObject = {
  "/api/v1/me/mfa/totp": {
    post: {
      summary: "Start enrolling the TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s): a pending secret",
      responses: {
        201: json(
          {
            type: "object",
            required: ["secret", "otpauthUrl"],
            properties: {
              secret: { type: "string", description: "base32" },
              otpauthUrl: { type: "string", examples: ["otpauth://totp/…"] },
            },
          },
          "pending enrolment",
        ),
        401: R[401],
        403: err("PASSWORD_CHANGE_REQUIRED (change the password first)"),
        409: err("MFA_ALREADY_ENROLLED (the security administrator resets it)"),
      },
    },
  },
  "/api/v1/me/mfa/totp/confirm": {
    post: {
      summary: "Confirm enrolment with a current code: the factor is on; ten one-time recovery codes, shown once",
      requestBody: body({ type: "object", required: ["code"], properties: { code: { type: "string", pattern: "^\\d{6}$" } } }),
      responses: {
        200: json(
          {
            type: "object",
            required: ["recoveryCodes"],
            properties: { recoveryCodes: { type: "array", minItems: 10, maxItems: 10, items: { type: "string" } } },
          },
          "enrolled",
        ),
        400: err("VALIDATION_FAILED (fields.code: wrong or malformed code, or no enrolment started)"),
        401: R[401],
        409: err("MFA_ALREADY_ENROLLED"),
      },
    },
  },
  "/api/v1/admin/users/{id}/mfa": {
    delete: {
      summary: "Clear an account's second factor (SECURITY_ADMIN); it enrols again at its next sign-in, its sessions end",
      parameters: [idParam],
      responses: {
        200: json({ type: "object", properties: { ok: { type: "boolean" } } }),
        401: R[401],
        403: R[403],
        404: R[404],
        409: err("SELF_CHANGE"),
      },
    },
  },
  "/api/v1/benefits/exports/roster": {
    post: {
      summary: "Roster with full ID numbers (HR): a reason and step-up (password, and the TOTP where enrolled); at most 3 an hour; audited",
      requestBody: body({
        type: "object",
        required: ["reason", "password"],
        properties: {
          reason: { type: "string", minLength: 4, maxLength: 200 },
          password: { type: "string" },
          otp: { type: "string", description: "TOTP code or a recovery code (accounts with a second factor)" },
          format: { type: "string", enum: ["xlsx", "csv"] },
          q: { type: "string" },
          unitId: { type: "string" },
          post: { type: "string", enum: ["DUTY", "CIVILIAN"] },
          level: { type: "integer" },
          status: { type: "string", enum: ["ACTIVE", "LEFT"] },
          hireYear: { type: "integer" },
        },
      }),
      responses: {
        200: { description: "the file (xlsx or csv)" },
        400: err("VALIDATION_FAILED (fields.reason, fields.password, fields.otp)"),
        401: R[401],
        403: R[403],
        429: err("RATE_LIMITED (3 full exports an hour, or 5 failed step-ups in 15 minutes)"),
      },
    },
  },
};
