"""What an upload can be processed with: ListTranscodeTemplateGroup and ListWorkflow (typed results)."""

from __future__ import annotations

from vodstudio.cloud.aliyun import parse as p
from vodstudio.cloud.aliyun.base import RpcCaller
from vodstudio.core.presets import TemplateGroup, Workflow

__all__ = ["TemplateGroup", "TemplateOps", "Workflow"]


class TemplateOps(RpcCaller):
    def list_transcode_template_groups(self, *, app_id: str | None = None) -> list[TemplateGroup]:
        """Every template group of the account (or of one application); the default one first."""
        body = self.call("ListTranscodeTemplateGroup", {"AppId": app_id or None})
        groups = [
            TemplateGroup(
                group_id=p.text(d, "TranscodeTemplateGroupId"),
                name=p.text(d, "Name"),
                is_default=p.text(d, "IsDefault") == "Default",
                locked=p.text(d, "Locked") == "Enabled",
                app_id=p.text(d, "AppId"),
                created_at=p.timestamp(d, "CreationTime"),
            )
            for d in p.items(body, "TranscodeTemplateGroupList", "TranscodeTemplateGroup")
        ]
        return sorted((g for g in groups if g.group_id), key=lambda g: not g.is_default)

    def list_workflows(self, *, app_id: str | None = None) -> list[Workflow]:
        """The account's workflows. Neither official Python SDK models ListWorkflow: the answer is read
        leniently (``WorkflowList`` as a list or wrapped, missing fields empty)."""
        body = self.call("ListWorkflow", {"AppId": app_id or None})
        flows = [
            Workflow(
                workflow_id=p.text(d, "WorkflowId"),
                name=p.text(d, "Name"),
                status=p.text(d, "Status"),
                kind=p.text(d, "Type"),
                app_id=p.text(d, "AppId"),
                created_at=p.timestamp(d, "CreationTime"),
            )
            for d in p.items(body, "WorkflowList", "Workflow")
        ]
        return [f for f in flows if f.workflow_id]
