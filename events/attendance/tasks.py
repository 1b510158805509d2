"""Background work of badges and the door, run by `manage.py db_worker`."""

from django.tasks import task

from events.attendance import badge_batches


@task()
def badge_batch_render(batch_id: int) -> str:
    """Build a batch of badges chosen by the organisers into one PDF, saving progress as it goes."""
    batch = badge_batches.batch_render(batch_id)
    return batch.status if batch else ""
