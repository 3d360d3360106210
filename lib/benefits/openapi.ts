import type { PathsObject } from "@/lib/openapi";

// OpenAPI paths of the benefits part of API.md.
export const benefitsPaths: PathsObject = {};
