-- CreateTable
CREATE TABLE "LeakReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "apiKeyId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL,
    "withdrawnScopes" TEXT NOT NULL DEFAULT '[]',
    "releasedAt" DATETIME,
    "reporterId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LeakReport_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LeakSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'default',
    "action" TEXT NOT NULL DEFAULT 'revoke',
    "githubKeys" TEXT NOT NULL DEFAULT '[]',
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "LeakReport_createdAt_idx" ON "LeakReport"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LeakReport_apiKeyId_location_key" ON "LeakReport"("apiKeyId", "location");

