from .navigation import NavigationLink, NavigationSettings
from .pages import ContentPage, HomePage, NewsIndexPage, NewsPage
from .snippets import Organisation
from .users import User

__all__ = [
    "ContentPage",
    "HomePage",
    "NavigationLink",
    "NavigationSettings",
    "NewsIndexPage",
    "NewsPage",
    "Organisation",
    "User",
]
