-- The expert roster keeps its code order from the import: the draw reads the pool in the order its SHA-256 is
-- taken in, in one pass, without sorting 100,000 codes again. Rosters imported before stay null and are sorted
-- when read (RosterRepository.forEachActiveByCode).
alter table expert add column code_rank integer;
create index expert_session_code_rank on expert (session_id, code_rank);

-- An index on every foreign key that has none as its leading column: PostgreSQL does not create them, and without
-- them a session's reads scan whole tables, and deleting a roster of 100,000 (a re-import) scans each referencing
-- table once per deleted expert.
create index expert_attendance_expert on expert_attendance (expert_id);
create index draw_exclusion_expert on draw_exclusion (expert_id);
create index drawn_expert_expert on drawn_expert (expert_id);
create index expert_pledge_expert on expert_pledge (expert_id);
create index review_group_member_expert on review_group_member (expert_id);
create index applicant_assignment_group on applicant_assignment (group_id);
create index applicant_reader_expert on applicant_reader (expert_id);
create index recusal_session on recusal (session_id);
create index recusal_expert on recusal (expert_id);
create index vote_amendment_session on vote_amendment (session_id);
create index vote_amendment_applicant on vote_amendment (applicant_id);
create index spot_check_item_applicant on spot_check_item (applicant_id);
create index import_batch_session on import_batch (session_id);
create index complaint_session on complaint (session_id);
create index archive_file_session on archive_file (session_id);
create index archive_package_session on archive_package (session_id);
create index record_signature_session on record_signature (session_id);
create index discipline_incident_session on discipline_incident (session_id);
create index inspection_session on inspection (session_id);
create index inspection_by_selection on inspection (selection_id);
create index inspection_finding_inspection on inspection_finding (inspection_id);
create index inspection_correction_inspection on inspection_correction (inspection_id);
create index inspection_correction_applicant on inspection_correction (applicant_id);
create index session_record_form_version on session_record_form (version_id);
create index calendar_day_year on calendar_day (notice_year);
