-- PostgreSQL only: copa_consume_rate_limit (see prisma/postgresql/migrations). On SQLite
-- the API's store makes the same decision in one BEGIN IMMEDIATE transaction per
-- event-loop turn; there is nothing to create here.
SELECT 1;
