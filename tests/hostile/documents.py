"""Hostile documents, written for these tests: impossible years, overlong names, control
characters. Each is a small yearbook section the real pipeline reads."""
from __future__ import annotations

HEADER = "城东区年鉴\n■ 城市建设\n"
GOOD = HEADER + (
    "【城东污水处理厂试运行】 2021 年 1 月 12 日，新建的城东污水处理厂投入试运行，日处理能力三万吨。\n"
    "【乡村振兴示范村公布】 2021 年 1 月 20 日，全区第一批乡村振兴示范村名单公布，共十个村入选。\n"
    "【春季农业生产部署】 2021 年 2 月 5 日，区政府召开常务会议，研究部署春季农业生产工作。\n"
)

FAR_DATES = HEADER + (
    "【城东污水处理厂试运行】 2021 年 1 月 12 日，新建的城东污水处理厂投入试运行。\n"
    "【占位日期】 9999 年 12 月 31 日，档案系统里的占位日期被当作事件日期录入。\n"
    "【公元元年】 0001 年 1 月 1 日，一条格式错误的记录把日期写成了公元元年。\n"
)

LONG_TITLE = "关于" + "推进城乡一体化发展" * 70 + "的会议"        # 635 characters
LONG_CATEGORY = "规划" * 80                                   # 160 characters

# No section heading: every entry takes the category given to ingest (--category).
LONG_AND_NUL = (
    f"【{LONG_TITLE}】 2021 年 1 月 5 日，会议在区行政中心召开。\n"
    "【城东污水\x00处理厂试运行】 2021 年 1 月 12 日，新建的城东污水\x00处理厂投入\x07试运行。\n"
    "【乡村振兴示范村公布】 2021 年 1 月 20 日，全区第一批乡村振兴示范村名单公布。\n"
)


def many_events(n: int) -> str:
    """A yearbook section of `n` dated events."""
    return HEADER + "".join(f"【第{i + 1}项重点工程验收】 2021 年 {i % 12 + 1} 月 {i % 28 + 1} 日，"
                            f"第{i + 1}项重点工程通过竣工验收，交付使用。\n" for i in range(n))
