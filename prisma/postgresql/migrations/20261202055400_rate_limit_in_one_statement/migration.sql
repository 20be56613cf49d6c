-- One rate-limit decision in one statement (lib/api/store/postgres.ts calls it).
--
-- A decision is read-check-increment over a key's minute and hour buckets, and must be
-- exact across every connection and every instance. It used to be a client-side
-- transaction holding an advisory lock for about six round trips; now the whole decision
-- runs inside the server: the lock is held for the microseconds this function runs and
-- released at its commit, and a request costs one round trip. In READ COMMITTED each
-- statement below takes a fresh snapshot, so after the lock is granted the sums include
-- every increment committed by the holder before.
--
-- Returns the usage before this request (the caller adds it), and on a refusal the
-- counted buckets (for Retry-After). The same call counts the request in the key's daily
-- usage (2xx when admitted, 429 when refused) and writes last-used when asked.
CREATE OR REPLACE FUNCTION copa_consume_rate_limit(
  p_key TEXT,
  p_hour_limit INTEGER,
  p_day_limit INTEGER,
  p_minute TIMESTAMP(3),
  p_hour TIMESTAMP(3),
  p_hour_from TIMESTAMP(3),
  p_day_from TIMESTAMP(3),
  p_usage_day TEXT,
  p_touch_at TIMESTAMP(3),
  p_touch_ip TEXT
) RETURNS TABLE (allowed BOOLEAN, hour_used BIGINT, hour_oldest TIMESTAMP(3), day_used BIGINT, day_oldest TIMESTAMP(3), buckets JSON)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_hour_used BIGINT;
  v_hour_oldest TIMESTAMP(3);
  v_day_used BIGINT;
  v_day_oldest TIMESTAMP(3);
  v_minute_count INTEGER;
  v_allowed BOOLEAN;
BEGIN
  -- "COPA" as a 32-bit integer: the namespace of rate-limit locks.
  PERFORM pg_advisory_xact_lock(1129271361, hashtext(p_key));

  SELECT COALESCE(SUM(b."count") FILTER (WHERE b."granularity" = 'm'), 0),
         MIN(b."bucketStart") FILTER (WHERE b."granularity" = 'm'),
         COALESCE(SUM(b."count") FILTER (WHERE b."granularity" = 'h'), 0),
         MIN(b."bucketStart") FILTER (WHERE b."granularity" = 'h')
    INTO v_hour_used, v_hour_oldest, v_day_used, v_day_oldest
    FROM "RateLimitBucket" b
   WHERE b."keyId" = p_key AND b."count" > 0
     AND ((b."granularity" = 'm' AND b."bucketStart" >= p_hour_from) OR (b."granularity" = 'h' AND b."bucketStart" >= p_day_from));

  v_allowed := v_hour_used < p_hour_limit AND v_day_used < p_day_limit;

  IF v_allowed THEN
    INSERT INTO "RateLimitBucket" ("keyId", "granularity", "bucketStart", "count") VALUES (p_key, 'm', p_minute, 1)
      ON CONFLICT ("keyId", "granularity", "bucketStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
      RETURNING "count" INTO v_minute_count;
    INSERT INTO "RateLimitBucket" ("keyId", "granularity", "bucketStart", "count") VALUES (p_key, 'h', p_hour, 1)
      ON CONFLICT ("keyId", "granularity", "bucketStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1;
    -- The first request of a minute also drops the buckets no window counts any more.
    IF v_minute_count = 1 THEN
      DELETE FROM "RateLimitBucket"
       WHERE "keyId" = p_key AND (("granularity" = 'm' AND "bucketStart" < p_hour_from) OR ("granularity" = 'h' AND "bucketStart" < p_day_from));
    END IF;
  END IF;

  IF p_usage_day IS NOT NULL THEN
    INSERT INTO "KeyUsageDaily" ("keyId", "day", "count2xx", "count4xx", "count429", "count5xx")
    VALUES (p_key, p_usage_day, CASE WHEN v_allowed THEN 1 ELSE 0 END, 0, CASE WHEN v_allowed THEN 0 ELSE 1 END, 0)
    ON CONFLICT ("keyId", "day") DO UPDATE SET
      "count2xx" = "KeyUsageDaily"."count2xx" + excluded."count2xx",
      "count429" = "KeyUsageDaily"."count429" + excluded."count429";
  END IF;
  IF p_touch_at IS NOT NULL THEN
    UPDATE "ApiKey" SET "lastUsedAt" = p_touch_at, "lastUsedIp" = p_touch_ip WHERE "id" = p_key;
  END IF;

  RETURN QUERY SELECT v_allowed, v_hour_used, v_hour_oldest, v_day_used, v_day_oldest,
    CASE WHEN v_allowed THEN NULL ELSE (
      SELECT json_agg(json_build_array(b."granularity", b."bucketStart", b."count"))
        FROM "RateLimitBucket" b
       WHERE b."keyId" = p_key AND b."count" > 0
         AND ((b."granularity" = 'm' AND b."bucketStart" >= p_hour_from) OR (b."granularity" = 'h' AND b."bucketStart" >= p_day_from))
    ) END;
END
$$;
