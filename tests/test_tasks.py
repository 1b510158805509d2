"""One TASKS setting serves Django's django.tasks and the django_tasks package
that Wagtail 8 enqueues through: both land in the database queue and one
`db_worker` runs them."""

import django_tasks
import pytest
from django.core.management import call_command
from django.tasks import task, task_backends
from django_tasks_db.models import DBTaskResult
from wagtail.tasks import update_reference_index_task

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@task()
def add(a: int, b: int) -> int:
    return a + b


def test_both_task_frameworks_use_the_database_backend():
    from django_tasks_db import DatabaseBackend

    assert isinstance(task_backends["default"], DatabaseBackend)
    assert isinstance(django_tasks.task_backends["default"], DatabaseBackend)


def test_django_and_wagtail_tasks_share_one_queue_and_one_worker(site_tree):
    ours = add.enqueue(2, 3)
    wagtails = update_reference_index_task.enqueue("cms", "contentpage", site_tree.about["fr"].pk)

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
