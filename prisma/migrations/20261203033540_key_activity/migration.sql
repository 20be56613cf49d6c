-- CreateTable
CREATE TABLE "KeyCallHour" (
    "keyId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("keyId", "hour"),
    CONSTRAINT "KeyCallHour_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KeyClientIp" (
    "keyId" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("keyId", "ip"),
    CONSTRAINT "KeyClientIp_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KeyScopeUse" (
    "keyId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "lastUsedAt" DATETIME NOT NULL,

    PRIMARY KEY ("keyId", "scope"),
    CONSTRAINT "KeyScopeUse_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "KeyCallHour_hour_idx" ON "KeyCallHour"("hour");

-- CreateIndex
CREATE INDEX "KeyClientIp_keyId_lastSeenAt_idx" ON "KeyClientIp"("keyId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "KeyClientIp_lastSeenAt_idx" ON "KeyClientIp"("lastSeenAt");

