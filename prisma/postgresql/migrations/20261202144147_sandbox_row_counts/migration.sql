-- CreateTable
CREATE TABLE "SandboxTableCount" (
    "table" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,

    CONSTRAINT "SandboxTableCount_pkey" PRIMARY KEY ("table")
);


-- Hand-written (Prisma does not generate triggers): each sandbox table's row count, kept
-- exact in the same transaction as every insert, delete and truncate. Statement-level
-- triggers with transition tables: a bulk insert or a cascade updates the count once per
-- statement, not once per row. Concurrent writers of one table queue on its count row
-- until they commit, which the sandbox's rare writes afford. pg_dump restores the counts
-- with the data and creates the triggers after it, so a restore stays exact.
INSERT INTO "SandboxTableCount" ("table", "rows")
SELECT 'Cooperative', COUNT(*) FROM "Cooperative" UNION ALL
SELECT 'Member', COUNT(*) FROM "Member" UNION ALL
SELECT 'Loan', COUNT(*) FROM "Loan" UNION ALL
SELECT 'Payment', COUNT(*) FROM "Payment";

CREATE FUNCTION copa_count_inserted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SandboxTableCount" SET "rows" = "rows" + (SELECT COUNT(*) FROM inserted) WHERE "table" = TG_TABLE_NAME;
  RETURN NULL;
END
$$;

CREATE FUNCTION copa_count_deleted() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SandboxTableCount" SET "rows" = "rows" - (SELECT COUNT(*) FROM deleted) WHERE "table" = TG_TABLE_NAME;
  RETURN NULL;
END
$$;

CREATE FUNCTION copa_count_truncated() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SandboxTableCount" SET "rows" = 0 WHERE "table" = TG_TABLE_NAME;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Cooperative_count_insert" AFTER INSERT ON "Cooperative" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION copa_count_inserted();
CREATE TRIGGER "Cooperative_count_delete" AFTER DELETE ON "Cooperative" REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION copa_count_deleted();
CREATE TRIGGER "Cooperative_count_truncate" AFTER TRUNCATE ON "Cooperative" FOR EACH STATEMENT EXECUTE FUNCTION copa_count_truncated();
CREATE TRIGGER "Member_count_insert" AFTER INSERT ON "Member" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION copa_count_inserted();
CREATE TRIGGER "Member_count_delete" AFTER DELETE ON "Member" REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION copa_count_deleted();
CREATE TRIGGER "Member_count_truncate" AFTER TRUNCATE ON "Member" FOR EACH STATEMENT EXECUTE FUNCTION copa_count_truncated();
CREATE TRIGGER "Loan_count_insert" AFTER INSERT ON "Loan" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION copa_count_inserted();
CREATE TRIGGER "Loan_count_delete" AFTER DELETE ON "Loan" REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION copa_count_deleted();
CREATE TRIGGER "Loan_count_truncate" AFTER TRUNCATE ON "Loan" FOR EACH STATEMENT EXECUTE FUNCTION copa_count_truncated();
CREATE TRIGGER "Payment_count_insert" AFTER INSERT ON "Payment" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION copa_count_inserted();
CREATE TRIGGER "Payment_count_delete" AFTER DELETE ON "Payment" REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION copa_count_deleted();
CREATE TRIGGER "Payment_count_truncate" AFTER TRUNCATE ON "Payment" FOR EACH STATEMENT EXECUTE FUNCTION copa_count_truncated();
