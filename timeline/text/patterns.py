"""Vocabulary of page layout: what captions, page furniture and signatures look like.

Data only; `timeline.text.layout` applies it. Every shape here is general to PDF/OCR
extractions of Chinese yearbooks, not to one document.
"""
from __future__ import annotations

import re

# Spaces PDF extraction leaves around and between characters.
SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u200b"

# The photo credit that ends a caption: （陈顶新 /摄） （青山湖科技城管委会提供） （张三 供图）.
CREDIT = r"[（(][^（）()\n]{1,40}?(?:/\s*摄|摄影?|供图|提供|图片来源[^）)]*)\s*[）)]"
# A figure number: 图123, 图 5, 图5-2.
FIGURE = r"图\s*\d{1,4}(?:\s*[-－—]\s*\d{1,3})?"

# A line that is nothing but a figure number ("图125 ").
FIGURE_LINE = re.compile(rf"^\s*{FIGURE}\s*$")
# A one-line caption: text, its credit, then maybe a figure number.
CREDIT_LINE = re.compile(rf"^(?P<text>.*?{CREDIT})\s*(?P<figure>{FIGURE})?\s*$")
# A caption led by its figure number: "图 3　南苕溪绿道（王五 摄）".
FIGURE_FIRST_LINE = re.compile(rf"^\s*(?P<figure>{FIGURE})[\s:：.．、]+(?P<text>\S.*)$")
# A line ending in a credit (the last line of a caption block).
ENDS_WITH_CREDIT = re.compile(rf"{CREDIT}\s*(?:{FIGURE})?\s*$")
# Captions set apart by indentation start with full-width spaces.
INDENT = re.compile(r"^[\u3000]{1,4}")
# The most lines a caption block may span before it stops being plausible.
MAX_CAPTION_LINES = 5

# Page numbers on their own line: "12", "·12·", "— 12 —", "第 12 页", "- 12 -".
PAGE_NUMBER_LINE = re.compile(
    r"^[\s·•\-—–－_|]*(?:第\s*)?\d{1,4}(?:\s*页)?[\s·•\-—–－_|]*$"
)
# A page number at either edge of a running head, set off by spaces or decorations:
# "青山湖年鉴 2020 · 37 ·", "38 ·大事记·".
EDGE_PAGE_NUMBER = re.compile(
    r"^[\s·•\-—–－_|]*\d{1,4}[\s·•\-—–－_|]+|[\s·•\-—–－_|]+\d{1,4}[\s·•\-—–－_|]*$"
)
# A page number set between decorations at an edge ("·56·", "— 12 —") marks a running head even
# on its only page (an excerpt of one or two pages); a bare number beside text ("2019 年大事记")
# does not, so that one needs repeating.
DECORATED_EDGE_PAGE_NUMBER = re.compile(
    r"^\s*[·•\-—–－]\s*\d{1,4}\s*[·•\-—–－]|[·•\-—–－]\s*\d{1,4}\s*[·•\-—–－]\s*$"
)
DECORATION = re.compile(r"[\s·•\-—–－_|]+")
# A running head is short; repeated this often without a page number, or at least twice
# with one, a short line is page furniture rather than text.
RUNNING_HEAD_MAX_CHARS = 30
RUNNING_HEAD_REPEATS = 3
RUNNING_HEAD_REPEATS_WITH_NUMBER = 2
# Lines that are structure, never running heads (entry titles, footnotes, chronicle marks).
STRUCTURAL_START = re.compile(r"^\s*[【▲△]")
STRUCTURAL = re.compile(r"[【】▲△]")
# Sentence punctuation and quotes belong to text; a running head is a bare name.
NOT_IN_RUNNING_HEADS = re.compile(r"[，。；：、！？“”‘’《》]")

# The author signature: "（周艳清）", "（周艳清 王明）".
SIGNATURE_LINE = re.compile(
    r"^\s*[（(]\s*[\u4e00-\u9fff·]{2,5}(?:[\s、，,]+[\u4e00-\u9fff·]{2,5}){0,3}\s*[）)]\s*$"
)

# Paragraph ends: a sentence end, maybe followed by closing quotes or brackets.
SENTENCE_END = re.compile(r"[。！？!?…][”’」』》）)]*$")
# The end of a piece of text a signature may follow: a sentence or a bracketed remark.
TEXT_END = re.compile(r"(?:[。！？!?…]|[）)])[”’」』》）)]*$")
# A line this much shorter than the document's usual line ends its paragraph
# (when it also ends a sentence): the rest of the printed line was left blank.
SHORT_LINE_RATIO = 0.8

# Web-page furniture: what a page copied from a browser carries around its text (breadcrumbs,
# the publication stamp, source, counters, font-size and print/close/share buttons, the
# site's footer). A line made only of these is lifted out, wherever it stands; a line that
# starts with them and runs on into text ("关闭窗口1月2日,……") loses them. The page title
# ("2019年1月大事记") is not furniture: the year and month in force come from it.
WEB_DATETIME = (r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
                r"(?:\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?")
WEB_FONT_SIZES = r"[\[【(（]?\s*(?:大\s*[\]】)）]?\s*[\[【(（]?\s*中\s*[\]】)）]?\s*[\[【(（]?\s*小|A\+?\s*A\s*A-?)\s*[\]】)）]?"
# A name after a label: no digits, spaces or sentence punctuation, so an entry run on after it
# ("来源:市档案馆1月2日,……") starts where the digits do.
WEB_NAME = r"[^\s\d０-９，。、,；;:：]{1,30}(?=[\s\d０-９]|$)"
# (labels, whether the colon is required, the shape of the value, whether text may follow).
# Values that run to the end of the line (breadcrumbs, links to other pages) let none follow.
WEB_FIELDS = (
    (("当前位置", "您的位置", "你的位置", "您现在的位置", "您当前的位置", "当前所在位置", "所在位置",
      "上一篇", "下一篇", "上一条", "下一条"), True, r".*", False),
    (("发布日期", "发布时间", "发表时间", "更新时间", "更新日期", "生成日期", "成文日期", "发文日期",
      "日期", "时间"), True, WEB_DATETIME, True),
    (("来源", "信息来源", "文章来源", "稿件来源", "发布机构", "发布单位", "发布者", "作者", "责任编辑",
      "编辑", "审核", "校对", "供稿", "撰稿", "主办", "承办", "主办单位", "承办单位", "技术支持",
      "主题分类"), True, WEB_NAME, True),
    (("索引号", "文号", "发文字号"), True, r"\S{1,40}", False),
    (("浏览次数", "访问次数", "阅读次数", "点击次数", "点击数", "浏览量", "阅读量", "访问量", "浏览",
      "阅读", "点击"), False, r"\d*\s*次?", True),
    (("字号", "字体", "文字"), False, WEB_FONT_SIZES, True),
    (("分享到", "分享至", "分享"), False, r"[^，。；]{0,40}", False),
)
# Buttons and links with no value. Those that are also words ("关闭", "返回", "微信") are
# furniture only in brackets or on a line of furniture: a wrapped line may start with them.
WEB_ACTIONS = (
    "打印本页", "打印此页", "打印文章", "关闭窗口", "关闭本页", "收藏本页", "加入收藏", "返回顶部",
    "回到顶部", "返回列表", "我要纠错", "保存本页", "扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面",
    "在手机打开当前页",
)
WEB_ACTION_WORDS = (
    "打印", "关闭", "收藏", "返回", "纠错", "扫一扫", "网站地图", "联系我们", "相关链接", "相关文章",
    "微信", "微博", "QQ空间", "QQ好友", "新浪微博", "腾讯微博", "人人网", "豆瓣",
)
# A publication stamp standing alone: a date with its clock time.
WEB_STAMP = (r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
             r"\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?")
# A breadcrumb without its label: "首页 > 新闻中心 > 大事记".
WEB_BREADCRUMB = r"(?:网站首页|首页|主页)\s*[>＞»›/]\s*.*"
# Brackets around one piece of furniture ("【打印】", "[关闭]") and what separates pieces.
WEB_OPEN = r"[【\[〔(（]"
WEB_CLOSE = r"[】\]〕)）]"
WEB_SEPARATORS = r"[\s|｜丨/·•]*"
# A site footer: a short line with any of these is furniture.
WEB_FOOTER = re.compile(r"版权所有|Copyright|©|ICP\s*备|公网安备|网站标识码|技术支持[:：]")
WEB_FOOTER_MAX_CHARS = 120
