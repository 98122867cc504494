-- The approving unit's spot-check (抽查复核) before it confirms results: a reproducible random sample of the
-- passed applicants, and a finding per sampled applicant. attempt counts spot-checks of the same session.
create table spot_check (
  session_id     bigint      not null references review_session (id),
  attempt        integer     not null,
  ratio_percent  integer     not null,
  seed_hex       varchar(64) not null,
  pool_size      integer     not null,
  drawn_by       varchar(64),
  drawn_at       timestamp   not null,
  primary key (session_id, attempt)
);

create table spot_check_item (
  session_id    bigint        not null references review_session (id),
  attempt       integer       not null,
  applicant_id  bigint        not null references applicant (id),
  sample_order  integer       not null,
  problem       boolean,
  note          varchar(1000),
  recorded_by   varchar(64),
  recorded_at   timestamp,
  primary key (session_id, attempt, applicant_id)
);
