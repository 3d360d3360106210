import type { SeedContext } from "./context";

/** Demo data of the medical module; must be idempotent (a second run adds nothing). */
export async function seedMedical(ctx: SeedContext): Promise<void> {
  ctx.log("medical: nothing to seed yet");
}
