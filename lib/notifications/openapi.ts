import { type PathsObject, R, pageParams, json, idParam, time } from "@/lib/openapi-parts";

// OpenAPI paths of the in-app notifications (the bell): only ever the caller's own.
const T = ["notifications"];
const notification = {
  type: "object",
  required: ["id", "kind", "title", "body", "link", "read", "readAt", "createdAt"],
  properties: {
    id: { type: "string" },
    kind: { type: "string", description: "dotted code, e.g. training.promoted, medical.reminder, leave.decided" },
    title: { type: "string", description: "zh-CN" },
    body: { type: "string", description: "zh-CN" },
    titleEn: { type: ["string", "null"], description: "English text, null when the notice was written in Chinese only" },
    bodyEn: { type: ["string", "null"] },
    link: { type: ["string", "null"], description: "a path of this site" },
    read: { type: "boolean" },
    readAt: { oneOf: [time, { type: "null" }] },
    createdAt: time,
  },
};
const list = {
  type: "object",
  properties: {
    items: { type: "array", items: notification },
    total: { type: "integer" },
    page: { type: "integer" },
    pageSize: { type: "integer" },
  },
};

export const notificationPaths: PathsObject = {
  "/api/v1/notifications": {
    get: {
      tags: T,
      summary: "My notifications, newest first",
      parameters: [{ name: "unread", in: "query", description: "true: unread only", schema: { type: "boolean" } }, ...pageParams],
      responses: { 200: json(list), 400: R[400], 401: R[401] },
    },
  },
  "/api/v1/notifications/{id}/read": {
    post: {
      tags: T,
      summary: "Mark one of my notifications read (idempotent)",
      parameters: [idParam],
      responses: { 200: json(notification), 401: R[401], 403: R[403], 404: R[404] },
    },
  },
  "/api/v1/notifications/read-all": {
    post: {
      tags: T,
      summary: "Mark all my notifications read",
      responses: {
        200: json({ type: "object", properties: { marked: { type: "integer" }, unread: { type: "integer" } } }),
        401: R[401],
        403: R[403],
      },
    },
  },
};
