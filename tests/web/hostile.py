"""Articles whose every field tries to run script, stored as one story (for the page tests
here and the browser tests)."""

from __future__ import annotations

from newsprism.records import Article, Removal
from newsprism.store import Store

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'
JS_URL = "javascript:window.__xss=1"
STORY_ID = "shostile000000001"


def hostile_articles() -> list[Article]:
    bodies = [
        f"Governor Ilyas Demirkhanov said 12 people died when the dam failed {SCRIPT}.\n\n"
        f'"We will find every family," Demirkhanov said {IMG}. The Northern Valdoria '
        f"Hydro Authority said the dam passed an inspection in May. {JS_URL}",
        f"Governor Ilyas Demirkhanov said at least 14 people died when the dam failed {IMG}.\n\n"
        f"The Northern Valdoria Hydro Authority said the dam passed an inspection in May "
        f"{SCRIPT}. Click [here]({JS_URL}).",
    ]
    fields = [
        (f"Dam fails {SCRIPT}", f"Evil {IMG} Times", JS_URL),
        (f"Dam toll rises {IMG}", f"Bold {SCRIPT} Post", 'https://ok.test/a" onmouseover="x'),
    ]
    articles = []
    for n, ((title, outlet, url), text) in enumerate(zip(fields, bodies, strict=True)):
        articles.append(
            Article(
                id=Article.make_id(outlet, title, text),
                source=f"/hostile/{n}{IMG}.html",
                url=url,
                outlet=outlet,
                title=title,
                published=f"2025-10-1{5 + n}",
                language="en",
                text=text,
                kind="html",
                removed=(Removal(f"caption {SCRIPT}", f"photo {IMG}"),),
            )
        )
    return articles


def store_hostile(store: Store) -> list[Article]:
    """Store the articles as one story (no model pass: the membership is written)."""
    articles = hostile_articles()
    store.add_articles(articles)
    store.stories.set_memberships({a.id: STORY_ID for a in articles})
    return articles
