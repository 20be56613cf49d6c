-- CreateTable
CREATE TABLE "ApiAuthFailure" (
    "ip" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("ip", "windowStart")
);

-- CreateIndex
CREATE INDEX "ApiAuthFailure_windowStart_idx" ON "ApiAuthFailure"("windowStart");

