-- Hashes name their algorithm from now on: sm3:<64 hex> (国密, the default) or sha256:<64 hex>; a bare 64-digit value
-- is a SHA-256 written before, and keeps being checked as one (docs/transparency.md). The columns keep their names.
alter table draw_commitment alter column pool_sha256 set data type varchar(80);
alter table draw_commitment alter column random_sha256 set data type varchar(80);
alter table offline_draw_result alter column pool_sha256 set data type varchar(80);
alter table expert_draw alter column pool_sha256 set data type varchar(80);
alter table record_signature alter column record_sha256 set data type varchar(80);
alter table inspection_correction alter column record_sha256 set data type varchar(80);
alter table spot_check_commitment alter column pool_sha256 set data type varchar(80);
alter table spot_check_commitment alter column random_sha256 set data type varchar(80);
alter table inspection_selection alter column pool_sha256 set data type varchar(80);
alter table archive_package alter column manifest_sha256 set data type varchar(80);
alter table archive_package alter column key_fingerprint set data type varchar(80);
