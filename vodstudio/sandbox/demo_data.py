"""Word pools for the demo library: titles, tags and descriptions in Chinese and English."""

from __future__ import annotations

import random

# (name, children) trees, three levels deep: what a small studio's VOD console looks like.
CATEGORIES: list[tuple[str, list[tuple[str, list[str]]]]] = [
    (
        "教程/Tutorials",
        [("剪辑/Editing", ["调色/Color grading", "转场/Transitions"]), ("拍摄/Shooting", ["灯光/Lighting"])],
    ),
    ("产品/Products", [("发布会/Launch events", ["2025", "2026"]), ("演示/Demos", [])]),
    ("剧集/Series", [("城市夜景/City Nights", ["第一季/Season 1"]), ("美食/Food", [])]),
    ("音乐/Music", [("现场/Live", []), ("MV", [])]),
    ("营销/Marketing", [("广告/Ads", ["短视频/Shorts"]), ("客户案例/Case studies", [])]),
]

_CITIES = ["上海", "杭州", "成都", "深圳", "重庆", "西安", "Tokyo", "Berlin", "Lisbon", "Singapore"]
_TOPICS_ZH = ["多机位剪辑", "色彩校正", "音频降噪", "字幕制作", "关键帧动画", "绿幕抠像"]
_TOPICS_EN = [
    "multicam editing",
    "color correction",
    "audio cleanup",
    "captions",
    "keyframes",
    "green screen",
]
_FOODS = ["小笼包", "火锅", "烧烤", "早茶", "拉面"]
_NAMES = ["Acme Corp", "Northwind", "Blue Harbor", "Kite Labs", "Orchid Bank"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]

_TITLES_ZH = [
    "第{n}集 城市夜景延时",
    "{city}街头漫步 4K",
    "产品发布会 {year} 回放",
    "剪辑教程：{topic_zh}",
    "美食探店：{city}{food}",
    "周末Vlog #{n}",
    "无人机航拍 {city}",
    "客户访谈 第{n}期",
]
_TITLES_EN = [
    "Product launch teaser v{n}",
    "Editing tutorial: {topic_en}",
    "Behind the scenes — day {n}",
    "Customer story: {name}",
    "Webinar recording ({month})",
    "Drone footage over {city}",
    "Color grading basics, part {n}",
    "Live session #{n} (acoustic)",
]
TAGS = [
    "城市", "夜景", "延时", "教程", "剪辑", "发布会", "美食", "vlog", "4K", "HDR", "drone",
    "launch", "tutorial", "interview", "music", "live", "promo", "webinar", "behind-the-scenes",
]  # fmt: skip
_DESCRIPTIONS = [
    "{title}。拍摄于{city}，使用稳定器与延时摄影完成。",
    "完整版请关注频道更新。本期内容：{topic_zh}。",
    "Recorded in {city}. Full chapter list in the comments.",
    "A short cut for social media; the long version is in the series playlist.",
    "",
]
AUDIO_TITLES = [
    "播客 第{n}期：创作者访谈",
    "Background music loop {n}",
    "采访原声 {city}",
    "Podcast episode {n}",
]
IMAGE_TITLES = ["频道横幅", "Channel banner", "封面模板 {n}", "Thumbnail {n}", "海报 {city}", "Poster {city}"]


def _words(rng: random.Random) -> dict[str, object]:
    return {
        "n": rng.randint(1, 48),
        "city": rng.choice(_CITIES),
        "year": rng.choice([2025, 2026]),
        "topic_zh": rng.choice(_TOPICS_ZH),
        "topic_en": rng.choice(_TOPICS_EN),
        "food": rng.choice(_FOODS),
        "name": rng.choice(_NAMES),
        "month": rng.choice(_MONTHS),
    }


def title(rng: random.Random, pool: list[str] | None = None) -> str:
    choices = pool or (_TITLES_ZH if rng.random() < 0.5 else _TITLES_EN)
    return rng.choice(choices).format(**_words(rng))


def description(rng: random.Random, for_title: str) -> str:
    return rng.choice(_DESCRIPTIONS).format(title=for_title, **_words(rng))


def tags(rng: random.Random) -> str:
    return ",".join(rng.sample(TAGS, rng.randint(0, 4)))
