"""Private storage: files out of the published media, served only by permission-checked views."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files with names of real people, kept in PRIVATE_MEDIA_ROOT: out of MEDIA_ROOT,
    which the web server publishes; served only through permission-checked views."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def private_storage():
    return PrivateStorage()
