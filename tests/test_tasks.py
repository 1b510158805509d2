"""One TASKS setting serves Django's django.tasks and the django_tasks package
that Wagtail 8 enqueues through: both land in the database queue and one
`db_worker` runs them."""

import django_tasks
import pytest
from django.core.management import call_command
from django.tasks import task, task_backends
from django_tasks_db.models import DBTaskResult
from wagtail.tasks import update_reference_index_task

from cms.models import Organisation

pytestmark = [pytest.mark.integration]


@task()
def add(a: int, b: int) -> int:
    return a + b


@pytest.mark.django_db
def test_both_task_frameworks_use_the_database_backend():
    from django_tasks_db import DatabaseBackend

    assert isinstance(task_backends["default"], DatabaseBackend)
    assert isinstance(django_tasks.task_backends["default"], DatabaseBackend)


# The worker closes its database connections when it stops, as it does in
# production, so it cannot run inside a test's wrapping transaction.
@pytest.mark.django_db(transaction=True)
def test_django_and_wagtail_tasks_share_one_queue_and_one_worker():
    organisation = Organisation.objects.create(name_fr="Université Hassan II de Casablanca", role="academic")
    ours = add.enqueue(2, 3)
    wagtails = update_reference_index_task.enqueue("cms", "organisation", organisation.pk)

    assert set(DBTaskResult.objects.values_list("task_path", flat=True)) >= {
        "tests.test_tasks.add",
        "wagtail.tasks.update_reference_index_task",
    }

    call_command("db_worker", "--batch", "--no-startup-delay")

    ours.refresh()
    wagtails.refresh()
    assert ours.status == "SUCCESSFUL"
    assert ours.return_value == 5
    assert wagtails.status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_a_task_queued_under_its_former_path_still_runs():
    """Tasks now live in the wings of events/; a row queued before the move names events.tasks."""
    from events.registration.tasks import holds_release

    result = holds_release.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(task_path="events.tasks.holds_release")

    call_command("db_worker", "--batch", "--no-startup-delay")

    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "SUCCESSFUL"
    assert row.task.func is holds_release.func
