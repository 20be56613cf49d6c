import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
    /** When this session signed in (ms), for step-up freshness (lib/auth/step-up.ts). */
    authAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** When this session signed in (ms), for step-up freshness (lib/auth/step-up.ts). */
    authAt?: number;
  }
}
