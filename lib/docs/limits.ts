// Rate limits as the docs state them: COPA's published per-key limits, and the defaults
// this portal's sandbox actually runs with (an operator may configure others).
import "server-only";
import { getEnv } from "@/lib/env";

export const COPA_LIMITS = { hour: 1000, day: 10000 } as const;

export function sandboxDefaultLimits(): { hour: number; day: number } {
  try {
    const env = getEnv();
    return { hour: env.COPA_RATE_LIMIT_HOUR, day: env.COPA_RATE_LIMIT_DAY };
  } catch {
    return { ...COPA_LIMITS };
  }
}
