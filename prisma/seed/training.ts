import type { SeedContext } from "./context";

/** Demo data of the training module; must be idempotent (a second run adds nothing). */
export async function seedTraining(ctx: SeedContext): Promise<void> {
  ctx.log("training: nothing to seed yet");
}
