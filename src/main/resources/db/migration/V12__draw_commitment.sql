-- The draw's commitment: before the draw the supervisor sees the SHA-256 of the eligible pool and of the server's
-- random bytes, then types a phrase; the seed is SHA-256(random bytes || phrase). After the draw both are revealed,
-- so anyone can check the commitment and recompute the draw.
create table draw_commitment (
  session_id         bigint        primary key references review_session (id),
  pool_sha256        varchar(64)   not null,
  random_hex         varchar(64)   not null,
  random_sha256      varchar(64)   not null,
  committed_at       timestamp     not null,
  phrase             varchar(200),
  confirmed_by       varchar(64),
  confirmed_at       timestamp
);
