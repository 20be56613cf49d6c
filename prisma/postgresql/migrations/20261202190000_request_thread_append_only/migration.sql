-- A request's thread (its messages, edits and decisions, shown to the partner and the
-- admins) is append-only like the audit log: no UPDATE, DELETE or TRUNCATE of
-- "RequestEvent" succeeds, whatever the caller. Written by hand (Prisma does not generate
-- triggers), and tests/integration/nothing-lost.test.ts proves the refusal.
-- Prisma's pg adapter runs a migration by splitting it at every semicolon, so the function
-- body is an E'' string whose one semicolon is written \073, and no comment here has one.
CREATE FUNCTION "request_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN RAISE EXCEPTION ''RequestEvent is append-only: % refused'', TG_OP USING ERRCODE = ''restrict_violation''\073 END';

CREATE TRIGGER "RequestEvent_append_only" BEFORE UPDATE OR DELETE ON "RequestEvent"
    FOR EACH ROW EXECUTE FUNCTION "request_event_append_only"();

CREATE TRIGGER "RequestEvent_append_only_truncate" BEFORE TRUNCATE ON "RequestEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "request_event_append_only"();
