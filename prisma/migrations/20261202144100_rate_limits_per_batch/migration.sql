-- PostgreSQL only: copa_consume_rate_limits, the decisions of one event-loop turn in one
-- call (see prisma/postgresql/migrations). On SQLite the API's store already makes them in
-- one BEGIN IMMEDIATE transaction per event-loop turn; there is nothing to create here.
SELECT 1;
