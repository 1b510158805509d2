"""Wagtail admin pieces every app uses: record permissions, menu items shown by
permission, and view sets of records that only a service writes."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import path
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry


class RecordsPermissionPolicy(ModelPermissionPolicy):
    """Records (registrations, entries, …): the admin shows them, a service writes them.

    ``view`` needs Django's view or change permission on the model; ``manage``
    (the actions on a record) needs the change permission. ``add``, ``change``
    and ``delete`` are refused to everyone, superusers included, so Wagtail's
    generic create, edit and delete views never open for them.
    """

    GRANTS = {"view": ("view", "change"), "manage": ("change",)}

    def user_has_permission(self, user, action):
        return any(user.has_perm(self._get_permission_name(perm)) for perm in self.GRANTS.get(action, ()))

    def users_with_any_permission(self, actions):
        perms = {perm for action in actions for perm in self.GRANTS.get(action, ())}
        if not perms:
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames(self._get_permission_codenames(perms))


def user_can(user, model, action) -> bool:
    return policy_registry.get_by_type(model).user_has_permission(user, action)


class InspectURLFinder(ModelAdminURLFinder):
    """Links from elsewhere in the admin (search, history) open the read-only page."""

    def get_edit_url(self, instance):
        if self.user and not user_can(self.user, type(instance), "view"):
            return None
        return self.construct_edit_url(instance)


def permission_menu_item(model, action):
    """A menu item shown only to those who may ``action`` on ``model``."""

    class PermissionMenuItem(MenuItem):
        def is_shown(self, request):
            return user_can(request.user, model, action)

    return PermissionMenuItem


class ReadOnlyModelViewSet(ModelViewSet):
    """A list and a read-only page; no create, edit, copy, delete or history views."""

    add_to_reference_index = False  # these rows are written often, by a service only
    inspect_view_enabled = True
    copy_view_enabled = False
    permission_codenames = ("view",)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label=self.app_label,
            codename__in=[f"{action}_{self.model_name}" for action in self.permission_codenames],
        )

    @property
    def url_finder_class(self):
        return type(
            "InspectURLFinder",
            (InspectURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )
