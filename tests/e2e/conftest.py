import pytest

from tests.factories import edition_create, site_tree_create

AXE_SCRIPT = "node_modules/axe-core/axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def live_site(transactional_db, live_server):
    """The site tree in a database the live server's thread can see.

    ``transaction=True`` tests start from an empty database (no Wagtail root,
    no Site, no Locale), so everything is built here.
    """
    edition_create(is_current=True)
    return site_tree_create()


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=AXE_SCRIPT)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]],
        }
        for violation in result["violations"]
    ]
