-- The governor's core (governor/_core.py) for RedisStore: one call of this script is one atomic
-- decision. It is the same algorithm, line for line where it can be. The core's answers to 40
-- recorded schedules (tests/data/governor_vectors.json) hold both to one description: the core
-- replays them everywhere, this script wherever Redis runs (tests/governor/test_vectors.py);
-- tests/governor/test_stores.py also plays random schedules through both and compares them.
--
-- KEYS: 1 egress hash (bucket, cooldown, sends per server minute), 2 leases zset (slots in flight
-- -> lease end), 3 frees zset (completed slots -> when they come back), 4 day hash (one account),
-- 5 clock hash (the server-clock bracket), 6 presence hash (process + egress -> its waiting
-- count, under a lease), 7 names hash (egress and day keys -> the names they stand for).
-- All share one hash tag: one Redis Cluster slot.
-- ARGV: 1 op, 2 now ('' = Redis TIME, the fleet's one clock), 3-13 the limits, 14 daily (0/1),
-- 15 presence field ('' = none: the process, a space, the egress key), 16 waiting count,
-- 17 presence lease (s), 18 egress name and 19 account name ('' = not to be named), then the
-- op's own: acquire: 20 reserve fraction, 21 horizon, 22 slot; release: 20 slot, 21 sent at,
-- 22 sent (0/1), 23 code (12 for a bare 429 too), 24 server Date (epoch s, '' if none), 25
-- Retry-After (s, capped; '' if none); reconcile: 20 used, 21 limit;
-- view: nothing.
-- Every number crosses as a string with microseconds ('%.6f'): Lua would truncate floats to
-- integers in replies.

local E, L, F, D, C, P, NAMES = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local op = ARGV[1]
local now
if ARGV[2] ~= '' then
  now = tonumber(ARGV[2])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local N, W, DAILY = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local BURST, PACE, MARGIN = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local COOLDOWN, LEASE, HEADROOM = tonumber(ARGV[9]), tonumber(ARGV[10]), tonumber(ARGV[11])
local GATE, TTL = ARGV[12] == '1', tonumber(ARGV[13])
local DAILY_ON = ARGV[14] == '1'
local RATE = N * PACE / W
local DAY = 86400
local EPSILON = 1e-9

local function num(x, default)
  if x == false or x == nil or x == '' then return default end
  return tonumber(x)
end
local function fmt(x)
  if x == nil then return '' end
  return string.format('%.6f', x)
end

-- the server's clock: offset = middle of [low, high], uncertainty = half its width
local clock = redis.call('HMGET', C, 'low', 'high')
local low, high = num(clock[1], nil), num(clock[2], nil)
local function offset() if low == nil then return 0 end return (low + high) / 2 end
local function uncertainty() if low == nil then return 0 end return (high - low) / 2 end

local function reset_at(t)
  local server = t + offset() - uncertainty()
  return (math.floor(server / DAY) + 1) * DAY - offset() + uncertainty()
end

-- the account's GMT day, rolled over when it surely has on the server's clock
local h = redis.call('HMGET', D, 'day', 'used', 'limit', 'closed_until', 'synced_at')
local day = {day = num(h[1], -1), used = num(h[2], 0), limit = num(h[3], DAILY),
             closed_until = num(h[4], nil), synced_at = num(h[5], nil)}
local function roll(t)
  local today = math.floor((t + offset() - uncertainty()) / DAY)
  if today ~= day.day then
    day.day, day.used, day.closed_until = today, 0, nil
  end
end
local function save_day(t)
  redis.call('HSET', D, 'day', day.day, 'used', day.used, 'limit', day.limit,
             'closed_until', fmt(day.closed_until), 'synced_at', fmt(day.synced_at))
  -- kept a day past its midnight (relative: the clock may be a test's)
  redis.call('PEXPIRE', D, math.floor((reset_at(t) + DAY - t) * 1000))
end

-- the egress: bucket, cooldown, sends and surely-done-within per server minute
local eg = {tokens = 1.0, refilled_at = nil, since = nil, cooldown_until = 0.0, throttled = 0}
local sends, done = {}, {}
local raw = redis.call('HGETALL', E)
for i = 1, #raw, 2 do
  local k, v = raw[i], raw[i + 1]
  -- sends and done-within per minute: 's' or 'd' and the minute's number
  local kind, m = string.sub(k, 1, 1), tonumber(string.sub(k, 2))
  if m ~= nil and kind == 's' then sends[m] = tonumber(v)
  elseif m ~= nil and kind == 'd' then done[m] = tonumber(v)
  elseif k == 'tokens' then eg.tokens = tonumber(v)
  elseif k == 'refilled_at' then eg.refilled_at = num(v, nil)
  elseif k == 'since' then eg.since = num(v, nil)
  elseif k == 'cooldown_until' then eg.cooldown_until = tonumber(v)
  elseif k == 'throttled' then eg.throttled = tonumber(v) end
end
local function save_egress()
  redis.call('HSET', E, 'tokens', fmt(eg.tokens), 'refilled_at', fmt(eg.refilled_at),
             'since', fmt(eg.since), 'cooldown_until', fmt(eg.cooldown_until),
             'throttled', eg.throttled)
  for _, key in ipairs({L, F}) do redis.call('PEXPIRE', key, TTL) end
  -- the egress hash outlives an idle spell (two days): its `since` is what lets a burst go
  redis.call('PEXPIRE', E, math.max(TTL, 2 * DAY * 1000))
end

local function purge(t)
  local expired = redis.call('ZRANGEBYSCORE', L, '-inf', fmt(t), 'WITHSCORES')
  for i = 1, #expired, 2 do
    -- a lease that ran out counts as completed then (its process died)
    redis.call('ZADD', F, 'GT', fmt(tonumber(expired[i + 1]) + W + MARGIN), expired[i])
    redis.call('ZREM', L, expired[i])
  end
  redis.call('ZREMRANGEBYSCORE', F, '-inf', fmt(t))
end

-- BURST, or once the state has seen a whole window (every request that can still count), as
-- many as the window has free: an idle window bursts, a filling one is paced
local function capacity(t)
  if eg.since ~= nil and t - eg.since >= W + MARGIN then
    purge(t)
    return math.max(BURST, N - redis.call('ZCARD', L) - redis.call('ZCARD', F))
  end
  return BURST
end

local function refill(t)
  if eg.refilled_at ~= nil and t > eg.refilled_at then
    eg.tokens = math.min(capacity(t), eg.tokens + (t - eg.refilled_at) * RATE)
  end
  if eg.refilled_at == nil or t > eg.refilled_at then eg.refilled_at = t end
end

-- the server's fixed minute at t, leaning late by the uncertainty (Core._minute)
local function minute(t)
  return math.floor((t + offset() + uncertainty()) / W)
end

local function counter_gate(t, m)
  local limit = N - HEADROOM
  local spill = (sends[m - 2] or 0) - (done[m - 2] or 0)
  local d = (done[m - 1] or 0) + spill
  local previous = (sends[m - 1] or 0) + spill
  local current = 0
  for k, n in pairs(sends) do if k >= m then current = current + n end end
  local fraction = math.min(1.0, math.max(0.0, (t + offset() - uncertainty()) / W - m))
  if d * (1 - fraction) + (previous - d) + current + 1 <= limit then return nil end
  local room = limit - 1 - (previous - d) - current
  local boundary = (m + 1) * W - offset() + uncertainty()
  if d <= 0 or room < 0 then return math.max(boundary, t + 1e-6) end
  local clear = (m + 1 - room / d) * W - offset() + uncertainty()
  return math.max(t + 1e-6, math.min(clear, boundary))
end

local function counter_wait(t)
  local early = math.floor((t + offset() - uncertainty()) / W)
  local late = minute(t)
  local a = counter_gate(t, early)
  local b = nil
  if late ~= early then b = counter_gate(t, late) end
  if a == nil then return b end
  if b == nil then return a end
  return math.max(a, b)
end

-- 'admit', at | 'wait', until | 'closed', reset_at, by_server (1/0)
local function decide(t, reserve, horizon)
  if DAILY_ON then
    roll(t)
    if day.closed_until ~= nil then return 'closed', day.closed_until, 1 end
    if day.used >= math.floor(day.limit * (1 - reserve)) then return 'closed', reset_at(t), 0 end
  end
  purge(t)
  local at = math.max(t, eg.cooldown_until)
  local frees = redis.call('ZCARD', F)
  local over = redis.call('ZCARD', L) + frees - N
  if over >= 0 then
    local soonest = t + W + MARGIN
    if over >= frees then return 'wait', soonest, 0 end
    local free = tonumber(redis.call('ZRANGE', F, over, over, 'WITHSCORES')[2])
    if free > t + horizon then return 'wait', math.min(free, soonest), 0 end
    at = math.max(at, free)
  end
  refill(t)
  if eg.tokens < 1.0 - EPSILON then
    at = math.max(at, t + math.max((1.0 - eg.tokens) / RATE, 1e-6))
  end
  if GATE then
    local held = false
    for _ = 1, 4 do
      local later = counter_wait(at)
      if later == nil then held = true break end
      at = later
    end
    if not held then return 'wait', at, 0 end
  end
  if at > t + horizon then return 'wait', at, 0 end
  return 'admit', at, 0
end

local function admit(t, at, slot)
  if eg.since == nil then eg.since = t end  -- from its first request, it sees every one
  refill(t)
  eg.tokens = eg.tokens - 1.0
  redis.call('ZADD', L, fmt(at + LEASE), slot)
  local m = minute(at)
  redis.call('HINCRBY', E, 's' .. m, 1)
  for k, _ in pairs(sends) do
    if k < m - 2 then redis.call('HDEL', E, 's' .. k, 'd' .. k) end
  end
  if DAILY_ON then day.used = day.used + 1 end
end

local function observe_date(stamp, completed, sent_at)
  local lo = stamp - completed
  local hi = stamp + 1 - (sent_at or (completed - 1))
  if low == nil or math.max(lo, low) > math.min(hi, high) then
    low, high = lo, hi
  else
    low, high = math.max(lo, low), math.min(hi, high)
  end
  redis.call('HSET', C, 'low', fmt(low), 'high', fmt(high))
  redis.call('EXPIRE', C, 7 * DAY)
end

local function complete(completed, slot, sent_at, sent, code, server_date, retry_after)
  if redis.call('ZREM', L, slot) == 0 then
    -- its lease ran out first: it is a completed slot already, and the server may have counted it
    sent = true
  end
  if sent_at ~= nil then
    local m = minute(sent_at)
    if sends[m] ~= nil then
      if not sent then redis.call('HINCRBY', E, 's' .. m, -1)
      elseif minute(completed) == m then redis.call('HINCRBY', E, 'd' .. m, 1) end
    end
  end
  if not sent then
    if DAILY_ON then
      roll(completed)
      day.used = math.max(0, day.used - 1)
    end
    return
  end
  redis.call('ZADD', F, 'GT', fmt(completed + W + MARGIN), slot)
  if server_date ~= nil then observe_date(server_date, completed, sent_at) end
  -- Outcome.cooldown: the cooldown after a code 12, at least what Retry-After asked
  local cooldown = retry_after or 0
  if code == 12 then
    eg.throttled = eg.throttled + 1
    cooldown = math.max(COOLDOWN, cooldown)
  end
  if cooldown > 0 then
    eg.cooldown_until = math.max(eg.cooldown_until, completed + cooldown)
  end
  if code == 11 then
    roll(completed)
    day.closed_until = reset_at(completed)
  end
end

-- who asks, for `governor status`: its waiting count under a lease, the limits it keeps, and
-- the names behind the hashed keys (kept two days, like the longest-lived key)
local function present(t)
  if ARGV[15] ~= '' then
    redis.call('HSET', P, ARGV[15], ARGV[16] .. ' ' .. fmt(t) .. ' ' .. fmt(t + tonumber(ARGV[17]))
               .. ' ' .. N .. ' ' .. fmt(W))
    redis.call('PEXPIRE', P, 2 * DAY * 1000)
  end
  if ARGV[18] ~= '' then redis.call('HSET', NAMES, E, ARGV[18]) end
  if ARGV[19] ~= '' then redis.call('HSET', NAMES, D, ARGV[19]) end
  redis.call('PEXPIRE', NAMES, 2 * DAY * 1000)
end

local kind, value, flag = 'ok', now, 0
if op == 'acquire' then
  kind, value, flag = decide(now, tonumber(ARGV[20]), tonumber(ARGV[21]))
  if kind == 'admit' then admit(now, value, ARGV[22]) end
  save_egress()
  if DAILY_ON then save_day(now) end
  present(now)
elseif op == 'release' then
  complete(now, ARGV[20], num(ARGV[21], nil), ARGV[22] == '1', num(ARGV[23], nil),
           num(ARGV[24], nil), num(ARGV[25], nil))
  save_egress()
  save_day(now)
  present(now)
elseif op == 'reconcile' then
  roll(now)
  day.used = math.max(day.used, tonumber(ARGV[20]))
  local limit = num(ARGV[21], 0)
  if limit > 0 then day.limit = limit end
  day.synced_at = now
  save_day(now)
  present(now)
end

-- the view, for statistics: as of this call
roll(now)
purge(now)
local in_flight = redis.call('ZCARD', L)
return {kind, fmt(value), tostring(flag), fmt(now), tostring(in_flight + redis.call('ZCARD', F)),
        tostring(in_flight), tostring(day.used), tostring(day.limit), fmt(reset_at(now)),
        day.closed_until and '1' or '0', fmt(eg.cooldown_until), tostring(eg.throttled),
        fmt(day.synced_at), fmt(offset())}
