"""Render one article as HTML with the tool's coding on the text.

``framing.show(article_id, tables)`` shows the article in a notebook, segment
by segment: quotes underlined in their speaker-type colour (hover for the
speaker, kind and verb), the words the attribution rests on in bold, named
officials boxed, stance words marked by voice (hover for the measure), and the
segments cleaning set aside greyed out with their reason. All article text is
HTML-escaped, so nothing in an article can inject markup.

Examples
--------
>>> import framing
>>> from framing import corpus, pipeline                     # doctest: +SKIP
>>> tables = pipeline.analyze(corpus.load("seeds"))          # doctest: +SKIP
>>> framing.show("002_0e219b31352d4ab9", tables)             # doctest: +SKIP
"""
from __future__ import annotations

import html
import re

import pandas as pd

__all__ = ["show", "render"]

_TYPE_COLORS = {
    "official": "#332288", "regulator_or_body": "#88CCEE", "company_or_platform": "#44AA99",
    "tech_owner": "#117733", "expert_or_report": "#999933", "civil_society": "#DDCC77",
    "media": "#CC6677", "anonymous": "#882255", "unknown": "#BBBBBB",
}

_CSS = """<style>
.framing-article{font-family:Georgia,serif;line-height:1.55;max-width:46em;font-size:15px}
.framing-article .seg{margin:0 0 .6em 0}
.framing-article .seg.title,.framing-article .seg.heading{font-weight:bold}
.framing-article .seg.dropped{color:#999;border-left:3px solid #ddd;padding-left:.5em}
.framing-article .reason{font:11px sans-serif;color:#777;background:#f3f3f3;padding:0 .3em;
 margin-right:.4em}
.framing-article .q{text-decoration:underline;text-decoration-thickness:2px;
 text-underline-offset:3px;background:#f6f6ff}
.framing-article .sp{font-weight:bold}
.framing-article .off{outline:1px solid #0072B2;border-radius:2px}
.framing-article .st-author{background:#FFE5B4}
.framing-article .st-quoted{background:#E0F0E0}
.framing-legend{font:12px sans-serif;margin:.3em 0 .8em 0;color:#333}
.framing-legend span{margin-right:1em;padding:0 .3em}
</style>"""


def _rows(table, article_id) -> pd.DataFrame:
    if table is None or not len(table) or "article_id" not in table:
        return pd.DataFrame()
    return table[table["article_id"] == article_id]


def _official_spans(text: str, people: pd.DataFrame) -> list[tuple[int, int, str]]:
    """Every occurrence of an official's name or alias in the text."""
    spans = []
    if not len(people) or "is_official" not in people:
        return spans
    flag = people["is_official"].astype(str).str.lower().isin(["true", "1"])
    for row in people[flag].itertuples():
        forms = {str(row.name)}
        aliases = getattr(row, "aliases", "")
        if isinstance(aliases, str):
            forms.update(a.strip() for a in re.split(r"[|;]", aliases) if a.strip())
        role = getattr(row, "role", "")
        label = f"official: {row.name}" + (f" ({role})" if isinstance(role, str) and role else "")
        for form in sorted(forms, key=len, reverse=True):
            if len(form) < 3 or form.lower() in {"he", "she", "the", "his", "her"}:
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                spans.append((m.start(), m.end(), label))
    return spans


def render(article_id: str, tables: dict, articles: pd.DataFrame | None = None) -> str:
    """The HTML string that :func:`show` displays."""
    articles = articles if articles is not None else tables.get("articles")
    if articles is None or "text" not in articles:
        raise ValueError("show needs the articles table with its text "
                         "(the one framing.corpus.load or framing.pipeline.analyze returns)")
    match = articles[articles["article_id"] == article_id]
    if not len(match):
        raise KeyError(f"no article {article_id!r}")
    art = match.iloc[0]
    text = str(art["text"]) if isinstance(art["text"], str) else ""
    n = len(text)
    # one set of labels per character: (css class, hover text)
    marks: list[set] = [set() for _ in range(n)]

    def paint(start, end, cls, title):
        for i in range(max(0, int(start)), min(n, int(end))):
            marks[i].add((cls, title))

    quotes = _rows(tables.get("quotes"), article_id)
    for q in quotes.itertuples():
        stype = getattr(q, "speaker_type", "unknown") or "unknown"
        title = f"{q.kind} quote · {getattr(q, 'speaker', '') or 'no speaker'} " \
                f"({stype}) · verb: {getattr(q, 'verb', '') or '-'}"
        paint(q.start, q.end, f"q:{stype}", title)
        s, e = getattr(q, "speaker_start", None), getattr(q, "speaker_end", None)
        if pd.notna(s) and pd.notna(e) and int(e) > int(s) >= 0:
            paint(s, e, "sp", f"speaker: {getattr(q, 'speaker', '')}")
    for s, e, label in _official_spans(text, _rows(tables.get("people"), article_id)):
        paint(s, e, "off", label)
    evidence = _rows(tables.get("stance_evidence"), article_id)
    if len(evidence) and "family" in evidence:  # stance words, not target cues or terms
        evidence = evidence[evidence["family"] == "marker"]
    for ev in evidence.itertuples():
        voice = getattr(ev, "voice", "author")
        paint(ev.start, ev.end, f"st-{voice}", f"{ev.measure} ({voice} voice): {ev.term}")

    segments = _rows(tables.get("segments"), article_id)
    if not len(segments):
        segments = pd.DataFrame([{"start": 0, "end": n, "kind": "paragraph", "kept": True,
                                  "reason": ""}])
    parts = [_CSS, '<div class="framing-article">',
             f'<div class="framing-legend"><b>{html.escape(article_id)}</b> · outlet '
             f'{html.escape(str(art.get("outlet", "")))} · {len(quotes)} quotes · '
             f'{len(evidence)} stance words<br>'
             '<span class="q">quote</span><span class="sp">speaker</span>'
             '<span class="off">official</span><span class="st-author">stance, own voice</span>'
             '<span class="st-quoted">stance, quoted</span></div>']
    for seg in segments.sort_values("start").itertuples():
        kept = bool(seg.kept) if not isinstance(seg.kept, str) else seg.kept.lower() == "true"
        cls = f"seg {html.escape(str(seg.kind))}" + ("" if kept else " dropped")
        body = _runs(text, marks, int(seg.start), int(seg.end)) if kept else \
            html.escape(text[int(seg.start):int(seg.end)])
        reason = "" if kept else \
            f'<span class="reason">set aside: {html.escape(str(seg.reason))}</span>'
        parts.append(f'<p class="{cls}">{reason}{body}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def _runs(text: str, marks: list[set], start: int, end: int) -> str:
    """Escape text[start:end], wrapping runs of equal labels in one span."""
    out, i = [], start
    while i < end:
        j = i + 1
        while j < end and marks[j] == marks[i]:
            j += 1
        chunk = html.escape(text[i:j]).replace("\n", "<br>")
        labels = sorted(marks[i])
        if labels:
            classes, styles = [], []
            for cls, _t in labels:
                if cls.startswith("q:"):
                    classes.append("q")
                    styles.append(f"text-decoration-color:{_TYPE_COLORS.get(cls[2:], '#BBBBBB')}")
                else:
                    classes.append(cls)
            title = " | ".join(t for _c, t in labels)
            style = f' style="{";".join(styles)}"' if styles else ""
            chunk = (f'<span class="{" ".join(sorted(set(classes)))}"{style} '
                     f'title="{html.escape(title, quote=True)}">{chunk}</span>')
        out.append(chunk)
        i = j
    return "".join(out)


def show(article_id: str, tables: dict, articles: pd.DataFrame | None = None):
    """Display one article with its coding (an ``IPython.display.HTML`` object).

    Parameters
    ----------
    article_id : str
    tables : dict of DataFrame
        What :func:`framing.pipeline.analyze` returns (quotes, people,
        stance_evidence and segments are used when present).
    articles : DataFrame, optional
        The articles table with ``text`` (default: ``tables["articles"]``).
    """
    from IPython.display import HTML

    return HTML(render(article_id, tables, articles))
