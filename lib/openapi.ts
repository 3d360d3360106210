// The OpenAPI 3.1 document of API.md, assembled from one fragment per domain.
import { trainingPaths } from "@/lib/training/openapi";
import { medicalPaths } from "@/lib/medical/openapi";
import { benefitsPaths } from "@/lib/benefits/openapi";
import { authPaths } from "@/lib/auth/openapi";
import { leavePaths } from "@/lib/leave/openapi";
import { adminPaths } from "@/lib/users/openapi";
import { auditPaths } from "@/lib/audit/openapi";
import { notificationPaths } from "@/lib/notifications/openapi";
import { trainingToolPaths } from "@/lib/training/openapi-tools";
import { medicalToolPaths } from "@/lib/medical/openapi-tools";

import { R as commonResponses, type PathsObject } from "@/lib/openapi-parts";

const platformPaths: PathsObject = {
  "/api/health": {
    get: {
      summary: "Liveness and database check for load balancers (no sign-in)",
      security: [],
      responses: {
        200: {
          description: "the database answers",
          content: { "application/json": { schema: { type: "object", required: ["status"], properties: { status: { const: "ok" } } } } },
        },
        503: {
          description: "the database does not answer within a short time; nothing else is revealed",
          content: {
            "application/json": { schema: { type: "object", required: ["status"], properties: { status: { const: "unavailable" } } } },
          },
        },
      },
    },
  },
  "/api/v1/me": {
    get: {
      summary: "The signed-in user",
      responses: {
        200: { description: "me", content: { "application/json": { schema: { $ref: "#/components/schemas/Me" } } } },
        401: commonResponses[401],
        403: {
          description: "PASSWORD_CHANGE_REQUIRED is never answered here: /me stays readable during a forced change and a pending enrolment",
        },
      },
    },
  },
  "/api/v1/me/password": {
    post: {
      summary: "Change my own password (also during a forced change or a pending second-factor enrolment)",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["currentPassword", "newPassword", "confirmPassword"],
              properties: { currentPassword: { type: "string" }, newPassword: { type: "string" }, confirmPassword: { type: "string" } },
            },
          },
        },
      },
      responses: {
        200: {
          description: "changed; my other sessions end",
          content: { "application/json": { schema: { type: "object", properties: { ok: { type: "boolean" } } } } },
        },
        400: { description: "VALIDATION_FAILED (fields.newPassword: composition, common password, badge number, one of the last 5)" },
        401: commonResponses[401],
      },
    },
  },
  "/api/v1/openapi.json": {
    get: {
      summary: "This OpenAPI 3.1 document (public)",
      security: [],
      responses: { 200: { description: "the document", content: { "application/json": { schema: { type: "object" } } } } },
    },
  },
};

/** Fragments may describe other methods of the same path (GET in one, POST in another). */
function mergePaths(...fragments: PathsObject[]): PathsObject {
  const out: PathsObject = {};
  for (const f of fragments) for (const [path, ops] of Object.entries(f)) out[path] = { ...(out[path] ?? {}), ...ops };
  return out;
}

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "JingXin 暖警心 API",
      version: "1.0.0",
      description:
        "See API.md. Sign in with next-auth credentials (GET /api/auth/csrf, POST /api/auth/callback/credentials with csrfToken, badgeNo, password and — for accounts with the second factor — otp, a TOTP code or a recovery code); every call uses the session cookie. The callback answers 429 RATE_LIMITED when the client address made too many failed attempts and 503 UNAVAILABLE during a database outage. Every authenticated route may also answer 403 PASSWORD_CHANGE_REQUIRED or MFA_ENROLMENT_REQUIRED, 413 PAYLOAD_TOO_LARGE (JSON over 1 MiB) and 503 UNAVAILABLE.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "__Host-next-auth.session-token when served over https",
        },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "string" } },
              },
            },
          },
        },
        Me: {
          type: "object",
          properties: {
            id: { type: "string" },
            badgeNo: { type: "string" },
            name: { type: "string" },
            roles: { type: "array", items: { type: "string" } },
            unit: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
            mfa: {
              type: "object",
              description: "second factor: required by the security policy for one of the roles, and enrolled",
              properties: { required: { type: "boolean" }, enrolled: { type: "boolean" } },
            },
          },
        },
      },
    },
    security: [{ session: [] }],
    paths: mergePaths(
      platformPaths,
      trainingPaths,
      medicalPaths,
      benefitsPaths,
      authPaths,
      leavePaths,
      notificationPaths,
      trainingToolPaths,
      medicalToolPaths,
      adminPaths,
      auditPaths,
    ),
  };
}
