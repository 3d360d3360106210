import { apiRoute, created } from "@/lib/http/api";
import { startTotpEnrolment } from "@/lib/auth/mfa";

// Starts enrolment of the second factor: a pending base32 secret and its otpauth:// URL.
export const POST = apiRoute(async ({ actor }) => created(await startTotpEnrolment(actor)), { allowMfaEnrolment: true });
