import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** The server-side Session row's id (not a credential: the signed cookie is). */
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
