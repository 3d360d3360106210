import type { PathsObject } from "@/lib/openapi";

// OpenAPI paths of the training part of API.md.
export const trainingPaths: PathsObject = {};
