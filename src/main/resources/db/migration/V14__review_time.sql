-- 合理安排评审时间: the actual start and end of each review group's review, as recorded by staff. Re-recording
-- replaces the session's rows whole.
create table review_group_time (
  session_id    bigint        not null references review_session (id),
  group_name    varchar(100)  not null,
  started_at    timestamp     not null,
  ended_at      timestamp     not null,
  recorded_by   varchar(64)   not null,
  recorded_at   timestamp     not null,
  primary key (session_id, group_name)
);
