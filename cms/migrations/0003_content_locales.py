"""The site is written in French, Arabic and English from day one.

Wagtail creates the default language's locale; this adds the two others so
that organisers can translate pages without visiting the Locales screen.
"""

from django.db import migrations

LANGUAGE_CODES = ["fr", "ar", "en"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_pages"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
