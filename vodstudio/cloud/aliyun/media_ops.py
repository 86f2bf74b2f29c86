"""Media library operations: video/image info, updates, deletes, mezzanine, play info, categories."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from vodstudio.cloud.aliyun import limits as lim
from vodstudio.cloud.aliyun import parse as p
from vodstudio.cloud.aliyun.base import RpcCaller
from vodstudio.cloud.aliyun.models import (
    BatchResult,
    Category,
    CategoryPage,
    ImageInfo,
    Mezzanine,
    PlayInfo,
    PlayStream,
    Video,
    VideoBase,
    VideoInfos,
)

BATCH = 20
OUTPUT_TYPES = ("oss", "cdn")
SNAPSHOT_TYPES = ("CoverSnapshot", "NormalSnapshot", "SpriteSnapshot", "SpriteOriginSnapshot", "All")
_UPDATE_KEYS = ("Title", "Description", "Tags", "CoverURL", "CateId")


def _require_id(name: str, value: str) -> None:
    if not value:
        raise lim.local_error(f"Missing{name}", f"{name} is required.")


def _update_entry(entry: Mapping[str, object], id_key: str, keys: Sequence[str]) -> dict[str, object]:
    """One UpdateContent item, checked as the API checks it (bytes, ≤16 tags, no emoji)."""
    item_id = str(entry.get(id_key) or "")
    _require_id(id_key, item_id)
    out: dict[str, object] = {id_key: item_id}
    for key in keys:
        value = entry.get(key)
        if value is None:
            continue
        if key == "Tags" and not isinstance(value, str):
            value = lim.join_tags(
                [str(tag) for tag in value] if isinstance(value, Iterable) else [], unit="bytes"
            )
        out[key] = value
    lim.check_text("Title", _opt_str(out.get("Title")), lim.TITLE_MAX, unit="bytes")
    lim.check_text("Description", _opt_str(out.get("Description")), lim.DESCRIPTION_MAX, unit="bytes")
    return out


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _content(entries: Sequence[dict[str, object]]) -> str:
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":"))


class MediaOps(RpcCaller):
    # ---- videos ---------------------------------------------------------------------------------
    def get_video_info(self, video_id: str) -> Video:
        _require_id("VideoId", video_id)
        body = self.call("GetVideoInfo", {"VideoId": video_id})
        return Video.from_json(p.obj(body, "Video", required=True))

    def get_video_infos(self, video_ids: Sequence[str]) -> VideoInfos:
        """Any number of ids, 20 per call; ``non_exist_video_ids`` merged over the calls."""
        videos: list[Video] = []
        missing: list[str] = []
        for chunk in lim.chunks(lim.unique(video_ids), BATCH):
            body = self.call("GetVideoInfos", {"VideoIds": chunk})
            videos += [Video.from_json(d) for d in p.items(body, "VideoList", "Video")]
            missing += p.strings(body, "NonExistVideoIds", "VideoId")
        return VideoInfos(videos=videos, non_exist_video_ids=missing)

    def update_video_info(
        self,
        video_id: str,
        *,
        title: str | None = None,
        description: str | None = None,
        tags: Iterable[str] | None = None,
        cover_url: str | None = None,
        cate_id: int | None = None,
        user_data: str | Mapping[str, object] | None = None,
    ) -> None:
        """Only the given fields change."""
        _require_id("VideoId", video_id)
        lim.check_text("Title", title, lim.TITLE_MAX, unit="bytes")
        lim.check_text("Description", description, lim.DESCRIPTION_MAX, unit="bytes")
        params = {
            "VideoId": video_id,
            "Title": title,
            "Description": description,
            "Tags": lim.join_tags(tags, unit="bytes"),
            "CoverURL": cover_url,
            "CateId": cate_id,
            "UserData": user_data if user_data is None or isinstance(user_data, str) else dict(user_data),
        }
        self.call("UpdateVideoInfo", params)

    def update_video_infos(self, updates: Sequence[Mapping[str, object]]) -> BatchResult:
        """``updates`` as the API's UpdateContent items (``VideoId`` + changed fields), 20 per call."""
        entries = [_update_entry(entry, "VideoId", _UPDATE_KEYS) for entry in updates]
        missing: list[str] = []
        forbidden: list[str] = []
        for chunk in lim.chunks(entries, BATCH):
            body = self.call("UpdateVideoInfos", {"UpdateContent": _content(chunk)})
            missing += p.strings(body, "NonExistVideoIds", "VideoId")
            forbidden += p.strings(body, "ForbiddenVideoIds", "VideoId")
        return BatchResult(non_exist_ids=missing, forbidden_ids=forbidden)

    def delete_video(self, video_ids: Sequence[str]) -> BatchResult:
        missing: list[str] = []
        forbidden: list[str] = []
        for chunk in lim.chunks(lim.unique(video_ids), BATCH):
            body = self.call("DeleteVideo", {"VideoIds": chunk})
            missing += p.strings(body, "NonExistVideoIds", "VideoId")
            forbidden += p.strings(body, "ForbiddenVideoIds", "VideoId")
        return BatchResult(non_exist_ids=missing, forbidden_ids=forbidden)

    def get_mezzanine_info(
        self,
        video_id: str,
        *,
        auth_timeout: int | None = None,
        output_type: str | None = None,
        addition_type: str | None = None,
    ) -> Mezzanine:
        _require_id("VideoId", video_id)
        lim.check_choice("OutputType", output_type, OUTPUT_TYPES)
        params = {
            "VideoId": video_id,
            "AuthTimeout": auth_timeout,
            "OutputType": output_type,
            "AdditionType": addition_type,
        }
        body = self.call("GetMezzanineInfo", params)
        return Mezzanine.from_json(p.obj(body, "Mezzanine", required=True))

    def delete_stream(self, video_id: str, job_ids: Sequence[str]) -> None:
        _require_id("VideoId", video_id)
        for chunk in lim.chunks(lim.unique(job_ids), BATCH):
            self.call("DeleteStream", {"VideoId": video_id, "JobIds": chunk})

    def delete_mezzanines(self, video_ids: Sequence[str], *, force: bool = False) -> BatchResult:
        """``forbidden_ids`` holds the UnRemoveableVideoIds (source still needed for playback)."""
        missing: list[str] = []
        kept: list[str] = []
        for chunk in lim.chunks(lim.unique(video_ids), BATCH):
            body = self.call("DeleteMezzanines", {"VideoIds": chunk, "Force": force})
            missing += p.strings(body, "NonExistVideoIds", "VideoId")
            kept += p.strings(body, "UnRemoveableVideoIds", "VideoId")
        return BatchResult(non_exist_ids=missing, forbidden_ids=kept)

    def get_play_info(
        self,
        video_id: str,
        *,
        formats: Sequence[str] | str | None = None,
        auth_timeout: int | None = None,
        output_type: str | None = None,
        definition: Sequence[str] | str | None = None,
        stream_type: str | None = None,
        result_type: str | None = None,
    ) -> PlayInfo:
        _require_id("VideoId", video_id)
        lim.check_choice("OutputType", output_type, OUTPUT_TYPES)
        lim.check_choice("ResultType", result_type, ("Single", "Multiple"))
        params = {
            "VideoId": video_id,
            "Formats": formats if formats is None or isinstance(formats, str) else list(formats),
            "AuthTimeout": auth_timeout,
            "OutputType": output_type,
            "Definition": definition
            if definition is None or isinstance(definition, str)
            else list(definition),
            "StreamType": stream_type,
            "ResultType": result_type,
        }
        body = self.call("GetPlayInfo", params)
        base = p.obj(body, "VideoBase")
        return PlayInfo(
            video_base=VideoBase(
                video_id=p.text(base, "VideoId") or video_id,
                title=p.text(base, "Title"),
                status=p.text(base, "Status"),
                duration=p.number(base, "Duration"),
                cover_url=p.text(base, "CoverURL"),
                creation_time=p.timestamp(base, "CreationTime"),
                media_type=p.text(base, "MediaType", "video"),
            ),
            streams=[PlayStream.from_json(d) for d in p.items(body, "PlayInfoList", "PlayInfo")],
            request_id=p.text(body, "RequestId"),
        )

    # ---- images -------------------------------------------------------------------------------
    def update_image_infos(self, updates: Sequence[Mapping[str, object]]) -> list[str]:
        """Returns the image ids that do not exist."""
        entries = [
            _update_entry(entry, "ImageId", ("Title", "Description", "Tags", "CateId")) for entry in updates
        ]
        missing: list[str] = []
        for chunk in lim.chunks(entries, BATCH):
            body = self.call("UpdateImageInfos", {"UpdateContent": _content(chunk)})
            missing += p.strings(body, "NonExistImageIds", "ImageId")
        return missing

    def get_image_info(
        self, image_id: str, *, output_type: str | None = None, auth_timeout: int | None = None
    ) -> ImageInfo:
        _require_id("ImageId", image_id)
        lim.check_choice("OutputType", output_type, OUTPUT_TYPES)
        params = {"ImageId": image_id, "OutputType": output_type, "AuthTimeout": auth_timeout}
        body = self.call("GetImageInfo", params)
        return ImageInfo.from_json(p.obj(body, "ImageInfo", required=True))

    def delete_image(
        self,
        *,
        image_ids: Sequence[str] = (),
        image_urls: Sequence[str] = (),
        video_id: str | None = None,
        image_types: Sequence[str] = (),
    ) -> None:
        """Exactly one way: by image ids, by image URLs, or a video's snapshots of ``image_types``."""
        ways = sum((bool(image_ids), bool(image_urls), bool(video_id)))
        if ways != 1:
            raise lim.local_error(
                "InvalidParameter", "Give image ids, image URLs or a video id (one of them)."
            )
        if video_id:
            for kind in image_types:
                lim.check_choice("ImageType", kind, SNAPSHOT_TYPES)
            kinds = "All" if not image_types or "All" in image_types else ",".join(image_types)
            self.call("DeleteImage", {"DeleteImageType": "VideoId", "VideoId": video_id, "ImageType": kinds})
            return
        kind, key, values = (
            ("ImageId", "ImageIds", image_ids) if image_ids else ("ImageURL", "ImageURLs", image_urls)
        )
        for chunk in lim.chunks(lim.unique(values), BATCH):
            self.call("DeleteImage", {"DeleteImageType": kind, key: chunk})

    # ---- categories ---------------------------------------------------------------------------
    def get_categories(
        self,
        *,
        cate_id: int = -1,
        page_no: int = 1,
        page_size: int = 100,
        sort_by: str | None = None,
        cate_type: str | None = None,
    ) -> CategoryPage:
        """``cate_id=-1`` lists the top level; ``category`` is ``None`` for that virtual root."""
        lim.check_choice("SortBy", sort_by, ("CreationTime:Asc", "CreationTime:Desc"))
        lim.check_choice("Type", cate_type, ("default", "material"))
        params: dict[str, Any] = {
            "CateId": cate_id,
            "PageNo": page_no,
            "PageSize": page_size,
            "SortBy": sort_by,
            "Type": cate_type,
        }
        body = self.call("GetCategories", params)
        current = p.obj(body, "Category")
        category = Category.from_json(current) if current and p.integer(current, "CateId", -1) != -1 else None
        return CategoryPage(
            category=category,
            subcategories=[Category.from_json(d) for d in p.items(body, "SubCategories", "Category")],
            total=p.integer(body, "SubTotal"),
        )
