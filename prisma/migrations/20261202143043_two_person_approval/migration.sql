-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN "firstApprovedAt" DATETIME;
ALTER TABLE "AccessRequest" ADD COLUMN "firstApprovedById" TEXT;
ALTER TABLE "AccessRequest" ADD COLUMN "proposal" TEXT;

-- AlterTable
ALTER TABLE "ScopeChange" ADD COLUMN "firstApprovedAt" DATETIME;
ALTER TABLE "ScopeChange" ADD COLUMN "firstApprovedById" TEXT;

-- CreateTable
CREATE TABLE "ReviewSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'default',
    "twoPersonProductionWrite" BOOLEAN NOT NULL DEFAULT true,
    "twoPersonSystem" BOOLEAN NOT NULL DEFAULT true,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

