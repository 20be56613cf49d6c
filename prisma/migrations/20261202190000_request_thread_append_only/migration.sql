-- A request's thread (its messages, edits and decisions, shown to the partner and the
-- admins) is append-only like the audit log: no UPDATE or DELETE of a "RequestEvent" row
-- succeeds, whatever the caller. Written by hand (Prisma does not generate triggers); a
-- future migration that redefines "RequestEvent" drops them with the table and must create
-- them again (tests/integration/nothing-lost.test.ts would fail).
CREATE TRIGGER "RequestEvent_append_only_update" BEFORE UPDATE ON "RequestEvent"
BEGIN
    SELECT RAISE(ABORT, 'RequestEvent is append-only: UPDATE refused');
END;

CREATE TRIGGER "RequestEvent_append_only_delete" BEFORE DELETE ON "RequestEvent"
BEGIN
    SELECT RAISE(ABORT, 'RequestEvent is append-only: DELETE refused');
END;
