-- 在不联网的电脑上抽取: the supervisor may choose, at the commitment, to run the draw on an offline computer. The
-- offline program's result file (pool hash, random bytes, phrase, seed, orders) is verified on upload and kept here
-- until the draw task applies its seed; the draw then records which way it ran.
alter table draw_commitment add column offline boolean default false not null;
alter table expert_draw add column draw_mode varchar(10) default 'ONLINE' not null;

create table offline_draw_result (
  session_id    bigint        primary key references review_session (id),
  file_sha256   varchar(64)   not null,
  pool_sha256   varchar(64)   not null,
  random_hex    varchar(256)  not null,
  phrase        varchar(200)  not null,
  seed_hex      varchar(64)   not null,
  drawn_at      timestamp     not null,
  uploaded_by   varchar(64)   not null,
  uploaded_at   timestamp     not null
);
