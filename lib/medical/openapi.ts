import type { PathsObject } from "@/lib/openapi";

// OpenAPI paths of the medical part of API.md.
export const medicalPaths: PathsObject = {};
