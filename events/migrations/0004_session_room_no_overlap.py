"""Two sessions never share a room at overlapping times, enforced by PostgreSQL.

An exclusion constraint over (room, time range) needs btree_gist for the
equality on the room id. SQLite has no such constraint: there, and in the
admin everywhere, Session.clean() rejects the overlap with a clear message.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE events_session ADD CONSTRAINT session_room_no_overlap
    EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
    WHERE (room_id IS NOT NULL);
"""
DROP = "ALTER TABLE events_session DROP CONSTRAINT IF EXISTS session_room_no_overlap;"


class PostgreSQLOnly(migrations.RunSQL):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("events", "0003_programme")]

    operations = [PostgreSQLOnly(CREATE, DROP)]
