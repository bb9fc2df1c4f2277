"""On PostgreSQL, make the audit log append-only in the database itself: a trigger rejects
UPDATE and DELETE of any row (TRUNCATE, an administrator's tool, is left to permissions).
SQLite, the embedded development database, relies on the hash chain alone."""

from django.db import migrations

from follicle.web.pgonly import run_sql_on_postgresql

CREATE = """
CREATE OR REPLACE FUNCTION follicle_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_auditevent is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS follicle_audit_no_change ON audit_auditevent;
CREATE TRIGGER follicle_audit_no_change BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION follicle_audit_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS follicle_audit_no_change ON audit_auditevent;
DROP FUNCTION IF EXISTS follicle_audit_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_hash_chained_audit_log")]
    operations = [run_sql_on_postgresql(CREATE, DROP)]
