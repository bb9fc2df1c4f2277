"""On PostgreSQL, a signed plan cannot be updated, even by SQL that bypasses the model: a
trigger rejects every UPDATE of ``reviews_plan``. A change is always a new version.

DELETE is left to the ORM guard (the plan's ``delete`` refuses, and cases protect their plans)
so that a person's erasure request can one day remove their records; ``audit verify`` finds a
plan that disappeared or changed without its audit event.
"""

from django.db import migrations

from follicle.web.pgonly import run_sql_on_postgresql

CREATE = """
CREATE OR REPLACE FUNCTION follicle_plan_is_signed() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'reviews_plan rows are signed: UPDATE is not allowed, issue a new version'
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS follicle_plan_no_update ON reviews_plan;
CREATE TRIGGER follicle_plan_no_update BEFORE UPDATE ON reviews_plan
    FOR EACH ROW EXECUTE FUNCTION follicle_plan_is_signed();
"""

DROP = """
DROP TRIGGER IF EXISTS follicle_plan_no_update ON reviews_plan;
DROP FUNCTION IF EXISTS follicle_plan_is_signed();
"""


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_cases_messages_plans")]
    operations = [run_sql_on_postgresql(CREATE, DROP)]
