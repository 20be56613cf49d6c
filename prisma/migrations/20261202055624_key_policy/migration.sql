-- Organisations run by COPA itself may hold system keys (lib/keys/policy.ts).
-- Hand-written as a plain ADD COLUMN (Prisma's diff proposed redefining the table):
-- SQLite adds a NOT NULL column with a constant default in place, without copying the
-- table that memberships, requests and keys point at.
ALTER TABLE "Organization" ADD COLUMN "copaRun" BOOLEAN NOT NULL DEFAULT false;
