-- Organisations run by COPA itself may hold system keys (lib/keys/policy.ts).
ALTER TABLE "Organization" ADD COLUMN "copaRun" BOOLEAN NOT NULL DEFAULT false;
