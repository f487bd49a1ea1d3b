"""Hypothesis strategies: the seed text cut and mutated where dates and layout are fragile.

Mutations insert, delete, swap or replace characters; what they insert is what dates and
PDF layout are made of (digits, 年月日, range connectors, spaces, newlines, brackets), so
most examples are near-misses of real text rather than noise.
"""
from __future__ import annotations

from hypothesis import strategies as st

from tests.support import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_LINES = SEED_TEXT.splitlines(keepends=True)

PIECES = [
    *"0123456789", "０", "９", "〇", "一", "二", "十", "廿", "年", "月", "日", "号", "时", "点", "分",
    "—", "——", "－", "-", "–", "~", "～", "至", "到", "、", "，", "。", "；", "：", " ", "　", "\t",
    "\n", "\n\n", "\r\n", "（", "）", "(", ")", "【", "】", "《", "》", "▲", "△", "图", "/摄",
    "上旬", "下旬", "是年", "是月", "次日", "同日", "前一天", "上午", "下午", "农历", "正月", "初一",
    "闰", "春节", "民国", "季度", "上半年", "概况", "参见", "2020", "13", "31", "0", "\x00", "\ufeff",
]

OPS = ("insert", "delete", "swap", "replace")


@st.composite
def seed_window(draw, max_lines: int) -> str:
    """A run of consecutive seed lines."""
    start = draw(st.integers(0, len(SEED_LINES) - 1))
    return "".join(SEED_LINES[start:start + draw(st.integers(1, max_lines))])


@st.composite
def mutate(draw, text: str, max_mutations: int = 25) -> str:
    for _ in range(draw(st.integers(0, max_mutations))):
        op = draw(st.sampled_from(OPS))
        i = draw(st.integers(0, max(len(text) - 1, 0)))
        if op == "insert" or not text:
            text = text[:i] + draw(st.sampled_from(PIECES)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 8)):]
        elif op == "swap" and i + 1 < len(text):
            text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
        else:
            text = text[:i] + draw(st.sampled_from(PIECES)) + text[i + 1:]
    return text


def mutated_seed(max_lines: int, max_mutations: int = 25) -> st.SearchStrategy[str]:
    return seed_window(max_lines).flatmap(lambda text: mutate(text, max_mutations))
