-- An expert signs 附件2 on paper; staff keep the scanned page with its hash.
alter table expert_pledge add column scan_file_name varchar(255);
alter table expert_pledge add column scan_sha256 varchar(64);
alter table expert_pledge add column scan_content bytea;
