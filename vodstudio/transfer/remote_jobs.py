"""Jobs without local bytes: URL pulls (polled to a final state) and RegisterMedia."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vodstudio.core.errors import CancelledError, ServiceError, ServiceFacts, VodStudioError
from vodstudio.core.jobs import JobState, UploadJob
from vodstudio.transfer.oss_call import JobControl
from vodstudio.transfer.tickets import default_title

if TYPE_CHECKING:
    from vodstudio.transfer.job_runner import JobRunner

POLL_S = 1.0
_FINAL_OK = {"SUCCESS", "NORMAL", "UPLOADSUCC"}


def _metadata(job: UploadJob, key: str) -> dict[str, object]:
    meta: dict[str, object] = {key: job.path, "Title": default_title(job)}
    if job.description:
        meta["Description"] = job.description
    if job.tags:
        meta["Tags"] = ",".join(job.tags)
    if job.cate_id is not None:
        meta["CateId"] = job.cate_id
    return meta


def run_url_pull(runner: JobRunner, job: UploadJob, control: JobControl) -> None:
    """UploadMediaByURL once (its JobId kept in ``media_url`` as ``urljob:<id>``), then poll."""
    client = runner.client_for(job.account)
    queue = runner.shared.queue
    pull_id = job.media_url.removeprefix("urljob:") if job.media_url.startswith("urljob:") else ""
    if not pull_id:
        jobs = client.upload_media_by_url(
            [job.path],
            metadatas=[_metadata(job, "SourceURL")],
            template_group_id=job.template_group_id or None,
            workflow_id=job.workflow_id or None,
            storage_location=job.storage_location or None,
            app_id=job.app_id or None,
        )
        if not jobs:
            raise VodStudioError("UploadMediaByURL returned no job", code="malformed-response")
        pull_id = jobs[0].job_id
        queue.update(job.id, media_url=f"urljob:{pull_id}")
    runner.set_state(job, JobState.UPLOADING)
    while True:
        infos: Any = client.get_url_upload_infos(job_ids=[pull_id])
        info = infos.infos[0] if infos.infos else None
        if info is not None:
            status = str(info.status).upper()
            if info.media_id:
                queue.update(job.id, media_id=info.media_id)
            if status in _FINAL_OK:
                queue.update(job.id, media_url="")
                runner.set_state(job, JobState.DONE, bytes_done=int(info.file_size or 0))
                return
            if "FAIL" in status:
                facts = ServiceFacts("aliyun", info.error_code or status, info.error_message or status)
                raise ServiceError(facts)
        if control.cancel.wait(POLL_S):
            raise CancelledError("stopped while polling")


def run_register(runner: JobRunner, job: UploadJob) -> None:
    client = runner.client_for(job.account)
    result: Any = client.register_media(
        [_metadata(job, "FileURL")],
        template_group_id=job.template_group_id or None,
        workflow_id=job.workflow_id or None,
    )
    if not result.registered:
        facts = ServiceFacts("aliyun", "RegisterMedia.Failed", f"VOD did not register {job.path}")
        raise ServiceError(facts)
    runner.shared.queue.update(job.id, media_id=result.registered[0].media_id)
    runner.set_state(job, JobState.DONE)
