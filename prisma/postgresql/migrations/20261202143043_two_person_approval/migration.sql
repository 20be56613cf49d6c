-- AlterTable
ALTER TABLE "AccessRequest" ADD COLUMN     "firstApprovedAt" TIMESTAMP(3),
ADD COLUMN     "firstApprovedById" TEXT,
ADD COLUMN     "proposal" TEXT;

-- AlterTable
ALTER TABLE "ScopeChange" ADD COLUMN     "firstApprovedAt" TIMESTAMP(3),
ADD COLUMN     "firstApprovedById" TEXT;

-- CreateTable
CREATE TABLE "ReviewSettings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "twoPersonProductionWrite" BOOLEAN NOT NULL DEFAULT true,
    "twoPersonSystem" BOOLEAN NOT NULL DEFAULT true,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewSettings_pkey" PRIMARY KEY ("id")
);

