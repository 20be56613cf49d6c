-- CreateTable
CREATE TABLE "LeakReport" (
    "id" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL,
    "withdrawnScopes" TEXT NOT NULL DEFAULT '[]',
    "releasedAt" TIMESTAMP(3),
    "reporterId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeakReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeakSettings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "action" TEXT NOT NULL DEFAULT 'revoke',
    "githubKeys" TEXT NOT NULL DEFAULT '[]',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeakSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LeakReport_createdAt_idx" ON "LeakReport"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LeakReport_apiKeyId_location_key" ON "LeakReport"("apiKeyId", "location");

-- AddForeignKey
ALTER TABLE "LeakReport" ADD CONSTRAINT "LeakReport_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

