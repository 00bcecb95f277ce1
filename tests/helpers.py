"""Small builders shared by the tests (importable: pytest puts tests/ on sys.path)."""
import pandas as pd


def one_article(text: str, aid: str = "a", outlet: str = "o"):
    """``(articles, segments)`` for one article whose non-empty lines are kept paragraphs."""
    arts = pd.DataFrame({"article_id": [aid], "outlet": [outlet], "text": [text], "status": ["ok"]})
    rows, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            rows.append({"article_id": aid, "segment_id": len(rows), "start": pos, "end": pos + len(line),
                         "kind": "paragraph", "kept": True})
        pos += len(line) + 1
    return arts, pd.DataFrame(rows)
