"""ListTranscodeTemplateGroup and ListWorkflow: the groups CreateUploadVideo accepts, and one workflow.

Fixed rows, not stored: the sandbox accepts any 32-hex group id (vod_upload.template_param), so the
list names the two an account always has, the default group and ``VOD_NO_TRANSCODE``.
"""

from __future__ import annotations

from typing import Any

from vodstudio.sandbox import lifecycle
from vodstudio.sandbox.rpc import RpcContext, action

APP_ID = "app-1000000"  # the application every upload belongs to unless it names another
DEFAULT_GROUP_ID = "4d1b1f5e0c2a4e7f9b3c6d8e0f1a2b3c"
WORKFLOW_ID = "7e2c9a4b1d3f4a6c8e0b2d4f6a8c0e1f"
_CREATED = 1_767_225_600.0  # 2026-01-01T00:00:00Z

GROUPS: tuple[dict[str, str], ...] = (
    {"TranscodeTemplateGroupId": DEFAULT_GROUP_ID, "Name": "Default (LD, SD, HD)", "IsDefault": "Default"},
    {"TranscodeTemplateGroupId": lifecycle.NO_TRANSCODE, "Name": "No transcoding", "IsDefault": "NotDefault"},
)
WORKFLOWS: tuple[dict[str, str], ...] = (
    {"WorkflowId": WORKFLOW_ID, "Name": "Review, then transcode", "Status": "Enabled", "Type": "Transcode"},
)


@action("ListTranscodeTemplateGroup")
def list_transcode_template_group(ctx: RpcContext) -> dict[str, Any]:
    app_id = ctx.get("AppId")
    when = ctx.state.iso(_CREATED)
    groups = [
        {**g, "AppId": APP_ID, "Locked": "Disabled", "CreationTime": when, "ModifyTime": when}
        for g in GROUPS
        if not app_id or app_id == APP_ID
    ]
    return {"TranscodeTemplateGroupList": groups}


@action("ListWorkflow")
def list_workflow(ctx: RpcContext) -> dict[str, Any]:
    app_id = ctx.get("AppId")
    when = ctx.state.iso(_CREATED)
    flows = [
        {**w, "AppId": APP_ID, "CreationTime": when, "ModifyTime": when}
        for w in WORKFLOWS
        if not app_id or app_id == APP_ID
    ]
    return {"WorkflowList": flows}
