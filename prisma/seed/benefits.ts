import type { SeedContext } from "./context";

/** Demo data of the benefits module; must be idempotent (a second run adds nothing). */
export async function seedBenefits(ctx: SeedContext): Promise<void> {
  ctx.log("benefits: nothing to seed yet");
}
