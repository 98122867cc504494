-- The gates and the record read a session's votes, recheck findings and readers whole. Keyed by applicant alone,
-- each read reached them through the session's 2,000 applicants, one index probe each: 2–5 ms in PostgreSQL for a
-- session whose rows the planner has no statistics for yet, 1–2 ms with them. With the session on the row, the
-- read is one index range (0.3–0.6 ms), whatever the statistics.
-- The copy cannot drift: a composite foreign key makes a row's session its applicant's session.
alter table applicant add constraint applicant_id_session unique (id, session_id);

alter table vote_result add column session_id bigint;
update vote_result v set session_id = (select a.session_id from applicant a where a.id = v.applicant_id);
alter table vote_result alter column session_id set not null;
alter table vote_result add constraint vote_result_applicant_session
  foreign key (applicant_id, session_id) references applicant (id, session_id);
create index vote_result_session on vote_result (session_id);

alter table recheck_finding add column session_id bigint;
update recheck_finding f set session_id = (select a.session_id from applicant a where a.id = f.applicant_id);
alter table recheck_finding alter column session_id set not null;
alter table recheck_finding add constraint recheck_finding_applicant_session
  foreign key (applicant_id, session_id) references applicant (id, session_id);
create index recheck_finding_session on recheck_finding (session_id);

alter table applicant_reader add column session_id bigint;
update applicant_reader r set session_id = (select a.session_id from applicant a where a.id = r.applicant_id);
alter table applicant_reader alter column session_id set not null;
alter table applicant_reader add constraint applicant_reader_applicant_session
  foreign key (applicant_id, session_id) references applicant (id, session_id);
create index applicant_reader_session on applicant_reader (session_id);
