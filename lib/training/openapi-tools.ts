import { type PathsObject, R, json, body, idParam } from "@/lib/openapi-parts";

// OpenAPI paths of the lecture-hall tools from the product-depth issue (copy/repeat, mark all
// present), kept beside lib/training/openapi.ts so the two can change independently.
const T = ["training"];

export const trainingToolPaths: PathsObject = {
  "/api/v1/training/sessions/{id}/copy": {
    post: {
      tags: T,
      summary: "Copy a session, or repeat it weekly or monthly, as drafts (TRAINING_ADMIN)",
      parameters: [idParam],
      requestBody: body({
        type: "object",
        properties: {
          every: { enum: ["NONE", "WEEK", "MONTH"], default: "NONE", description: "NONE: one copy at the same time, titled （副本）" },
          count: { type: "integer", minimum: 1, maximum: 52, default: 1, description: "≤ 24 for MONTH; 1 for NONE" },
        },
      }),
      responses: {
        201: json(
          { type: "object", properties: { items: { type: "array", items: { type: "object" } }, total: { type: "integer" } } },
          "the new drafts",
        ),
        400: R[400],
        401: R[401],
        403: R[403],
        404: R[404],
      },
    },
  },
  "/api/v1/training/sessions/{id}/attendance/all-present": {
    post: {
      tags: T,
      summary: "Mark every enrolled person not yet marked as present (TRAINING_ADMIN or the session's LECTURER)",
      parameters: [idParam],
      responses: {
        200: json({ type: "object", properties: { marked: { type: "integer" } } }),
        401: R[401],
        403: R[403],
        404: R[404],
        409: R[409],
      },
    },
  },
};
