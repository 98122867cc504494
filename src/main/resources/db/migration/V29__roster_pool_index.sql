-- The draw and its commitment read a session's active experts in code order. With status in the index the rows
-- come out of the index already filtered and ordered, so PostgreSQL needs no sort even before autovacuum has
-- gathered statistics on a roster imported minutes ago (without them it sorted 100,000 rows on disk).
create index expert_pool_order on expert (session_id, status, code_rank);
drop index expert_session_code_rank;
