import type { db } from "@/lib/db";

export type SeedUnit = { id: string; code: string; name: string; path: string };
export type SeedUser = { id: string; badgeNo: string; name: string; unitId: string; roles: string[] };

/** What the platform seed hands to each domain's demo seed. Every domain seed is idempotent. */
export type SeedContext = {
  db: typeof db;
  units: Record<string, SeedUnit>;
  users: Record<string, SeedUser>;
  /** "now" for the demo: sessions and slots are placed relative to it. */
  now: Date;
  log: (msg: string) => void;
};
