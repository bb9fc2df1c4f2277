"""One account per email address whatever its case.

Accounts whose addresses differ only in case cannot be merged or removed by a migration (each
may hold its own cases and plans): if there are any, the migration stops and lists their ids,
changing nothing. ``manage.py emailclashes`` lists them too; docs/operations.md says how to
resolve them. Otherwise every address is stored in its one spelling (lower case) and the
database refuses a second account for it in any case.
"""

from django.db import migrations, models
from django.db.models.functions import Lower

from follicle.web.accounts.models import email_clashes, normalise_email


class EmailClashes(Exception):
    """Accounts whose addresses differ only in case; an operator must resolve them."""


def check_and_normalise(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    clashes = email_clashes(User.objects.values_list("pk", "email"))
    if clashes:
        listed = "; ".join(", ".join(str(pk) for pk in ids) for ids in clashes)
        raise EmailClashes(
            "accounts whose email addresses differ only in case (user ids, one group per "
            f"address): {listed}. Nothing was changed. Give all but one account in each group "
            "another address (or remove it) in the admin site, then migrate again; "
            "docs/operations.md, 'Email addresses differing only in case'."
        )
    for pk, email in User.objects.values_list("pk", "email"):
        if email != normalise_email(email):
            User.objects.filter(pk=pk).update(email=normalise_email(email))


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_enrolment_codes"),
    ]

    operations = [
        migrations.RunPython(check_and_normalise, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_whatever_case",
                violation_error_message="An account with this email address already exists.",
            ),
        ),
    ]
