-- The gate's Chinese name as it ran ("第2次公示关卡"), so that the record and the history read without code.
alter table gate_result add column gate_name varchar(64);
