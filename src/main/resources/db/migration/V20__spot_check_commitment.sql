-- The spot-check as reproducible as the expert draw (commit, then reveal): before the approver sets the ratio, the
-- system fixes the pool (the passed applicants' numbers, sorted, one per line) and 32 random bytes, and shows only
-- their SHA-256. The approver adds a phrase; seed = SHA-256(random bytes || phrase). After the draw the random bytes,
-- the phrase and the seed are revealed on the record and through /api, and anyone recomputes the sample.
create table spot_check_commitment (
  session_id     bigint          not null references review_session (id),
  attempt        integer         not null,
  pool           varchar(200000) not null,
  pool_sha256    varchar(64)     not null,
  random_hex     varchar(64)     not null,
  random_sha256  varchar(64)     not null,
  committed_at   timestamp       not null,
  primary key (session_id, attempt)
);

alter table spot_check add column phrase varchar(200);
