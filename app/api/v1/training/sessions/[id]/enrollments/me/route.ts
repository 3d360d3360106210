import { apiRoute } from "@/lib/http/api";
import { cancelMyEnrollment } from "@/lib/training/enrolment";

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => cancelMyEnrollment(actor, params.id));
