"""A three-paragraph local news story that tests put one paragraph (and trailing lines)
into: the probes of a paragraph's last sentence need a page with prose of its own
(tests/test_seam.py, tests/test_foreign_tail.py)."""

from __future__ import annotations

STORY = [
    "The city council approved the new budget on Monday after a long debate about the costs of the "
    "project and its schedule.",
    "The mayor said the work on the bridge would start in the spring and last about two years, with "
    "the main road closed for six months.",
    "Officials also said that the old bridge would stay open for pedestrians while the new one is "
    "built beside it.",
]
URL = "http://127.0.0.1/news/bridge"


def story_page(line: str, *after: str) -> str:
    """The story with ``line`` as its second paragraph and ``after`` as its last blocks."""
    return "\n\n".join([STORY[0], line, *STORY[1:], *after])
