-- Who of the committee was present, per expert: at the pre-review training (TRAINING) and at the review and vote
-- (REVIEW). The vote needs the quorum present; absent experts may not vote later or by proxy.
create table expert_attendance (
  session_id   bigint      not null references review_session (id),
  expert_id    bigint      not null references expert (id),
  event        varchar(8)  not null,
  present      boolean     not null,
  recorded_by  varchar(64),
  recorded_at  timestamp   not null,
  primary key (session_id, expert_id, event)
);
