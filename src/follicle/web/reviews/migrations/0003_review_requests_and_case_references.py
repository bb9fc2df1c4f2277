"""Waiting review requests kept on the server, and a reference for every case (existing cases
get one each here: a unique field cannot take one default for all rows)."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import follicle.web.reviews.models


def give_references(apps, schema_editor):  # type: ignore[no-untyped-def]
    case_model = apps.get_model("reviews", "Case")
    taken: set[str] = set()
    for case in case_model.objects.filter(reference__isnull=True).only("id"):
        reference = follicle.web.reviews.models.new_reference()
        while reference in taken:
            reference = follicle.web.reviews.models.new_reference()
        taken.add(reference)
        case_model.objects.filter(id=case.id).update(reference=reference)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0002_signed_plans_cannot_be_updated"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="reference",
            field=models.CharField(editable=False, max_length=12, null=True),
        ),
        migrations.RunPython(give_references, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="case",
            name="reference",
            field=models.CharField(
                default=follicle.web.reviews.models.new_reference,
                editable=False,
                max_length=12,
                unique=True,
            ),
        ),
        migrations.CreateModel(
            name="ReviewRequest",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("idempotency_key", models.UUIDField(unique=True)),
                ("answers", models.JSONField()),
                ("note", models.TextField(blank=True, max_length=2000)),
                ("created_at", models.DateTimeField()),
                ("expires_at", models.DateTimeField()),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="review_requests",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["expires_at"], name="review_request_expiry")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("person",), name="one_waiting_request_per_person"
                    )
                ],
            },
        ),
    ]
