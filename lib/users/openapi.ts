// OpenAPI fragment of the administration routes (API.md "Administration (三员分立 …)").
import { R, body, err, idParam, json, pageParams, type PathsObject } from "@/lib/openapi-parts";

const ROLE_ENUM = [
  "OFFICER",
  "AUXILIARY",
  "UNIT_LEAD",
  "LECTURER",
  "TRAINING_ADMIN",
  "MEDICAL_LIAISON",
  "HR",
  "SYS_ADMIN",
  "SECURITY_ADMIN",
  "AUDIT_ADMIN",
];
const unitRef = { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } };
const user = {
  type: "object",
  required: ["id", "badgeNo", "name", "roles", "unit", "active", "mfaEnrolled"],
  properties: {
    id: { type: "string" },
    badgeNo: { type: "string" },
    name: { type: "string" },
    roles: { type: "array", items: { type: "string", enum: ROLE_ENUM } },
    unit: unitRef,
    active: { type: "boolean" },
    mfaEnrolled: { type: "boolean", description: "the TOTP second factor is enrolled" },
    locked: { type: "boolean" },
    mustChangePassword: { type: "boolean" },
    createdAt: { type: "string", format: "date-time" },
  },
};
const rowErrors = {
  description:
    "IMPORT_REJECTED: every bad row, nothing written (or VALIDATION_FAILED with fields.file: unreadable, wrong columns, too large)",
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: {
          error: {
            type: "object",
            properties: {
              code: { type: "string", enum: ["IMPORT_REJECTED", "VALIDATION_FAILED"] },
              message: { type: "string" },
              rows: {
                type: "array",
                items: { type: "object", properties: { row: { type: "integer" }, message: { type: "string" } } },
              },
              fields: { type: "object", additionalProperties: { type: "string" } },
            },
          },
        },
      },
    },
  },
};

export const adminPaths: PathsObject = {
  "/api/v1/admin/units": {
    get: {
      summary: "The unit tree (SYS_ADMIN, SECURITY_ADMIN), parents before children",
      responses: {
        200: json({
          type: "array",
          items: {
            type: "object",
            properties: {
              id: { type: "string" },
              name: { type: "string" },
              parentId: { type: ["string", "null"] },
              code: { type: "string" },
              kind: { type: "string" },
            },
          },
        }),
        401: R[401],
        403: R[403],
      },
    },
  },
  "/api/v1/admin/users": {
    get: {
      summary: "Accounts (SYS_ADMIN, SECURITY_ADMIN)",
      parameters: [
        { name: "q", in: "query", description: "badge number or name", schema: { type: "string" } },
        { name: "unitId", in: "query", schema: { type: "string" } },
        { name: "role", in: "query", schema: { type: "string", enum: ROLE_ENUM } },
        { name: "status", in: "query", schema: { type: "string", enum: ["active", "disabled", "locked"] } },
        ...pageParams,
      ],
      responses: {
        200: json({
          type: "object",
          properties: {
            items: { type: "array", items: user },
            total: { type: "integer" },
            page: { type: "integer" },
            pageSize: { type: "integer" },
          },
        }),
        401: R[401],
        403: R[403],
      },
    },
    post: {
      summary: "Create an identity (SYS_ADMIN): roles OFFICER or AUXILIARY only; a one-time password, changed at first sign-in",
      requestBody: body({
        type: "object",
        required: ["badgeNo", "name", "unitId", "roles"],
        properties: {
          badgeNo: { type: "string", pattern: "^[A-Z0-9]{4,16}$" },
          name: { type: "string", maxLength: 40 },
          unitId: { type: "string" },
          roles: { type: "array", minItems: 1, items: { type: "string", enum: ["OFFICER", "AUXILIARY"] } },
        },
      }),
      responses: {
        201: json(
          { allOf: [user, { type: "object", required: ["initialPassword"], properties: { initialPassword: { type: "string" } } }] },
          "created",
        ),
        400: err("VALIDATION_FAILED (fields.badgeNo: taken or malformed, fields.unitId, fields.roles)"),
        401: R[401],
        403: err("ROLE_GRANT_FORBIDDEN (any role but OFFICER/AUXILIARY: authorisation is the security administrator's) or FORBIDDEN"),
      },
    },
  },
  "/api/v1/admin/users/{id}/roles": {
    put: {
      summary:
        "Set an account's roles (SECURITY_ADMIN) with step-up: the caller's password, and its TOTP code (or a recovery code) when enrolled. Never the three administrator roles, never an administrator account, never one's own; audited",
      parameters: [idParam],
      requestBody: body({
        type: "object",
        required: ["roles", "password"],
        properties: {
          roles: {
            type: "array",
            minItems: 1,
            items: { type: "string", enum: ROLE_ENUM.filter((r) => !r.endsWith("_ADMIN") || r === "TRAINING_ADMIN") },
          },
          password: { type: "string", description: "step-up: the caller's own password (required; without it 403 STEP_UP_REQUIRED)" },
          otp: { type: "string", description: "step-up: TOTP code or a recovery code, required when the caller has a second factor" },
        },
      }),
      responses: {
        200: json(user, "the account with its new roles (effective on its next request)"),
        400: err("VALIDATION_FAILED (fields.roles, or fields.password / fields.otp: the step-up answer is wrong)"),
        401: R[401],
        403: err(
          "ROLE_GRANT_FORBIDDEN (an administrator role, an administrator account, or oneself), STEP_UP_REQUIRED (no password given) or FORBIDDEN",
        ),
        404: R[404],
        409: err(
          "INITIAL_PASSWORD_PENDING: a role needing the second factor for an account still on the one-time password the system administrator handed out",
        ),
        429: err("RATE_LIMITED (5 failed step-ups in 15 minutes)"),
      },
    },
  },
  "/api/v1/admin/users/{id}/reset-password": {
    post: {
      summary:
        "A new one-time password (SYS_ADMIN); open sessions end; the second factor stays, so the password alone does not sign in to an enrolled account",
      parameters: [idParam],
      responses: {
        200: json({ type: "object", required: ["initialPassword"], properties: { initialPassword: { type: "string" } } }),
        401: R[401],
        403: err(
          "PEER_ADMIN (a security or audit administrator), MFA_NOT_ENROLLED (the account must use a second factor and has none yet: the security administrator removes the role first) or FORBIDDEN",
        ),
        404: R[404],
      },
    },
  },
  "/api/v1/admin/users/{id}/disable": {
    post: {
      summary: "Disable an account (SYS_ADMIN): it cannot sign in, its sessions end at once; audited",
      parameters: [idParam],
      responses: {
        200: json(user),
        401: R[401],
        403: err("PEER_ADMIN or FORBIDDEN"),
        404: R[404],
        409: err("SELF_CHANGE (one's own account)"),
      },
    },
  },
  "/api/v1/admin/users/import": {
    post: {
      summary:
        "Create 民警/辅警 accounts from a sheet (SYS_ADMIN): all or none. Columns badgeNo 警号, name 姓名, unit 单位 (code or exact name), kind 类别 (OFFICER 民警 / AUXILIARY 辅警); at most 10,000 rows, 10 MB",
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: { file: { type: "string", format: "binary", description: ".xlsx or .csv" } },
            },
          },
        },
      },
      responses: {
        201: json(
          {
            type: "object",
            required: ["created"],
            properties: {
              created: { type: "integer" },
              importId: { type: "string" },
              passwordsUrl: { type: "string", description: "POST it once for the initial passwords (.xlsx)" },
            },
          },
          "created",
        ),
        400: rowErrors,
        401: R[401],
        403: R[403],
      },
    },
  },
  "/api/v1/admin/units/import": {
    post: {
      summary:
        "Create units from a sheet (SYS_ADMIN): all or none. Columns code 代码, name 名称, parent 上级 (optional: the code of an existing unit or of another row, in any order), kind 类别 (BUREAU 分局 / STATION 派出所 / BRIGADE 大队 / TEAM 警务团队); cycles, unknown parents, duplicate or existing codes are bad rows; at most 10,000 rows, 10 MB",
      parameters: [
        {
          name: "dryRun",
          in: "query",
          required: false,
          schema: { type: "boolean" },
          description: "true: 200 with the preview, nothing written",
        },
      ],
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: { file: { type: "string", format: "binary", description: ".xlsx or .csv" } },
            },
          },
        },
      },
      responses: {
        200: json(
          {
            type: "object",
            properties: {
              count: { type: "integer" },
              rows: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    row: { type: "integer" },
                    code: { type: "string" },
                    name: { type: "string" },
                    parentCode: { type: "string", nullable: true },
                    kind: { type: "string", nullable: true },
                    errors: { type: "array", items: { type: "string" } },
                  },
                },
              },
              errors: { type: "array", items: { type: "object", properties: { row: { type: "integer" }, message: { type: "string" } } } },
            },
          },
          "the preview (dryRun=true)",
        ),
        201: json({ type: "object", required: ["created"], properties: { created: { type: "integer" } } }, "created"),
        400: rowErrors,
        401: R[401],
        403: R[403],
      },
    },
  },
  "/api/v1/admin/users/imports/{id}/passwords": {
    post: {
      summary: "The initial passwords of one's own import as .xlsx, once (SYS_ADMIN): the stored copy is erased by this call; audited",
      parameters: [idParam],
      responses: {
        200: { description: "the .xlsx file", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {} } },
        401: R[401],
        403: R[403],
        404: err("NOT_FOUND (no such import, or another administrator's)"),
        410: err("ALREADY_DOWNLOADED"),
      },
    },
  },
};
