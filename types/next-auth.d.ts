import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** The server-side Session row's id (not a credential: the signed cookie is). */
    sid?: string;
    /** When this session signed in (ms), for step-up freshness (lib/auth/step-up.ts). */
    authAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    /** When this session signed in (ms), for step-up freshness (lib/auth/step-up.ts). */
    authAt?: number;
  }
}
