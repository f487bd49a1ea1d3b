"""Event rules on their own: tags, keys, moments, caption matching."""
from __future__ import annotations

import re
from datetime import date

import pytest

from timeline.dates import resolve
from timeline.events.captions import Placed, place_captions, title_share
from timeline.events.keys import event_key, normalised_title, unique_keys
from timeline.events.moments import moments_of, opens_sentence
from timeline.events.tag_keywords import TAG_KEYWORDS
from timeline.events.tags import tags_for
from timeline.text import Caption


@pytest.mark.parametrize("title, lead, tags", [
    ("袁家军调研杭州城西科创大走廊", "……召开座谈会……", ("视察调研",)),
    ("临安区招商引资项目集中签约仪式", "", ("签约",)),
    ("浙江公路技师学院青山湖科技城校区开工建设", "", ("开工",)),
    ("杭州绕城高速公路西复线通车", "", ("启用/开业/通车",)),
    ("青山湖宝龙广场开业", "", ("启用/开业/通车",)),
    ("第二届中国科学仪器设备自主创新峰会", "", ("会议",)),
    ("廊湾产业加速器揭牌", "", ("揭牌/成立",)),
    ("浙江临安环球中小企业创业创新园获省级荣誉", "", ("荣誉",)),
    ("全球最大等级整装空分设备起运", "2020年5月24日，空分设备整装冷箱起运。", ()),
    ("某某项目", "2021年1月3日，某某项目签约仪式举行。", ("签约",)),     # lead as fallback
])
def test_tags_title_first_then_lead(title, lead, tags):
    assert tags_for(title, lead) == tags


@pytest.mark.parametrize("tag, word", [(tag, word) for tag, words in TAG_KEYWORDS.items() for word in words])
def test_every_word_of_the_tag_table_tags_a_title_and_a_lead(tag, word):
    assert tag in tags_for(f"某地{word}", "")
    assert tag in tags_for("某地某事", f"2020年1月2日，某地{word}。")     # a title that names no kind


def test_tags_come_in_the_tables_order_whatever_the_title_says_first():
    title = "".join(words[0] for words in reversed(TAG_KEYWORDS.values()))
    assert tags_for(title, "") == tuple(TAG_KEYWORDS)


def test_keys_are_stable_short_and_url_safe():
    key = event_key("qingshanhu-2020", "规划建设", "万马创新园启用", date(2020, 5, 18))
    assert key == event_key("qingshanhu-2020", "规划建设", " 万马 创新园启用。", date(2020, 5, 18))
    assert re.fullmatch(r"[0-9a-f]{16}", key)
    others = {
        event_key("other-2020", "规划建设", "万马创新园启用", date(2020, 5, 18)),
        event_key("qingshanhu-2020", "综述", "万马创新园启用", date(2020, 5, 18)),
        event_key("qingshanhu-2020", "规划建设", "万马创新园开业", date(2020, 5, 18)),
        event_key("qingshanhu-2020", "规划建设", "万马创新园启用", date(2020, 5, 19)),
        event_key("qingshanhu-2020", "规划建设", "万马创新园启用", None),
    }
    assert key not in others and len(others) == 5


@pytest.mark.parametrize("title, normalised", [
    ("青山湖科技城Link Park（滨河）产业社区启用", "青山湖科技城linkpark滨河产业社区启用"),
    ("“硬科技”产业国际人才峰会召开", "硬科技产业国际人才峰会召开"),
    ("ＡＢＣ　１２", "abc12"),
])
def test_normalised_titles(title, normalised):
    assert normalised_title(title) == normalised


def test_repeated_keys_get_suffixes_in_order():
    assert unique_keys(["a", "b", "a", "a"]) == ["a", "b", "a-2", "a-3"]


@pytest.mark.parametrize("text, start, opens", [
    ("9月16日下午", 0, True),
    ("听取意见。9月16日下午", 5, True),
    ("才集聚地。”\n9月17日上午", 7, True),
    ("举行；9月2日", 3, True),
    ("大会于16日闭幕", 3, False),
    ("会期，16日", 3, False),
])
def test_dates_opening_sentences(text, start, opens):
    assert opens_sentence(text, start) is opens


@pytest.mark.parametrize("body, moments", [
    ("2020年9月16—17日，袁家军调研。9月16日下午，袁家军考察创新平台和企业，其中考察企业。"
     "9月17日上午，袁家军主持召开座谈会，听取汇报。",
     [("9月16日下午", "袁家军考察创新平台和企业"), ("9月17日上午", "袁家军主持召开座谈会")]),
    ("2019年9月1日，学校揭牌。9月1日上午，揭牌仪式在操场举行；9月2日，学校正式开课。",
     [("9月1日上午", "揭牌仪式在操场举行"), ("9月2日", "学校正式开课")]),
    ("2019年9月1日，学校揭牌。9月5日，学校正式开课。", []),            # too far away
    ("2019年9月1日，学校揭牌，于9月1日下午举行仪式。", []),             # not a sentence start
    ("2019年，全年新开工项目26个。12月1日，某项目开工。", [("12月1日", "某项目开工")]),  # in the year
    ("2019年，全年新开工项目26个。2020年1月2日，某项目开工。", []),      # after it
])
def test_moments(body, moments):
    mentions = resolve(body, year=2020).mentions
    found = moments_of(body, mentions[0], mentions)
    assert [(m.date.text, m.text) for m in found] == moments


def caption(text: str) -> Caption:
    return Caption(text=text, figure=None, line=1, offset=0, before=0)


@pytest.mark.parametrize("title, text, share", [
    ("杭州华旺新材料科技股份有限公司股票上市",
     "2020年12月28日，杭州华旺新材料科技股份有限公司股票在上海证券交易所上市交易（某某提供）", 17 / 18),
    ("廊湾产业加速器揭牌", "2020年9月23日，廊湾产业加速器揭牌仪式在深圳市南山区举行", 1.0),
    ("吴朝晖考察青山湖科技城", "青山湖科技城（陈顶新/摄）", 0.5),
    ("概况", "青山湖概况图", 0.0),          # too few pairs to tell
])
def test_title_share(title, text, share):
    assert title_share(title, text) == pytest.approx(share)


def test_captions_go_to_the_entry_they_retell_if_dates_agree():
    d = resolve("2020年12月28日", year=2020).mentions[0]
    other_day = resolve("2020年12月27日", year=2020).mentions[0]
    shown = Placed(caption("2020年12月28日，杭州华旺新材料科技股份有限公司股票在上海证券交易所上市交易"), d)
    landscape = Placed(caption("青山湖科技城（陈顶新/摄）"), None)
    titles = ["中国工业计算机大会召开", None, "杭州华旺新材料科技股份有限公司股票上市"]
    placed = place_captions(titles, [None, None, None], [[shown, landscape], [], []])
    assert placed == [[landscape], [], [shown]]
    placed = place_captions(titles, [None, None, other_day], [[shown], [], []])
    assert placed == [[shown], [], []]
